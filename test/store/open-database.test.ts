import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-database.js';
import { useTempDir } from '../support/temp-dir.js';

const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Another process that takes the write lock of `path` (still in rollback-journal mode), says
 * so on stdout, and lets go after `holdMs`. Resolves once the lock is held.
 */
function holdWriteLock(path: string, holdMs: number): Promise<{ done: Promise<number | null> }> {
  const script = `
    const Database = require(${JSON.stringify(betterSqlite)});
    const db = new Database(${JSON.stringify(path)});
    db.exec('BEGIN IMMEDIATE; INSERT INTO held (x) VALUES (1)');
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${holdMs});
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({ done }));
    child.once('error', reject);
    child.once('close', (code) => reject(new Error(`lock holder ended (exit ${code})`)));
  });
}

describe('openStore', () => {
  const tempDir = useTempDir();

  it('waits for another process holding the write lock of a new database instead of failing', async () => {
    // Two lmdoctor processes creating one database at once: the second to switch it to WAL
    // got SQLITE_BUSY at once ("cannot open database ...: database is locked"), whatever the
    // busy timeout.
    const path = join(tempDir(), 'case.db');
    const setup = new Database(path);
    setup.exec('CREATE TABLE held (x)');
    setup.close();
    const holder = await holdWriteLock(path, 300);
    const started = Date.now();
    const db = openStore(path);
    try {
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.prepare('SELECT COUNT(*) FROM held').pluck().get()).toBe(1);
    } finally {
      db.close();
    }
    expect(await holder.done).toBe(0);
  });
});
