import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventXmlSeries } from '../support/event-xml.js';
import { expectGolden, repoRoot, runCli } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';

const sample = 'sample-logs/default';

describe('lmdoctor (built command line)', () => {
  const tempDir = useTempDir();

  it('prints help with examples and exits 0', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Usage: lmdoctor/);
    for (const command of ['analyze', 'ingest', 'query']) expect(run.stdout).toContain(command);
    expect(run.stdout).toMatch(/Examples:/);
  });

  it('exits 2 on bad usage and 1 on a failure to run', () => {
    expect(runCli(['no-such-command']).status).toBe(2);
    expect(runCli(['query', 'SELECT 1', '--format', 'yaml']).status).toBe(2);
    const missing = runCli(['query', 'SELECT 1', '--db', join(tempDir(), 'none.db')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no database at .*\n.*hint: run `lmdoctor ingest/);
  });

  it('analyze prints the golden summary of the sample, text and JSON', () => {
    const db = join(tempDir(), 'case.db');
    const text = runCli(['analyze', sample, '--db', db]);
    expect(text.status).toBe(0);
    expectGolden(text.stdout, 'analyze-default.txt');
    expect(text.stderr).toMatch(/Ingested: \d+ files? read/);

    const again = runCli(['analyze', sample, '--db', db, '--format', 'json']);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/already in the database/);
    expectGolden(again.stdout, 'analyze-default.json');
    const json = JSON.parse(again.stdout) as {
      schemaVersion: number;
      migrations: { outcome: string; startedAt: string }[];
    };
    expect(json.schemaVersion).toBe(1);
    expect(json.migrations.map((m) => m.outcome)).toContain('failed');
    expect(json.migrations.every((m) => m.startedAt.endsWith('Z'))).toBe(true);
  });

  it('ingest then query: canned queries, named parameters, stdin and every format', () => {
    const db = join(tempDir(), 'case.db');
    expect(runCli(['ingest', sample, '--db', db, '--quiet']).status).toBe(0);

    const csv = runCli(['query', 'events-per-node-channel', '--db', db, '--format', 'csv']);
    expect(csv.status).toBe(0);
    expectGolden(csv.stdout, 'query-events-per-node-channel.csv');

    const list = runCli(['query', '--list', '--format', 'table']);
    expectGolden(list.stdout, 'query-list.txt');

    const vm = runCli(['query', 'vm-events', '-p', 'vm=SQL01', '--db', db, '--format', 'ndjson']);
    expect(vm.status).toBe(0);
    const rows = vm.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { time: string });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.time)).toEqual([...rows.map((r) => r.time)].sort());

    const piped = runCli(
      ['query', '-', '--db', db, '--format', 'json'],
      'SELECT COUNT(*) AS n FROM events WHERE node = :node',
    );
    expect(piped.status).toBe(1);
    expect(piped.stderr).toMatch(/-p node=VALUE/);
    const stdin = runCli(
      ['query', '-', '--db', db, '-p', 'node=HV01'],
      'SELECT COUNT(*) AS n FROM events WHERE node = :node',
    );
    expect(JSON.parse(stdin.stdout)).toEqual([{ n: expect.any(Number) as number }]);

    const table = runCli([
      'query',
      'SELECT node FROM events GROUP BY node',
      '--db',
      db,
      '--format',
      'table',
    ]);
    expect(table.stdout).toMatch(/^node\n----\n/);
  });

  it('query refuses writes and leaves the database as it was', () => {
    const db = join(tempDir(), 'case.db');
    runCli(['ingest', sample, '--db', db, '--quiet']);
    const before = runCli([
      'query',
      'SELECT COUNT(*) AS n FROM events',
      '--db',
      db,
      '--format',
      'csv',
    ]).stdout;
    const refused = runCli(['query', 'DELETE FROM events', '--db', db]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/refused: DELETE would change the database/);
    expect(
      runCli(['query', 'SELECT COUNT(*) AS n FROM events', '--db', db, '--format', 'csv']).stdout,
    ).toBe(before);
  });

  it('two ingests into one database at once both finish, nothing lost', async () => {
    const dir = tempDir();
    const db = join(dir, 'case.db');
    writeFileSync(join(dir, 'a.xml'), eventXmlSeries(3000, 1, { computer: 'HV01' }).join('\n'));
    writeFileSync(join(dir, 'b.xml'), eventXmlSeries(3000, 1, { computer: 'HV02' }).join('\n'));
    const ingest = (file: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          ['dist/cli/main.js', 'ingest', join(dir, file), '--db', db, '--quiet'],
          {
            cwd: repoRoot,
            stdio: ['ignore', 'ignore', 'pipe'],
          },
        );
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
        child.on('close', (code) => resolve({ code, stderr }));
      });
    const runs = await Promise.all([ingest('a.xml'), ingest('b.xml')]);
    expect(
      runs.map((run) => run.code),
      runs.map((run) => run.stderr).join('\n'),
    ).toEqual([0, 0]);
    const counts = runCli([
      'query',
      'SELECT node, COUNT(*) AS n FROM events GROUP BY node',
      '--db',
      db,
      '--format',
      'json',
    ]);
    expect(JSON.parse(counts.stdout)).toEqual([
      { node: 'HV01', n: 3000 },
      { node: 'HV02', n: 3000 },
    ]);
  });

  it('migrations and timeline list what replay rebuilt, filtered', () => {
    const db = join(tempDir(), 'case.db');
    runCli(['ingest', sample, '--db', db, '--quiet']);
    const all = JSON.parse(runCli(['migrations', '--db', db, '--format', 'json']).stdout) as {
      id: number;
      vm: string;
      outcome: string;
      steps: { evidenceTable: string; evidenceId: number }[];
    }[];
    expect(all.length).toBeGreaterThan(1);
    expect(all.every((m) => m.steps.length > 0)).toBe(true);
    const failed = JSON.parse(
      runCli(['migrations', '--db', db, '--outcome', 'failed', '--format', 'json']).stdout,
    ) as typeof all;
    expect(failed.map((m) => m.id)).toEqual(
      all.filter((m) => m.outcome === 'failed').map((m) => m.id),
    );
    const vm = failed[0]!.vm;
    const csv = runCli(['migrations', '--db', db, '--vm', vm, '--format', 'csv'])
      .stdout.trimEnd()
      .split('\r\n');
    expect(csv[0]).toBe('id,vm,kind,from,to,started,duration_s,outcome,side,error');
    expect(csv.slice(1).every((row) => row.split(',')[1] === vm)).toBe(true);

    const timeline = JSON.parse(
      runCli(['timeline', '--db', db, '--vm', vm, '--format', 'json']).stdout,
    ) as {
      time: string;
      ref: string;
    }[];
    expect(timeline.length).toBeGreaterThan(0);
    expect(timeline.map((r) => r.time)).toEqual(timeline.map((r) => r.time).sort());
    const evidence = failed[0]!.steps.map((s) => `${s.evidenceTable}:${s.evidenceId}`);
    expect(evidence.every((ref) => timeline.some((r) => r.ref === ref))).toBe(true);

    const minute = timeline[0]!.time.slice(0, 16);
    const window = JSON.parse(
      runCli(['timeline', '--db', db, '--from', minute, '--to', minute, '--format', 'json']).stdout,
    ) as {
      time: string;
    }[];
    expect(window.every((r) => r.time.startsWith(minute))).toBe(true);
    expect(runCli(['timeline', '--db', db, '--from', 'yesterday']).status).toBe(2);
  });
});
