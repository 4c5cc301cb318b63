import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReportFile } from '../../src/cli/report-output.js';
import { UserError } from '../../src/errors.js';
import { runCli } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';

/** Issue 17: hostile use of the built command line. */
describe('lmdoctor under hostile use (built command line)', () => {
  const tempDir = useTempDir();
  const emptyCase = () => {
    const db = join(tempDir(), 'case.db');
    expect(runCli(['ingest', '--db', db, '--quiet', join(tempDir(), 'none')]).status).not.toBe(2);
    return db;
  };

  it('query --timeout stops a query that never ends, cleanly, with exit 1', () => {
    const db = emptyCase();
    const run = runCli([
      'query',
      'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c',
      '--db',
      db,
      '--timeout',
      '1',
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/the query ran for 1 s and was stopped \(--timeout 1\)/);
    expect(run.stderr).toMatch(/hint: narrow it/);
    expect(run.stderr).not.toMatch(/internal error/);
  });

  it('query writes a result of any size in every format', () => {
    const db = emptyCase();
    const sql =
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000) SELECT x, printf('=x%d', x) AS t FROM c";
    const csv = runCli(['query', sql, '--db', db, '--format', 'csv']);
    expect(csv.status, csv.stderr).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines).toHaveLength(20002);
    expect(lines.slice(0, 2)).toEqual(['x,t', `1,"'=x1"`]);
    const json = runCli(['query', sql, '--db', db, '--format', 'json']);
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(20000);
  });
});

describe('report files never destroy the case (built command line)', () => {
  const tempDir = useTempDir();

  it('refuses --output/--report naming the database or its -wal/-shm, and keeps the case', () => {
    const dir = tempDir();
    const db = join(dir, 'case.md');
    expect(runCli(['analyze', 'sample-logs/default', '--db', db, '--quiet']).status).toBe(0);
    const count = () =>
      runCli(['query', 'SELECT COUNT(*) AS n FROM events', '--db', db, '--format', 'csv']).stdout;
    const before = count();
    expect(before).toMatch(/^n\r\n[1-9]\d*\r\n$/);
    for (const output of [db, `${db}-wal`, `${db}-shm`, join(dir, '.', 'case.md')]) {
      const run = runCli(['report', '--db', db, '--output', output]);
      expect(run.status, output).toBe(1);
      expect(run.stderr).toMatch(/names the case database/);
    }
    const analyze = runCli(['analyze', 'sample-logs/default', '--db', db, '--report', db]);
    expect(analyze.status).toBe(1);
    expect(analyze.stderr).toMatch(/--report .* names the case database/);
    expect(existsSync(db)).toBe(true);
    expect(count()).toBe(before);
  });

  it('a report that fails half-way leaves an existing file as it was, and no partial file', () => {
    const dir = tempDir();
    const target = join(dir, 'report.md');
    writeFileSync(target, 'earlier report\n');
    expect(() =>
      writeReportFile(target, (out) => {
        out.write('half of a new report');
        throw new UserError('rendering failed');
      }),
    ).toThrow(/rendering failed/);
    expect(readFileSync(target, 'utf8')).toBe('earlier report\n');
    expect(readdirSync(dir)).toEqual(['report.md']);
    writeReportFile(target, 'new report\n');
    expect(readFileSync(target, 'utf8')).toBe('new report\n');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });
});

/**
 * A read-only view of `dir`: a read-only bind mount when running as root (root ignores file
 * modes), else the folder and its files made read-only. Returns the view and an undo, or null
 * when neither works here.
 */
function readOnlyView(dir: string): { path: string; undo: () => void } | null {
  if (process.getuid?.() !== 0) {
    const files = readdirSync(dir).map((name) => join(dir, name));
    for (const file of files) chmodSync(file, 0o444);
    chmodSync(dir, 0o555);
    return {
      path: dir,
      undo: () => {
        chmodSync(dir, 0o755);
        for (const file of files) chmodSync(file, 0o644);
      },
    };
  }
  const view = `${dir}-ro`;
  mkdirSync(view);
  const mount = (args: string[]) => spawnSync('mount', args, { stdio: 'ignore' }).status === 0;
  if (!mount(['--bind', dir, view]) || !mount(['-o', 'remount,ro,bind', view])) {
    spawnSync('umount', [view], { stdio: 'ignore' });
    rmdirSync(view);
    return null;
  }
  return {
    path: view,
    undo: () => {
      spawnSync('umount', [view], { stdio: 'ignore' });
      rmdirSync(view);
    },
  };
}

describe('a read-only case database or folder (built command line)', () => {
  const tempDir = useTempDir();

  it('every command says what is wrong and what to do, never "internal error"', (context) => {
    const dir = join(tempDir(), 'case');
    mkdirSync(dir);
    expect(
      runCli(['analyze', 'sample-logs/default', '--db', join(dir, 'case.db'), '-q']).status,
    ).toBe(0);
    const view = readOnlyView(dir);
    if (view === null) {
      context.skip('skipped: cannot make a read-only folder here (no bind mount as root)');
      return;
    }
    try {
      const db = join(view.path, 'case.db');
      for (const args of [
        ['ingest', 'sample-logs/bad-day'],
        ['analyze', 'sample-logs/default'],
        ['diagnose'],
        ['migrations'],
        ['timeline', '--limit', '1'],
        ['report'],
        ['query', 'SELECT COUNT(*) FROM events'],
      ]) {
        const run = runCli([...args, '--db', db]);
        expect(run.status, args.join(' ')).toBe(1);
        expect(run.stderr, args.join(' ')).not.toMatch(/internal error|check the statement/);
        expect(run.stderr, args.join(' ')).toMatch(/read-only|cannot be written/);
        expect(run.stderr, args.join(' ')).toMatch(/hint: .*(copy|writable)/i);
      }
      const fresh = runCli(['ingest', 'sample-logs/default', '--db', join(view.path, 'new.db')]);
      expect(fresh.status).toBe(1);
      expect(fresh.stderr).toMatch(/hint: .*writable/);
    } finally {
      view.undo();
    }
  });
});

describe('evtx on an unreadable file (built command line)', () => {
  it.skipIf(!existsSync('/proc/self/mem'))(
    'dump and info say the file cannot be read instead of "internal error"',
    () => {
      for (const command of ['dump', 'info']) {
        const run = runCli(['evtx', command, '/proc/self/mem']);
        expect(run.status, command).toBe(1);
        expect(run.stderr).toMatch(/\/proc\/self\/mem: cannot be read \(EIO/);
        expect(run.stderr).not.toMatch(/internal error/);
      }
    },
  );
});
