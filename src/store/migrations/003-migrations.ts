import type { SchemaMigration } from '../schema-migrations.js';

/**
 * DESIGN §4: `migrations` and `migration_steps`, rebuilt by replay after every ingest, plus
 * `gaps` and `facts` (JSON) per migration and the estimated `clock_skew` per node.
 */
export const migrationTables: SchemaMigration = {
  version: 3,
  name: 'migrations-steps-clock-skew',
  sql: `
    CREATE TABLE migrations (
      id INTEGER PRIMARY KEY,
      vm TEXT NOT NULL,
      vm_id TEXT,
      kind TEXT NOT NULL,
      source_node TEXT,
      destination_node TEXT,
      requested_at TEXT,
      started_at TEXT,
      ended_at TEXT,
      duration_s REAL,
      blackout_s REAL,
      outcome TEXT NOT NULL,
      failure_side TEXT,
      error_code TEXT,
      error_text TEXT,
      gaps TEXT NOT NULL DEFAULT '[]',
      facts TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX migrations_vm ON migrations (vm, started_at);
    CREATE INDEX migrations_started ON migrations (started_at);
    CREATE TABLE migration_steps (
      migration_id INTEGER NOT NULL REFERENCES migrations(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      time TEXT NOT NULL,
      node TEXT NOT NULL,
      phase TEXT NOT NULL,
      evidence_table TEXT NOT NULL,
      evidence_id INTEGER NOT NULL,
      summary TEXT,
      PRIMARY KEY (migration_id, seq)
    );
    CREATE TABLE clock_skew (
      node TEXT PRIMARY KEY,
      offset_s REAL NOT NULL,
      pairs INTEGER NOT NULL,
      reference TEXT NOT NULL
    );
  `,
};
