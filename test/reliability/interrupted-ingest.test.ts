import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { integrityCheck, runCliKilledWhen, tableDigests } from '../support/database-digests.js';
import { repoRoot, runCli } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';
import { writeLargeCollection, type LargeCollection } from '../support/write-large-collection.js';

// SIGKILL during `lmdoctor ingest` (one transaction per file): the database stays consistent
// and a rerun ends with exactly the rows of an uninterrupted run.

const mainScript = join(repoRoot, 'dist', 'cli', 'main.js');

/** Committed sources so far, or -1 while the database cannot be read yet. */
function storedSources(path: string): number {
  if (!existsSync(path)) return -1;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM sources').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return -1;
  }
}

/**
 * Starts `lmdoctor ingest` and SIGKILLs it as soon as at least `afterFiles` files are committed
 * (so, most often, in the middle of the next file's transaction). Resolves with how many
 * sources were stored when it was killed, or null when it finished first.
 */
async function ingestAndKill(logs: string, db: string, afterFiles: number): Promise<number | null> {
  let killedAt: number | null = null;
  await runCliKilledWhen(['ingest', logs, '--db', db, '-q', '-j', '1'], () => {
    const stored = storedSources(db);
    if (stored < afterFiles) return false;
    killedAt = stored;
    return true;
  });
  return killedAt;
}

describe('interrupted ingest', () => {
  const tempDir = useTempDir();
  let logs = '';
  let collection: LargeCollection;

  beforeAll(() => {
    if (!existsSync(mainScript))
      throw new Error('dist/cli/main.js is missing: run `npm run build`');
  });

  it('SIGKILLed at several points, the database passes integrity_check and a rerun gives exactly the rows of an uninterrupted run', async () => {
    logs = join(tempDir(), 'logs');
    collection = writeLargeCollection(logs, 12 * 1024 * 1024);
    expect(collection.evtxFiles).toBe(16);
    expect(collection.clusterLogs).toBe(4);

    const reference = join(tempDir(), 'reference.db');
    const whole = runCli(['ingest', logs, '--db', reference, '-q', '-j', '1']);
    expect(whole.status, whole.stderr).toBe(0);
    const expected = tableDigests(reference);
    expect(expected.events).toMatch(new RegExp(`^${collection.evtxRecords} rows`));

    const interrupted = join(tempDir(), 'interrupted.db');
    const killedAt: (number | null)[] = [];
    for (const afterFiles of [0, 3, 9, 20]) {
      killedAt.push(await ingestAndKill(logs, interrupted, afterFiles));
      expect(integrityCheck(interrupted)).toBe('ok');
    }
    // Each kill found the files of earlier runs already stored and stopped before the end.
    expect(killedAt.filter((n) => n !== null).length).toBeGreaterThanOrEqual(3);

    const rerun = runCli(['ingest', logs, '--db', interrupted, '-q', '-j', '1']);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(integrityCheck(interrupted)).toBe('ok');
    expect(tableDigests(interrupted)).toEqual(expected);
  }, 180_000);
});
