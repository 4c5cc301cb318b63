-- Files in the database: kind, node, size, records read and warnings.
SELECT id, path, kind, node, bytes, records, warnings, ingested_at
FROM sources
ORDER BY path;
