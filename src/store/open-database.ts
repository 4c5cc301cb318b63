import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { errorMessage, UserError } from '../errors.js';
import { applySchemaMigrations } from './schema-migrations.js';

export type Store = Database.Database;

/** How long a writer waits for another lmdoctor process holding the database. */
const busyTimeoutInMs = 10 * 60 * 1000;

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
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // A larger page cache keeps index pages of big ingests in memory (64 MiB at most).
    db.pragma('cache_size = -65536');
    db.pragma('foreign_keys = ON');
    applySchemaMigrations(db);
  } catch (error) {
    if (error instanceof UserError) throw error;
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
    return db;
  } catch (error) {
    throw new UserError(
      `cannot open database ${path}: ${errorMessage(error)}`,
      'check the --db path',
    );
  }
}
