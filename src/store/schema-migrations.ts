import type Database from 'better-sqlite3';
import { UserError } from '../errors.js';
import { sourcesAndEvents } from './migrations/001-sources-events.js';
import { clusterLogAndConfig } from './migrations/002-cluster-log-config.js';
import { migrationTables } from './migrations/003-migrations.js';
import { findingsTable } from './migrations/004-findings.js';
import { replayState } from './migrations/005-replay-state.js';
import { clusterLogLines } from './migrations/006-cluster-log-lines.js';
import { clockOffsetsStateIntervals } from './migrations/007-clock-offsets-state-intervals.js';
import { nodeAttribution } from './migrations/008-node-attribution.js';
import { vmNamesTable } from './migrations/010-vm-names.js';
import { unattachedErrorsIndex } from './migrations/012-unattached-errors-index.js';

/** One numbered, named schema step; applied once, in order, and recorded in `schema_migrations`. */
export interface SchemaMigration {
  version: number;
  name: string;
  sql: string;
}

/** Every schema step, oldest first. Append new steps; never edit or renumber a released one. */
export const schemaMigrations: readonly SchemaMigration[] = [
  sourcesAndEvents,
  clusterLogAndConfig,
  migrationTables,
  findingsTable,
  replayState,
  clusterLogLines,
  clockOffsetsStateIntervals,
  nodeAttribution,
  vmNamesTable,
  unattachedErrorsIndex,
];

/** The schema version this build of lmdoctor writes. */
export const latestSchemaVersion = Math.max(...schemaMigrations.map((m) => m.version));

/**
 * Brings a database up to the latest schema, each pending step in its own transaction.
 * Throws UserError when the database was written by a newer lmdoctor.
 */
export function applySchemaMigrations(db: Database.Database): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
      (r) => r.version,
    ),
  );
  const newest = Math.max(0, ...applied);
  if (newest > latestSchemaVersion) {
    throw new UserError(
      `the database has schema version ${newest}, newer than this lmdoctor understands (${latestSchemaVersion})`,
      'upgrade lmdoctor, or use a new database with --db',
    );
  }
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  const done: number[] = [];
  for (const migration of [...schemaMigrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    // Another process may have applied the step since the list above was read (two commands
    // opening a new database at once): check again under the write lock.
    const appliedNow = db
      .transaction(() => {
        if (isApplied.get(migration.version)) return false;
        db.exec(migration.sql);
        record.run(migration.version, migration.name, new Date().toISOString());
        return true;
      })
      .immediate();
    if (appliedNow) done.push(migration.version);
  }
  return done;
}
