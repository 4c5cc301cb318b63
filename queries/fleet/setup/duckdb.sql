-- DuckDB: one view per exported dataset over the export folder (run from inside it), UTC session.
SET TimeZone = 'UTC';
CREATE OR REPLACE VIEW sources AS SELECT * FROM read_parquet('sources/**/*.parquet', hive_partitioning = true, union_by_name = true);
CREATE OR REPLACE VIEW ingest_errors AS SELECT * FROM read_parquet('ingest_errors/**/*.parquet', hive_partitioning = true, union_by_name = true);
CREATE OR REPLACE VIEW events AS SELECT * FROM read_parquet('events/**/*.parquet', hive_partitioning = true, union_by_name = true);
CREATE OR REPLACE VIEW cluster_log AS SELECT * FROM read_parquet('cluster_log/**/*.parquet', hive_partitioning = true, union_by_name = true);
CREATE OR REPLACE VIEW migrations AS SELECT * FROM read_parquet('migrations/**/*.parquet', hive_partitioning = true, union_by_name = true);
CREATE OR REPLACE VIEW migration_steps AS SELECT * FROM read_parquet('migration_steps/**/*.parquet', hive_partitioning = true, union_by_name = true);
CREATE OR REPLACE VIEW findings AS SELECT * FROM read_parquet('findings/**/*.parquet', hive_partitioning = true, union_by_name = true);
