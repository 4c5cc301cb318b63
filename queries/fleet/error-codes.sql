-- Error codes of failed migrations across the fleet: how often, in how many clusters and cases.
SELECT
  error_code,
  COUNT(*) AS failures,
  COUNT(DISTINCT cluster) AS clusters,
  COUNT(DISTINCT case_id) AS cases
FROM migrations
WHERE outcome = 'failed' AND error_code IS NOT NULL
GROUP BY error_code
ORDER BY failures DESC, error_code
