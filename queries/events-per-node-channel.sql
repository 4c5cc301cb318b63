-- Events per node and channel, with the first and last event time of each.
SELECT node, channel, COUNT(*) AS events, MIN(time) AS first, MAX(time) AS last
FROM events
GROUP BY node, channel
ORDER BY node, channel;
