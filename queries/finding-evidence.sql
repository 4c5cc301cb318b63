-- The records behind the findings of one migration: each evidence entry with the stored event or cluster log line it names.
-- params: migration
SELECT f.scope, f.cause, json_extract(e.value, '$.table') AS evidence_table,
       json_extract(e.value, '$.id') AS evidence_id, json_extract(e.value, '$.node') AS node,
       json_extract(e.value, '$.time') AS time, json_extract(e.value, '$.note') AS note,
       COALESCE(ev.message, cl.message) AS record_text
FROM findings f, json_each(f.evidence) e
LEFT JOIN events ev ON json_extract(e.value, '$.table') = 'events' AND ev.id = json_extract(e.value, '$.id')
LEFT JOIN cluster_log cl ON json_extract(e.value, '$.table') = 'cluster_log' AND cl.id = json_extract(e.value, '$.id')
WHERE f.migration_id = CAST(:migration AS INTEGER)
ORDER BY f.id, e.key;
