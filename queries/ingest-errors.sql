-- Everything that could not be read: damaged records, malformed events, skipped files.
SELECT COALESCE(s.path, e.location) AS file,
       CASE WHEN s.id IS NULL THEN 'skipped' ELSE e.location END AS location,
       e.message
FROM ingest_errors AS e
LEFT JOIN sources AS s ON s.id = e.source_id
ORDER BY e.id;
