import { describe, expect, it } from 'vitest';
import { eventMatches } from '../../src/catalog/select.js';
import type { CaseEvent, CaseInput } from '../../src/diagnose/case-input.js';
import { diagnosisNeeds } from '../../src/diagnose/check-events.js';
import { diagnoseInBatches, type DiagnosisReader } from '../../src/diagnose/diagnose-batches.js';
import { diagnoseCase, flowchart } from '../../src/diagnose/diagnose-case.js';
import type { Finding } from '../../src/model/diagnosis.js';
import type { Migration } from '../../src/model/migration.js';
import { isoToMillis } from '../../src/model/time.js';
import { at, makeEvent, makeFacts, makeInput, makeMigration, stepFor } from './case-builders.js';
import { seededRandom } from '../support/seeded-random.js';

/** What the store would give diagnoseInBatches for a case held in memory. */
function memoryReader(input: CaseInput): DiagnosisReader {
  const needs = diagnosisNeeds(flowchart);
  const caseWide = (e: CaseEvent) => needs.caseWide.some((s) => eventMatches(e, s));
  const around = (e: CaseEvent) => needs.around.some((s) => eventMatches(e, s));
  return {
    config: input.config,
    nodesWithLogs: input.nodesWithLogs,
    channelsByNode: input.channelsByNode,
    clusterEvidence: input.clusterEvidence,
    migrationsAfter: (afterId, limit) =>
      input.migrations.filter((m) => m.id > afterId).slice(0, limit),
    migrationsWithIds: (ids) => input.migrations.filter((m) => ids.includes(m.id)),
    caseWideEvents: () => input.events.filter(caseWide),
    eventsAround: (from, to, rowIds) =>
      input.events.filter((e) => {
        const time = isoToMillis(e.time);
        return (around(e) && time >= from - 1 && time <= to + 1) || rowIds.includes(e.id);
      }),
  };
}

describe('diagnosis batch by batch on randomized cases', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`case ${seed}: the diagnoses and findings of the whole-case diagnosis`, () => {
      const input = randomCase(seed);
      const reference = diagnoseCase(input);
      expect(reference.diagnoses.length).toBeGreaterThan(5);
      for (const batchSize of [1, 3, 7, 100]) {
        const findings: Finding[] = [];
        const result = diagnoseInBatches(
          memoryReader(input),
          (batch) => findings.push(...batch),
          batchSize,
        );
        expect(result.diagnoses).toEqual(reference.diagnoses);
        expect(findings).toEqual(reference.findings);
      }
    });
  }
});

const failureTexts = [
  [
    21502,
    "Live migration of 'Virtual Machine VM' failed. Failed to establish a connection with host 'HV02': No connection could be made (0x8007274C).",
  ],
  [
    21502,
    "Live migration of 'Virtual Machine VM' failed. The virtual machine cannot be moved because another migration is in progress (0x8007274D).",
  ],
  [
    21502,
    "Live migration of 'Virtual Machine VM' failed. The Virtual Machine Management Service failed to authenticate the connection (0x8009030E).",
  ],
  [21126, "Live migration of 'Virtual Machine VM' failed at migration destination 'HV02'."],
  [21121, 'Cleanup on the target did not finish.'],
  [
    21125,
    "The virtual machine 'VM' is using processor-specific features not supported on host 'HV02'.",
  ],
  [20417, 'The virtual machine had an unexpectedly long blackout.'],
] as const;

/**
 * Forty migrations of five VMs between four nodes (HV04 without logs), some failing, some
 * slow, some overlapping others or close after the VM's previous one, with node, network,
 * CSV, backup, RHS and cluster-service events around them.
 */
function randomCase(seed: number): CaseInput {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const nodes = ['HV01', 'HV02', 'HV03', 'HV04'];
  const events: CaseEvent[] = [];
  const migrations: Migration[] = [];
  let clock = 0;
  for (let id = 1; id <= 40; id++) {
    clock += Math.floor(next() * 1200);
    const source = pick(nodes);
    const destination = pick(nodes.filter((n) => n !== source));
    const length = 1 + Math.floor(next() * 60);
    const roll = next();
    const outcome =
      roll < 0.45 ? 'failed' : roll < 0.55 ? 'unknown' : roll < 0.6 ? 'cancelled' : 'succeeded';
    const [eventId, message] = pick(failureTexts);
    const failure = makeEvent({
      eventId,
      node: next() < 0.7 ? source : destination,
      time: at(clock + length),
      channel: 'Microsoft-Windows-Hyper-V-High-Availability-Admin',
      provider: 'Microsoft-Windows-Hyper-V-High-Availability',
      message,
    });
    const start = makeEvent({ eventId: 21102, node: source, time: at(clock), message: 'start' });
    events.push(start, failure);
    const others = () =>
      Array.from({ length: Math.floor(next() * 3) }, () => {
        const other = 1 + Math.floor(next() * 40);
        return { migration: other, vm: `VM${other % 5}`, sharedNode: source };
      }).filter((o) => o.migration !== id);
    migrations.push(
      makeMigration({
        id,
        vm: `VM${Math.floor(next() * 5)}`,
        sourceNode: source,
        destinationNode: destination,
        requestedAt: next() < 0.1 ? null : at(clock),
        startedAt: at(clock + 0.5),
        endedAt: outcome === 'unknown' ? null : at(clock + length),
        outcome,
        failureSide: outcome === 'failed' ? pick(['source', 'destination'] as const) : null,
        errorText: outcome === 'failed' ? message : null,
        blackoutS: outcome === 'succeeded' && next() < 0.5 ? 7 : null,
        steps: [
          stepFor(start, 'lm-start-source'),
          stepFor(failure, outcome === 'failed' ? 'lm-failed' : 'lm-phase-end'),
        ],
        facts: makeFacts({
          overlapping: next() < 0.3 ? others() : [],
          secondsSincePreviousMigration: next() < 0.3 ? Math.floor(next() * 20) : null,
          secondsSinceServiceStart: {
            source: next() < 0.2 ? Math.floor(next() * 40) : null,
            destination: null,
          },
          nodesDown: next() < 0.2 ? [destination] : [],
          networksDown: next() < 0.1 ? ['LM'] : [],
          backupActivity: next() < 0.1 ? [`${source}: 5217 (backup-start)`] : [],
        }),
      }),
    );
    const down = migrations.at(-1)!.facts.nodesDown[0];
    if (down)
      // The node loss logged after the attempt's last record (within the minute allowed).
      events.push(
        makeEvent({
          eventId: 1135,
          node: source,
          time: at(clock + length + 30),
          data: { param1: down },
        }),
      );
    for (let k = 0; k < 3; k++) {
      const eventId = pick([
        1135, 1177, 1130, 1126, 5120, 5121, 5122, 5136, 5142, 5217, 1146, 7036,
      ]);
      events.push(
        makeEvent({
          eventId,
          node: pick(nodes),
          time: at(clock - 3600 + Math.floor(next() * 3700)),
          data:
            eventId === 7036
              ? { param1: 'Cluster Service', param2: 'running' }
              : { param1: pick(['Volume1', 'HV02', 'LM', 'HV03']) },
          message:
            eventId === 7036
              ? 'The Cluster Service service entered the running state.'
              : `event ${eventId}`,
        }),
      );
    }
  }
  const input = makeInput({
    migrations,
    nodesWithLogs: ['HV01', 'HV02', 'HV03'],
    channelsByNode: { HV01: ['System'], HV02: ['System'], HV03: ['System'] },
  });
  // In the store's order: time, then row id.
  input.events = events.sort((a, b) => a.time.localeCompare(b.time) || a.id - b.id);
  return input;
}
