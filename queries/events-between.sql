-- All events of every node between two UTC times (ISO-8601, e.g. 2011-04-15T10:00:00Z).
-- params: from, to
SELECT time, node, channel, provider, event_id, level, message
FROM events
WHERE time >= :from AND time <= :to
ORDER BY time, node;
