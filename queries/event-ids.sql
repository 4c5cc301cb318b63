-- How often each provider and event id occurs, per channel.
SELECT channel, provider, event_id, COUNT(*) AS events
FROM events
GROUP BY channel, provider, event_id
ORDER BY channel, events DESC;
