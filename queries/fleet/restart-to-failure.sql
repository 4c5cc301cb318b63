-- Failed migrations that began after the cluster service started on one of their nodes: seconds from that start (the nearer side), soonest first.
SELECT
  cluster,
  case_id,
  id AS migration_id,
  vm,
  source_node,
  destination_node,
  started_at,
  error_code,
  CASE
    WHEN seconds_since_service_start_source IS NULL THEN seconds_since_service_start_destination
    WHEN seconds_since_service_start_destination IS NULL THEN seconds_since_service_start_source
    WHEN seconds_since_service_start_source < seconds_since_service_start_destination
      THEN seconds_since_service_start_source
    ELSE seconds_since_service_start_destination
  END AS seconds_since_service_start
FROM migrations
WHERE outcome = 'failed'
  AND (seconds_since_service_start_source IS NOT NULL
    OR seconds_since_service_start_destination IS NOT NULL)
ORDER BY seconds_since_service_start, cluster NULLS LAST, case_id, migration_id
