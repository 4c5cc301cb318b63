-- Critical, error and warning events per provider and event id, most frequent first.
SELECT provider, event_id,
       CASE level WHEN 1 THEN 'critical' WHEN 2 THEN 'error' WHEN 3 THEN 'warning' END AS level,
       COUNT(*) AS events, MIN(time) AS first, MAX(time) AS last,
       GROUP_CONCAT(DISTINCT node) AS nodes
FROM events
WHERE level IN (1, 2, 3)
GROUP BY provider, event_id, level
ORDER BY events DESC, provider, event_id;
