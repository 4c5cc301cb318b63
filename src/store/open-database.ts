import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { errorMessage, UserError } from '../errors.js';
import { databaseAccessError, isDatabaseAccessError } from './database-access.js';
import { applySchemaMigrations } from './schema-migrations.js';

export type Store = Database.Database;

/** How long a writer waits for another lmdoctor process holding the database. */
const busyTimeoutInMs = 10 * 60 * 1000;

/**
 * Puts the database in WAL mode. While another connection holds the write lock of a database
 * still in rollback-journal mode (two lmdoctor processes creating the same new database at
 * once), SQLite answers this pragma with SQLITE_BUSY at once, without waiting through the busy
 * timeout (a wait could deadlock the two): so wait here, a little longer each time, and retry
 * for as long as the busy timeout allows.
 */
function useWal(db: Store): void {
  const deadline = Date.now() + busyTimeoutInMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let ms = 5; ; ms = Math.min(ms * 2, 200)) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= deadline)
        throw error;
      Atomics.wait(pause, 0, 0, ms);
    }
  }
}

/**
 * Opens (creating if needed) a case database for writing and brings its schema up to date.
 * `:memory:` gives a private in-memory database. Throws UserError when the file is not a
 * database lmdoctor can use.
 */
export function openStore(path: string): Store {
  let db: Store;
  try {
    db = new Database(path);
    db.pragma(`busy_timeout = ${busyTimeoutInMs}`);
    if (path !== ':memory:') useWal(db);
    db.pragma('synchronous = NORMAL');
    // A larger page cache keeps index pages of big ingests in memory (64 MiB at most).
    db.pragma('cache_size = -65536');
    db.pragma('foreign_keys = ON');
    applySchemaMigrations(db);
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (isDatabaseAccessError(error)) throw databaseAccessError(path, error);
    throw new UserError(
      `cannot open database ${path}: ${errorMessage(error)}`,
      'check the --db path, or start a new database',
    );
  }
  return db;
}

/**
 * Opens an existing case database read-only (for `query` and reports). Throws UserError when
 * there is no such file.
 */
export function openStoreReadOnly(path: string): Store {
  if (path !== ':memory:' && !existsSync(path)) {
    throw new UserError(
      `no database at ${path}`,
      'run `lmdoctor ingest <logs>` or `lmdoctor analyze <logs>` first, or point --db at the case database',
    );
  }
  try {
    const db = new Database(path, {
      readonly: path !== ':memory:',
      fileMustExist: path !== ':memory:',
    });
    db.pragma(`busy_timeout = ${busyTimeoutInMs}`);
    if (path === ':memory:') applySchemaMigrations(db);
    // Reading a WAL database opens its -wal and -shm files: fail here, with the reason.
    db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
    return db;
  } catch (error) {
    if (isDatabaseAccessError(error)) throw databaseAccessError(path, error);
    throw new UserError(
      `cannot open database ${path}: ${errorMessage(error)}`,
      'check the --db path',
    );
  }
}
