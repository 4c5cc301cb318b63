import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarios } from '../sample-log-generator/scenarios/index.js';
import { repoRoot, runCli } from '../support/run-cli.js';

/**
 * End to end: the built `lmdoctor analyze --format json` on every committed scenario, compared
 * with the scenario's expected.json. Parts that need stages not built yet are pending (skipped
 * with the reason), not deleted: flip the flag when the stage lands.
 */
const pending = {
  /** Diagnosis does not exist yet: no `diagnosis.cause`. */
  causes: true,
  /** Scenarios whose migrations replay does not rebuild yet, with the reason. */
  migrations: {
    'architecture-mismatch':
      'replay does not take the failing side from the cluster log [RES] error text (2008 R2 writes no 21502)',
  } as Record<string, string>,
};

interface Expected {
  nodes: string[];
  migrations: {
    vm: string;
    kind: string;
    sourceNode: string;
    destinationNode: string;
    requestedAt: string;
    outcome: string;
    failureSide: string | null;
    errorCode: string | null;
    cause: string | null;
  }[];
  ingestWarnings: unknown[];
  evtxRecordCounts: Record<string, number>;
}

interface AnalyzeJson {
  sources: { kind: string; files: number; records: number; warnings: number }[];
  nodes: string[];
  migrations: {
    vm: string;
    kind: string;
    sourceNode: string;
    destinationNode: string;
    outcome: string;
    failureSide: string | null;
    diagnosis?: { cause: string | null } | null;
  }[];
}

describe.each(scenarios.map((s) => [s.folder] as const))('lmdoctor analyze sample-logs/%s', (folder) => {
  const expected = JSON.parse(readFileSync(join(repoRoot, 'sample-logs', folder, 'expected.json'), 'utf8')) as Expected;
  let cached: AnalyzeJson | null = null;
  const analyze = (): AnalyzeJson => {
    if (cached) return cached;
    const run = runCli(['analyze', `sample-logs/${folder}`, '--db', ':memory:', '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    cached = JSON.parse(run.stdout) as AnalyzeJson;
    return cached;
  };

  it('reads every file: all nodes, every evtx record, warnings only for the damage the scenario injects', () => {
    const result = analyze();
    expect(result.nodes).toEqual(expected.nodes);
    const evtx = result.sources.find((s) => s.kind === 'evtx');
    const written = Object.values(expected.evtxRecordCounts).reduce((a, b) => a + b, 0);
    expect(evtx?.records).toBe(written);
    const warnings = result.sources.reduce((sum, s) => sum + s.warnings, 0);
    expect(warnings).toBe(expected.ingestWarnings.length);
  });

  const migrationsPending = pending.migrations[folder];
  it.skipIf(migrationsPending !== undefined)(
    `rebuilds the expected migrations (vm, kind, nodes, outcome, failing side)${migrationsPending ? ` (pending: ${migrationsPending})` : ''}`,
    () => {
    const got = analyze().migrations.map((m) => ({
      vm: m.vm,
      kind: m.kind,
      sourceNode: m.sourceNode,
      destinationNode: m.destinationNode,
      outcome: m.outcome,
      failureSide: m.failureSide,
    }));
    expect(got).toEqual(
      expected.migrations.map((m) => ({
        vm: m.vm,
        kind: m.kind,
        sourceNode: m.sourceNode,
        destinationNode: m.destinationNode,
        outcome: m.outcome,
        failureSide: m.failureSide,
      })),
    );
  });

  it.skipIf(pending.causes)('diagnoses each migration with the expected cause (pending: no diagnosis yet)', () => {
    expect(analyze().migrations.map((m) => m.diagnosis?.cause ?? null)).toEqual(expected.migrations.map((m) => m.cause));
  });
});
