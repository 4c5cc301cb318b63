import type { ConfigTable } from '../model/config-row.js';
import type { Diagnosis, Finding } from '../model/diagnosis.js';
import type { Migration } from '../model/migration.js';
import type { StateInterval } from '../model/state-interval.js';
import { clusterAdvisories } from './advisories.js';
import type { CaseEvent, CaseInput, ConfigRecord } from './case-input.js';
import { attemptWindow } from './check-helpers.js';
import { diagnoseMigration } from './diagnose-case.js';

/** How far before an attempt's window the checks read events (a network down in the hour before). */
export const eventsBeforeAttemptMs = 3_600_000;
/** How far after it (a node loss logged after the attempt's last record). */
export const eventsAfterAttemptMs = 60_000;
/** What diagnosing batch by batch reads from the case (the store, in production). */
export interface DiagnosisReader {
  config: Record<ConfigTable, readonly ConfigRecord[]>;
  nodesWithLogs: readonly string[];
  channelsByNode: Readonly<Record<string, readonly string[]>>;
  /** Whether anything collected comes from a cluster node (CaseInput.clusterEvidence). */
  clusterEvidence: boolean;
  /** Up to `limit` migrations numbered after `afterId`, in number order, with their steps. */
  migrationsAfter(afterId: number, limit: number): Migration[];
  /** The migrations with these numbers, in number order. */
  migrationsWithIds(ids: readonly number[]): Migration[];
  /** The events of the case-wide needs (diagnosisNeeds(flowchart).caseWide), in time order. */
  caseWideEvents(): CaseEvent[];
  /**
   * The events the checks read around attempts (diagnosisNeeds(flowchart).around) between two
   * instants (ms, inclusive), plus the events with the given row ids, in time order.
   */
  eventsAround(from: number, to: number, rowIds: readonly number[]): CaseEvent[];
  /** The state intervals that held at some moment between two instants (ms, inclusive). */
  statesAround?(from: number, to: number): StateInterval[];
}

/** The result of diagnosing batch by batch. */
export interface BatchDiagnosis {
  diagnoses: Diagnosis[];
  /** Migrations looked at. */
  migrations: number;
}

/**
 * Diagnoses a case of any size migration batch by batch: each batch reads its migrations, the
 * migrations they refer to (overlaps, the VM's previous one), the events they cite and the
 * diagnosis events around them; findings are handed to `write` as each batch ends, in the
 * order diagnoseCase gives them, with the cluster advisories last. Holds one batch, the
 * case-wide events (CSV episodes, few) and the diagnoses.
 */
export function diagnoseInBatches(
  reader: DiagnosisReader,
  write: (findings: readonly Finding[]) => void,
  batchSize = 100,
): BatchDiagnosis {
  const caseWide = reader.caseWideEvents();
  const diagnoses: Diagnosis[] = [];
  const lastEndedByVm = new Map<string, Migration>();
  const firstByNode = new Map<string, Migration>();
  let count = 0;
  let afterId = 0;
  for (;;) {
    const batch = reader.migrationsAfter(afterId, batchSize);
    if (batch.length === 0) break;
    afterId = batch[batch.length - 1]!.id;
    count += batch.length;
    const input = batchInput(reader, batch, caseWide, lastEndedByVm);
    const findings: Finding[] = [];
    for (const migration of batch) {
      const result = diagnoseMigration(migration, input);
      if (result) {
        diagnoses.push(result.diagnosis);
        findings.push(...result.findings);
      }
      if (migration.endedAt !== null) lastEndedByVm.set(migration.vm, migration);
      for (const node of [migration.sourceNode, migration.destinationNode])
        if (node !== null && !firstByNode.has(node.toUpperCase()))
          firstByNode.set(node.toUpperCase(), migration);
    }
    write(findings);
  }
  // The advisories read the migrations only for the first one naming each node.
  const firsts = [...new Set(firstByNode.values())].sort((a, b) => a.id - b.id);
  write(
    clusterAdvisories(
      {
        migrations: firsts,
        config: reader.config,
        events: caseWide,
        nodesWithLogs: reader.nodesWithLogs,
        channelsByNode: reader.channelsByNode,
        clusterEvidence: reader.clusterEvidence,
      },
      diagnoses,
    ),
  );
  return { diagnoses, migrations: count };
}

/** What the checks of one batch may read: the batch and what its migrations refer to. */
function batchInput(
  reader: DiagnosisReader,
  batch: readonly Migration[],
  caseWide: readonly CaseEvent[],
  lastEndedByVm: ReadonlyMap<string, Migration>,
): CaseInput {
  const inBatch = new Set(batch.map((m) => m.id));
  const overlapping = new Set<number>();
  for (const m of batch)
    for (const o of m.facts.overlapping)
      if (!inBatch.has(o.migration)) overlapping.add(o.migration);
  const previous = new Map<number, Migration>();
  for (const m of batch) {
    const before = lastEndedByVm.get(m.vm);
    if (before) previous.set(before.id, before);
  }
  const others = reader.migrationsWithIds([...overlapping].filter((id) => !previous.has(id)));
  const migrations = [...batch, ...others, ...previous.values()].sort((a, b) => a.id - b.id);

  let from = Infinity;
  let to = -Infinity;
  const cited: number[] = [];
  for (const m of batch) {
    const window = attemptWindow(m);
    if (window) {
      from = Math.min(from, window[0] - eventsBeforeAttemptMs);
      to = Math.max(to, window[1] + eventsAfterAttemptMs);
    }
    for (const s of m.steps) if (s.evidenceTable === 'events') cited.push(s.evidenceId);
  }
  const around = reader.eventsAround(from, to, cited);
  return {
    migrations,
    config: reader.config,
    events: mergeByTime(caseWide, around),
    nodesWithLogs: reader.nodesWithLogs,
    channelsByNode: reader.channelsByNode,
    clusterEvidence: reader.clusterEvidence,
    ...(reader.statesAround
      ? { states: Number.isFinite(from) ? reader.statesAround(from, to) : [] }
      : {}),
  };
}

/** Two event lists in (time, id) order merged into one, each event once. */
function mergeByTime(a: readonly CaseEvent[], b: readonly CaseEvent[]): CaseEvent[] {
  const out: CaseEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    const takeA = y === undefined || (x !== undefined && compareEvents(x, y) <= 0);
    const next = takeA ? x! : y!;
    if (takeA) i++;
    else j++;
    if (out.length === 0 || out[out.length - 1]!.id !== next.id) out.push(next);
  }
  return out;
}

function compareEvents(a: CaseEvent, b: CaseEvent): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  return a.id - b.id;
}
