-- Migrations per cluster: cases, attempts, failures and the share that failed (most failing first).
SELECT
  cluster,
  COUNT(DISTINCT case_id) AS cases,
  COUNT(*) AS migrations,
  SUM(CASE WHEN outcome = 'failed' THEN 1 ELSE 0 END) AS failed,
  CAST(SUM(CASE WHEN outcome = 'failed' THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS failed_share
FROM migrations
GROUP BY cluster
ORDER BY failed_share DESC, cluster NULLS LAST
