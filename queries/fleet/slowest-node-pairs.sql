-- Completed migrations by node pair, per cluster: how many, mean and slowest duration, longest blackout (slowest pairs first).
SELECT
  cluster,
  source_node,
  destination_node,
  COUNT(*) AS migrations,
  AVG(duration_s) AS mean_s,
  MAX(duration_s) AS slowest_s,
  MAX(blackout_s) AS longest_blackout_s
FROM migrations
WHERE outcome = 'succeeded' AND duration_s IS NOT NULL
GROUP BY cluster, source_node, destination_node
ORDER BY slowest_s DESC, cluster NULLS LAST, source_node NULLS LAST, destination_node NULLS LAST
