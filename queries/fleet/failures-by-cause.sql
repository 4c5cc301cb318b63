-- Failed migrations by diagnosed cause, per cluster and month (UTC; run the session in UTC).
SELECT
  m.cluster,
  date_trunc('month', COALESCE(m.started_at, m.requested_at, m.ended_at)) AS month,
  COALESCE(f.cause, 'undiagnosed') AS cause,
  COUNT(*) AS failures
FROM migrations AS m
LEFT JOIN findings AS f
  ON f.case_id = m.case_id AND f.migration_id = m.id AND f.scope = 'migration'
WHERE m.outcome = 'failed'
GROUP BY
  m.cluster,
  date_trunc('month', COALESCE(m.started_at, m.requested_at, m.ended_at)),
  COALESCE(f.cause, 'undiagnosed')
ORDER BY m.cluster NULLS LAST, month NULLS LAST, failures DESC, cause
