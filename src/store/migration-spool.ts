import type { Migration } from '../model/migration.js';
import type { Store } from './open-database.js';

/** Migrations buffered in memory before they are written to the spool table together. */
const batchSize = 256;

/** Page cache of the temporary database holding the spool (KiB). */
const spoolCacheKiB = 2048;

/** A spool of finished migrations in a temporary table (see replayStream). */
export interface StoreSpool {
  put(key: number, migration: Migration): void;
  take(key: number): Migration;
  /** Drops the table. */
  close(): void;
}

/**
 * Opens an empty spool: replay parks each migration here as it closes, and takes them back
 * in number order once all are known, so they never all sit in memory. The table is
 * temporary (private to this connection, gone when it closes).
 */
export function openMigrationSpool(db: Store): StoreSpool {
  db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS replay_spool (key INTEGER PRIMARY KEY, body TEXT NOT NULL); DELETE FROM temp.replay_spool;',
  );
  // The spool is written once and read once, in key order: a small cache does (the default
  // lets the temporary database hold some 20 MiB).
  db.pragma(`temp.cache_size = ${-spoolCacheKiB}`);
  const insert = db.prepare('INSERT INTO temp.replay_spool (key, body) VALUES (?, ?)');
  const select = db.prepare('SELECT body FROM temp.replay_spool WHERE key = ?').pluck();
  const pending = new Map<number, Migration>();
  const flush = db.transaction(() => {
    for (const [key, migration] of pending) insert.run(key, JSON.stringify(migration));
    pending.clear();
  });
  return {
    put(key, migration) {
      pending.set(key, migration);
      if (pending.size >= batchSize) flush();
    },
    take(key) {
      const held = pending.get(key);
      if (held) {
        pending.delete(key);
        return held;
      }
      const body = select.get(key) as string | undefined;
      if (body === undefined) throw new Error(`no spooled migration ${key}`);
      return JSON.parse(body) as Migration;
    },
    close() {
      pending.clear();
      db.exec('DROP TABLE IF EXISTS temp.replay_spool');
    },
  };
}
