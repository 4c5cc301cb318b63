import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { duckRows, openDuckDb } from '../support/duckdb.js';
import { runCli } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.parquet'),
  );
}

describe('lmdoctor export (built CLI)', () => {
  const temp = useTempDir();

  it('writes Parquet with two threads, replaces the case on a second export and keeps other cases', async () => {
    const db = join(temp(), 'case.db');
    const out = join(temp(), 'fleet');
    expect(runCli(['analyze', 'sample-logs/bad-day', '--db', db, '-q']).status).toBe(0);
    const first = runCli(['export', '--db', db, '--format', 'parquet', '-o', out, '--jobs', '2']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/cluster_log: \d+ rows/);
    const files = filesUnder(out);
    expect(files.some((f) => f.startsWith(join('cluster_log', 'case=lmd-')))).toBe(true);
    const again = runCli(['export', '--db', db, '--format', 'parquet', '-o', out, '-q']);
    expect(again.status, again.stderr).toBe(0);
    expect(filesUnder(out).sort()).toEqual(files.sort());
    const other = runCli([
      'export',
      '--db',
      db,
      '--format',
      'parquet',
      '-o',
      out,
      '--case-id',
      'SR-1',
      '-q',
    ]);
    expect(other.status, other.stderr).toBe(0);
    const duck = await openDuckDb(out);
    const rows = await duckRows(
      duck,
      "SELECT case_id, COUNT(*) AS n FROM read_parquet('cluster_log/**/*.parquet') GROUP BY case_id ORDER BY case_id",
    );
    expect(rows.map((r) => r.case_id)).toHaveLength(2);
    expect(rows[0]!.n).toBe(rows[1]!.n);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
    // Four runs of the built CLI: more than the default minute on a loaded machine.
  }, 240_000);

  it('refuses a case id that cannot be a folder name', () => {
    const run = runCli([
      'export',
      '--db',
      ':memory:',
      '--format',
      'ecs',
      '-o',
      temp(),
      '--case-id',
      '../x',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot be a case id');
  });
});
