import type { SchemaMigration } from '../schema-migrations.js';

/**
 * DESIGN §4: `findings` — a migration's diagnosis (scope `migration`), another cause present in
 * the same migration (`related`) or a cluster-wide advisory (`cluster`, no migration), with
 * the evidence records and the flowchart path as JSON. Rebuilt by `diagnose` and `analyze`;
 * a migration's findings go when replay replaces the migrations.
 */
export const findingsTable: SchemaMigration = {
  version: 4,
  name: 'findings',
  sql: `
    CREATE TABLE findings (
      id INTEGER PRIMARY KEY,
      migration_id INTEGER REFERENCES migrations(id) ON DELETE CASCADE,
      scope TEXT NOT NULL,
      cause TEXT NOT NULL,
      verdict TEXT NOT NULL,
      summary TEXT NOT NULL,
      remediation TEXT NOT NULL,
      evidence TEXT NOT NULL DEFAULT '[]',
      path TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX findings_migration ON findings (migration_id);
  `,
};
