import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  lookalikeEvents,
  lookalikeFiles,
  lookalikeFolder,
  nodeLookalikeChannels,
} from '../sample-log-generator/lookalikes.js';
import { scenarios } from '../sample-log-generator/scenarios/index.js';
import { repoRoot, runCli } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';
import { corpusAvailable, corpusRoot, corpusSkipNote } from '../readers/evtx/support/corpus.js';

/**
 * Issue 21: events of other providers that reuse the catalogue's ids must not become
 * migrations or findings. Through the built CLI, as a user runs it.
 */

interface AnalyzeJson {
  migrations: unknown[];
  findings: { cause: string; verdict: string; scope: string }[];
  cluster: { looksLikeCluster: boolean; note: string | null };
}

function analyze(db: string, paths: string[]): AnalyzeJson {
  const run = runCli(['analyze', ...paths, '--db', db, '--format', 'json', '--quiet']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as AnalyzeJson;
}

/** Row ids depend on what else was read: drop them where a record is cited by table and id. */
function withoutRowIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRowIds);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const cites = entries.some(([k]) => k === 'table');
  return Object.fromEntries(
    entries.filter(([k]) => !(cites && k === 'id')).map(([k, v]) => [k, withoutRowIds(v)]),
  );
}

describe('look-alike events of other providers (issue 21)', () => {
  const tempDir = useTempDir();

  it(`${lookalikeFolder}: no migration, no finding, and the summary says these are not cluster nodes`, () => {
    const folder = join(repoRoot, 'sample-logs', lookalikeFolder);
    const json = analyze(join(tempDir(), 'case.db'), [folder]);
    expect(json.migrations).toEqual([]);
    expect(json.findings).toEqual([]);
    expect(json.cluster.looksLikeCluster).toBe(false);
    expect(json.cluster.note).toMatch(/do not look like cluster nodes/);
    expect(json.cluster.note).toMatch(/Microsoft-Windows-Security-Auditing \(\d+\)/);
    const text = runCli(['analyze', folder, '--db', join(tempDir(), 'text.db'), '--quiet']);
    expect(text.status).toBe(0);
    const notes = text.stdout.split('\n').filter((l) => /do not look like cluster nodes/.test(l));
    expect(notes).toHaveLength(1);
    expect(text.stdout).toMatch(/Migrations: 0/);
    expect(text.stdout).toMatch(/Advisories: none/);
  });

  for (const folder of ['csv-redirected-io', 'network-not-ready-after-restart', 'bad-day']) {
    it(`${folder}: the same migrations and findings with look-alikes on its nodes`, () => {
      const scenario = scenarios.find((s) => s.folder === folder)!;
      const machines = scenario.nodes.map((n) => ({
        name: n.name,
        computer: `${n.name}.${scenario.domain}`,
        channels: [...nodeLookalikeChannels],
      }));
      const extra = join(tempDir(), 'lookalikes');
      mkdirSync(extra);
      const files = lookalikeFiles(lookalikeEvents(machines, scenario.start, scenario.end, 21));
      for (const [name, bytes] of files) writeFileSync(join(extra, name), bytes);
      const sample = join(repoRoot, 'sample-logs', folder);
      const alone = analyze(join(tempDir(), 'alone.db'), [sample]);
      const mixed = analyze(join(tempDir(), 'mixed.db'), [sample, extra]);
      expect(alone.migrations.length).toBeGreaterThan(0);
      expect(alone.findings.length).toBeGreaterThan(0);
      expect(withoutRowIds(mixed.migrations)).toEqual(withoutRowIds(alone.migrations));
      expect(withoutRowIds(mixed.findings)).toEqual(withoutRowIds(alone.findings));
    });
  }
});

describe.skipIf(!corpusAvailable)(
  `analyze on real logs of machines that are not cluster nodes (${corpusAvailable ? corpusRoot : corpusSkipNote})`,
  () => {
    const tempDir = useTempDir();

    it('finds no migration and no finding, and says the inputs do not look like cluster nodes', () => {
      const json = analyze(join(tempDir(), 'case.db'), [join(corpusRoot, 'files')]);
      expect(json.migrations).toEqual([]);
      expect(json.findings).toEqual([]);
      expect(json.cluster.looksLikeCluster).toBe(false);
      expect(json.cluster.note).toMatch(/do not look like cluster nodes/);
    });
  },
);
