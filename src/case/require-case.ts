import { existsSync } from 'node:fs';
import { UserError } from '../errors.js';
import { openStoreReadOnly } from '../store/open-database.js';

/**
 * Refuses to go on without a case at `path`: a database file that exists and holds at least one
 * file read. Commands that read a case call it first, so they never create an empty database
 * nor print nothing from one. `:memory:` passes (it is made for the run).
 */
export function requireCase(path: string): void {
  if (path === ':memory:') return;
  const hint = 'or point --db (or LMDOCTOR_DB) at the database analyze wrote';
  if (!existsSync(path))
    throw new UserError(`no case at ${path}: run lmdoctor analyze FOLDER first`, hint);
  const db = openStoreReadOnly(path);
  let files = 0;
  try {
    files = (db.prepare('SELECT COUNT(*) AS n FROM sources').get() as { n: number }).n;
  } catch {
    files = 0; // not an lmdoctor database, or one from before any ingest
  } finally {
    db.close();
  }
  if (files === 0)
    throw new UserError(
      `no case at ${path}: the database holds no logs; run lmdoctor analyze FOLDER first`,
      hint,
    );
}
