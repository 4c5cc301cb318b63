import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFile, ingestPaths } from '../../src/case/ingest-case.js';
import { Console } from '../../src/cli/console.js';
import { openStore } from '../../src/store/open-database.js';
import { eventXmlSeries } from '../support/event-xml.js';
import { useTempDir } from '../support/temp-dir.js';

const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Another process that takes the write lock of `db`, then (after `holdMs`) stores a `sources`
 * row for `file` as a concurrent ingest of the same file would, and commits. Resolves once the
 * lock is held.
 */
function storeSameFileMeanwhile(
  db: string,
  file: { path: string; sha256: string; bytes: number },
  holdMs: number,
): Promise<{ done: Promise<number | null> }> {
  const script = `
    const Database = require(${JSON.stringify(betterSqlite)});
    const db = new Database(${JSON.stringify(db)});
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    setTimeout(() => {
      db.prepare("INSERT INTO sources (path, kind, sha256, bytes, ingested_at) VALUES (?, 'xml-events', ?, ?, 'now')")
        .run(${JSON.stringify(file.path)}, ${JSON.stringify(file.sha256)}, ${file.bytes});
      db.exec('COMMIT');
      db.close();
    }, ${holdMs});
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({ done }));
    child.once('error', reject);
  });
}

/** Issue 17 item 2: "already stored?" is decided under the same lock as the write. */
describe('two ingests of the same file into one database', () => {
  const tempDir = useTempDir();

  it('the one that waited for the lock finds the file stored and does not store it twice', async () => {
    const dir = join(tempDir(), 'logs');
    mkdirSync(dir);
    const path = join(dir, 'events.xml');
    const text = eventXmlSeries(50, 1).join('\n');
    writeFileSync(path, text);
    const dbPath = join(dir, '..', 'case.db');
    const db = openStore(dbPath);
    const other = await storeSameFileMeanwhile(
      dbPath,
      { path, sha256: await hashFile(path), bytes: Buffer.byteLength(text) },
      2500,
    );
    const report = await ingestPaths(
      db,
      [dir],
      { force: false, jobs: 1 },
      new Console(process.stderr, true),
    );
    expect(await other.done).toBe(0);
    expect(report.files.map((f) => f.status)).toEqual(['already-ingested']);
    expect(db.prepare('SELECT COUNT(*) FROM sources').pluck().get()).toBe(1);
    db.close();
  });
});
