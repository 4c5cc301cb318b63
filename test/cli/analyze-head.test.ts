import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';

/** Runs the built analyze as through a pipe, with COLUMNS set as a terminal of that width would. */
function analyzeAt(columns: number, db: string, extra: Record<string, string> = {}) {
  return spawnSync(
    process.execPath,
    [join(repoRoot, 'dist', 'cli', 'main.js'), 'analyze', 'sample-logs/bad-day', '--db', db],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      env: {
        ...process.env,
        COLUMNS: String(columns),
        NO_COLOR: '1',
        FORCE_COLOR: undefined,
        LMDOCTOR_DB: '',
        LC_ALL: '',
        LANG: 'en_US.UTF-8',
        ...extra,
      },
    },
  );
}

describe('analyze puts the verdict first and fits the terminal', () => {
  const tempDir = useTempDir();

  for (const columns of [80, 120]) {
    it(`bad-day at ${columns} columns: every diagnosis in the first 15 lines, no line wider`, () => {
      const run = analyzeAt(columns, join(tempDir(), 'case.db'));
      expect(run.status).toBe(0);
      const lines = run.stdout.split('\n');
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(columns);
      const head = lines.slice(0, 15).join('\n');
      for (const [id, vm, cause] of [
        ['2', 'WEB10', 'csv-redirected-io'],
        ['3', 'APP10', 'network-not-ready-after-restart'],
        ['5', 'CRM10', 'processor-incompatible'],
        ['7', 'SQL10', 'no-migration-network'],
      ])
        expect(head).toMatch(new RegExp(`^ *${id}  ${vm} .* ${cause} +confirmed$`, 'm'));
      expect(head).toContain('Migrations: 7 (4 succeeded, 3 failed)');
      // file names survive the fitting
      expect(run.stdout).toContain('HV02_cluster.log');
      expect(run.stdout).not.toContain('\x1b[');
    });
  }

  it('colours outcomes when FORCE_COLOR asks, and a re-run says once how many files it kept', () => {
    const db = join(tempDir(), 'case.db');
    const first = analyzeAt(100, db, { FORCE_COLOR: '1', NO_COLOR: '' });
    expect(first.stdout).toContain('\x1b[31mfailed\x1b[39m');
    expect(first.stdout).toContain('\x1b[32msucceeded\x1b[39m');
    const again = analyzeAt(100, db);
    expect(again.status).toBe(0);
    expect(again.stderr.match(/already in the database/g)).toHaveLength(1);
    expect(again.stderr).toMatch(/30 already in the database/);
  });
});
