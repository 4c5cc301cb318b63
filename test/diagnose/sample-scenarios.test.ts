import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebuildMigrations } from '../../src/case/rebuild-migrations.js';
import { runDiagnosis } from '../../src/case/run-diagnosis.js';
import type { EvidenceRef } from '../../src/model/diagnosis.js';
import type { Store } from '../../src/store/open-database.js';
import { selectFindings } from '../../src/store/findings-table.js';
import { selectMigrations } from '../../src/store/migrations-table.js';
import { repoRoot } from '../support/run-cli.js';
import { ingestSampleScenario } from '../support/sample-scenario-store.js';

interface ExpectedMigration {
  vm: string;
  outcome: string;
  cause: string | null;
}

/**
 * The records each cause's deciding answer must cite (README of each scenario): a table and,
 * for events, one of the event ids that show the cause.
 */
const decisiveRecords: Record<
  string,
  { table: string; eventIds?: number[]; column?: string; text?: RegExp }
> = {
  'no-migration-network': { table: 'events', eventIds: [1130, 1127] },
  'network-not-ready-after-restart': { table: 'events', eventIds: [7036, 1146, 1230] },
  'concurrent-migration': { table: 'events' },
  'cleanup-not-finished': { table: 'events', eventIds: [21121] },
  'authentication-failed': { table: 'events', eventIds: [21502] },
  'processor-incompatible': { table: 'processors', column: 'model' },
  'architecture-mismatch': { table: 'processors', column: 'architecture' },
  'switch-port-name-conflict': { table: 'events', eventIds: [21203] },
  'virtual-network-name-mismatch': { table: 'virtual_switches', column: 'name' },
  'system-drive-mismatch': { table: 'cluster_nodes', column: 'system_drive' },
  'node-down': { table: 'events', eventIds: [1135] },
  'csv-redirected-io': { table: 'events', eventIds: [5121, 5136] },
  'csv-unavailable': { table: 'events', eventIds: [5120, 5142] },
  'rhs-failure': { table: 'events', eventIds: [1230, 1146] },
};

/** Scenarios whose cause shows in other records than usual (the state only in the cluster log). */
const decisiveByScenario: Record<string, typeof decisiveRecords> = {
  'network-down-cluster-log-only': {
    'no-migration-network': {
      table: 'cluster_log',
      column: 'message',
      text: /Marking Route .* as (down|up)/,
    },
  },
};

/**
 * Conclusions reached from one side's words when the other side's logs are missing
 * (half-collected): the failure event itself decides, and the verdict is only likely.
 */
const oneSidedRecords: typeof decisiveRecords = {
  'system-drive-mismatch-likely': { table: 'events', eventIds: [21502] },
};

const samples = join(repoRoot, 'sample-logs');
const scenarios = readdirSync(samples, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(samples, entry.name, 'expected.json')))
  .map((entry) => entry.name)
  .sort();

/** The stored row an evidence reference points at, or undefined. */
function resolve(db: Store, e: EvidenceRef): Record<string, unknown> | undefined {
  expect(e.table).toMatch(/^[a-z_]+$/);
  return db.prepare(`SELECT * FROM ${e.table} WHERE id = ?`).get(e.id) as
    Record<string, unknown> | undefined;
}

describe('diagnosis on every sample scenario', () => {
  it('covers the failure scenarios', () => {
    expect(scenarios).toEqual(
      expect.arrayContaining(['default', 'bad-day', 'node-down-during-migration']),
    );
  });

  for (const scenario of scenarios) {
    it(`${scenario}: the causes its README states, with evidence on the right records`, async () => {
      const expected = (
        JSON.parse(readFileSync(join(samples, scenario, 'expected.json'), 'utf8')) as {
          migrations: ExpectedMigration[];
        }
      ).migrations;
      const db = await ingestSampleScenario(scenario);
      rebuildMigrations(db);
      const migrations = selectMigrations(db);
      const { diagnoses } = runDiagnosis(db);
      expect(migrations.map((m) => m.vm)).toEqual(expected.map((m) => m.vm));
      const causes = migrations.map(
        (m) => diagnoses.find((d) => d.migrationId === m.id)?.cause ?? null,
      );
      expect(causes).toEqual(expected.map((m) => m.cause));

      for (const d of diagnoses) {
        // Never confirmed without records, and every record cited exists in the store.
        if (d.verdict === 'confirmed') expect(d.path.at(-1)!.evidence.length).toBeGreaterThan(0);
        for (const e of d.evidence) expect(resolve(db, e), `${e.table} #${e.id}`).toBeDefined();
        const want =
          decisiveByScenario[scenario]?.[d.cause] ??
          oneSidedRecords[d.conclusion] ??
          decisiveRecords[d.cause];
        expect(want, `an evidence expectation for ${d.cause}`).toBeDefined();
        const rows = d.path
          .at(-1)!
          .evidence.filter((e) => e.table === want!.table)
          .map((e) => resolve(db, e)!);
        expect(rows.length, `${d.cause}: decisive evidence from ${want!.table}`).toBeGreaterThan(0);
        if (want!.eventIds)
          expect(rows.some((r) => want!.eventIds!.includes(r.event_id as number))).toBe(true);
        if (want!.column) expect(rows.every((r) => r[want!.column!] !== null)).toBe(true);
        if (want!.text) expect(rows.every((r) => want!.text!.test(String(r.message)))).toBe(true);
        const m = migrations.find((x) => x.id === d.migrationId)!;
        if (d.cause === 'concurrent-migration') {
          // The other migration's record is cited.
          const other = migrations.find((x) => x.id === m.facts.overlapping[0]?.migration)!;
          const cited = new Set(d.evidence.map((e) => `${e.table}:${e.id}`));
          expect(other.steps.some((s) => cited.has(`${s.evidenceTable}:${s.evidenceId}`))).toBe(
            true,
          );
        }
        if (d.cause === 'authentication-failed')
          expect(rows.some((r) => String(r.message).includes(m.errorCode ?? '0x8009030'))).toBe(
            true,
          );
        // Only one side speaks when a node of the migration sent no logs: never confirmed.
        if (m.gaps.some((g) => g.startsWith('no logs from')))
          expect(d.verdict, `${scenario} #${m.id}`).not.toBe('confirmed');
      }
      // Healthy scenarios: no failure, no diagnosis.
      if (expected.every((m) => m.cause === null)) expect(diagnoses).toEqual([]);
      // Saved: one `migration` finding per diagnosis.
      const stored = selectFindings(db).filter((f) => f.scope === 'migration');
      expect(stored.map((f) => [f.migrationId, f.cause])).toEqual(
        diagnoses.map((d) => [d.migrationId, d.cause]),
      );
      db.close();
    });
  }
});
