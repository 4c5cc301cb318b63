-- Infrastructure events per cluster and month (UTC) by catalogue role: node and network loss, cluster service starts and stops, RHS and CSV trouble.
SELECT
  cluster,
  date_trunc('month', time) AS month,
  role,
  COUNT(*) AS events,
  COUNT(DISTINCT node) AS nodes
FROM events
WHERE role IN ('node-down', 'network-down', 'interface-failed', 'cluster-service-start',
  'cluster-service-stop', 'rhs-died', 'rhs-deadlock', 'csv-paused', 'csv-redirected',
  'csv-no-access')
GROUP BY cluster, date_trunc('month', time), role
ORDER BY cluster NULLS LAST, month, events DESC, role
