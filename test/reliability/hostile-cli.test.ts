import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
