import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { errorMessage, UserError } from '../errors.js';

/** SQLite result codes (extended codes start with these) that are about reaching the file. */
const accessCodes = ['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'SQLITE_AUTH'];

/** Whether `error` is SQLite failing to open, read or write the database file itself. */
export function isDatabaseAccessError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && accessCodes.some((prefix) => code.startsWith(prefix));
}

/** Whether `error` is a full disk or quota (SQLite's SQLITE_FULL, or ENOSPC/EDQUOT from node). */
export function isDiskFullError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The UserError for a database that cannot be opened or written (`error` from SQLite, null
 * when not known): says which of the file and its folder is read-only and what to do. SQLite
 * keeps `-wal` and `-shm` files beside a database in WAL mode, so even reading needs a
 * writable folder unless they exist.
 */
export function databaseAccessError(path: string, error: unknown): UserError {
  const folder = dirname(resolve(path));
  const detail = error === null ? '' : ` (${errorMessage(error)})`;
  if (!existsSync(folder))
    return new UserError(
      `the folder of the case database ${path} does not exist${detail}`,
      'create it, or give --db a path in an existing, writable folder',
    );
  if (!writable(folder))
    return new UserError(
      `the folder of the case database ${path} is read-only: it cannot be written${detail}`,
      `SQLite writes ${path}-wal and -shm beside the database: copy the database to a writable folder and give --db that copy`,
    );
  if (existsSync(path) && !writable(path))
    return new UserError(
      `the case database ${path} is read-only: it cannot be written${detail}`,
      'make the file writable, or copy it to a writable folder and give --db that copy',
    );
  return new UserError(
    `the case database ${path} cannot be opened or written${detail}`,
    'check that the file and its folder are writable and the disk is not full, or give --db a writable copy',
  );
}
