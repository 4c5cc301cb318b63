-- Diagnoses, related causes and cluster advisories, with the migration each is about (run diagnose or analyze first).
SELECT f.id, f.scope, f.cause, f.verdict, f.migration_id, m.vm, m.source_node, m.destination_node,
       m.started_at, f.summary, json_array_length(f.evidence) AS evidence_records
FROM findings f
LEFT JOIN migrations m ON m.id = f.migration_id
ORDER BY f.migration_id IS NULL, f.migration_id, CASE f.scope WHEN 'migration' THEN 0 ELSE 1 END, f.id;
