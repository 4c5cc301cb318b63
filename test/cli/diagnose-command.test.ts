import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowchart } from '../../src/diagnose/diagnose-case.js';
import { runCli } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';

describe('lmdoctor flowchart (built command line)', () => {
  it('prints every node with its source as text', () => {
    const run = runCli(['flowchart']);
    expect(run.status).toBe(0);
    for (const [id, node] of Object.entries(flowchart.nodes)) {
      expect(run.stdout).toContain(`[${id}]`);
      expect(run.stdout).toContain(`source ${node.source}`);
    }
  });

  it('prints a Mermaid diagram with an edge for each answer', () => {
    const run = runCli(['flowchart', '--format', 'mermaid']);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('flowchart TD\n')).toBe(true);
    expect(run.stdout).toContain('node_lost -- yes --> node_down');
    expect(run.stdout).toContain('vendor -- unknown --> processor_incompatible_likely');
  });
});

describe('lmdoctor diagnose (built command line)', () => {
  const tempDir = useTempDir();

  it('diagnoses a case analyze stored, explains the path, and gives JSON', () => {
    const db = join(tempDir(), 'case.db');
    expect(
      runCli(['analyze', 'sample-logs/node-down-during-migration', '--db', db, '-q']).status,
    ).toBe(0);

    const all = runCli(['diagnose', '--db', db]);
    expect(all.status).toBe(0);
    expect(all.stdout).toMatch(/^#2 SQL03 HV01 -> HV03 \(failed\): node-down \(confirmed\)$/m);

    const explained = runCli(['diagnose', '2', '--explain', '--db', db]);
    expect(explained.status).toBe(0);
    expect(explained.stdout).toMatch(/Did the source or destination leave the cluster.*YES/);
    expect(explained.stdout).toMatch(
      /events #\d+ HV0[12] \S+Z: 1135: node HV03 removed from membership/,
    );
    // Cluster log records are shown with their file and line.
    expect(explained.stdout).toMatch(/cluster_log #\d+ \(HV01_cluster\.log line \d+\) HV01 /);

    const json = JSON.parse(runCli(['diagnose', '--db', db, '--format', 'json']).stdout) as {
      diagnoses: { migrationId: number; cause: string; path: { answer: string }[] }[];
      findings: { scope: string }[];
    };
    expect(json.diagnoses.map((d) => [d.migrationId, d.cause])).toEqual([[2, 'node-down']]);
    expect(json.diagnoses[0]!.path.at(-1)!.answer).toBe('yes');
  });

  it('says what to do when there is nothing to diagnose or no such migration', () => {
    const db = join(tempDir(), 'case.db');
    const empty = runCli(['diagnose', '--db', db]);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/no case at .*case\.db: run lmdoctor analyze FOLDER first/);
    expect(existsSync(db)).toBe(false);
    expect(
      runCli(['analyze', 'sample-logs/healthy-live-migrations', '--db', db, '-q']).status,
    ).toBe(0);
    expect(runCli(['diagnose', '--db', db]).stdout).toBe('No failed or slow migration.\n');
    expect(runCli(['diagnose', '1', '--db', db]).stdout).toMatch(
      /^#1 DC01: succeeded, not slow; nothing to diagnose/,
    );
    const missing = runCli(['diagnose', '99', '--db', db]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no migration 99[\s\S]*lmdoctor migrations/);
    expect(runCli(['diagnose', 'x', '--db', db]).status).toBe(2);
  });
});
