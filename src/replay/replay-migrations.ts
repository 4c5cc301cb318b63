import type { Migration, MigrationStep } from '../model/migration.js';
import { filetimeToIso, isoToFiletime, isoToMillis, millisToIso } from '../model/time.js';
import { normalizeNodeName, vmMention, VmIdentities, type VmMention } from './identity.js';
import { migrationActions } from './migration-actions.js';
import { draftKind, draftOutcome, newDraft, type MigrationDraft } from './migration-draft.js';
import { migrationMachine, quietSecondsByPhase } from './migration-machine.js';
import { emptyFacts } from './migration-facts.js';
import type { ReplayRecord } from './replay-record.js';

export interface ReplayOptions {
  /** Nodes that contributed any log at all (normalised names); used to name gaps. */
  nodesWithLogs: readonly string[];
  /** Seconds each node's clock runs ahead of the reference; subtracted from its records. */
  clockOffsetsS?: Readonly<Record<string, number>>;
  /** Cluster node number → node name, for records that name nodes by number. */
  nodeNamesById?: Readonly<Record<string, string>>;
}

/** A record placed on the common clock. */
export interface TimedRecord {
  record: ReplayRecord;
  node: string;
  /** Milliseconds on the common clock (for ordering and arithmetic). */
  at: number;
  /** The same instant as exact stored time text (the record's own when its node is not shifted). */
  time: string;
  /** The VM the record concerns (see identifyVms), or null when it names none. */
  vmKey: string | null;
}

/** Placed records with every VM mention resolved to one key per VM. */
export interface IdentifiedRecords {
  timed: TimedRecord[];
  identities: VmIdentities;
}

/** Longest step summary kept (characters). */
const maxSummaryLength = 300;

/** How close (ms) a VM-less failure must be to an open attempt on its node to join it. */
const orphanJoinWindowMs = 60_000;

/**
 * Rebuilds migrations from classified records of all nodes. Pure: time comes only from the
 * records. Records are merged by corrected UTC time and folded per VM through the migration
 * machine; every attempt keeps the records that moved it. Linear after the sort.
 */
export function replayMigrations(
  records: readonly ReplayRecord[],
  options: ReplayOptions,
): Migration[] {
  const placed = placeOnClock(records);
  return foldMigrations(
    shiftClock(placed.timed, options.clockOffsetsS ?? {}),
    placed.identities,
    options,
  );
}

/** The fold of replayMigrations over records already placed on the common clock. */
export function foldMigrations(
  timed: readonly TimedRecord[],
  identities: VmIdentities,
  options: ReplayOptions,
): Migration[] {
  const open = new Map<string, MigrationDraft>();
  const done: MigrationDraft[] = [];
  const close = (draft: MigrationDraft) => {
    open.delete(draft.vmKey);
    done.push(draft);
  };

  for (const item of timed) {
    const key = item.vmKey ?? orphanKey(open, item);
    if (key === null) continue;
    let draft = open.get(key);
    if (draft && item.at - draft.lastAt > quietSecondsByPhase[draft.phase] * 1000) {
      close(draft);
      draft = undefined;
    }
    if (draft && startsNewAttempt(draft, item.record)) {
      close(draft);
      draft = undefined;
    }
    const transition = migrationMachine[draft?.phase ?? 'idle'][item.record.role];
    if (!transition) continue;
    if (transition.actions.includes('open')) {
      if (draft) close(draft);
      draft = newDraft(key, item.at);
      open.set(key, draft);
    }
    if (!draft) continue;
    for (const action of transition.actions) migrationActions[action](draft, item.record, item.at);
    const byId = item.record.fields.destinationNodeId;
    if (byId !== undefined && options.nodeNamesById?.[byId])
      draft.destinationNode ??= normalizeNodeName(options.nodeNamesById[byId]);
    if (transition.to !== 'idle') draft.phase = transition.to;
    draft.lastAt = Math.max(draft.lastAt, item.at);
    draft.nodesSeen.add(item.node);
    draft.steps.push(stepOf(item));
    draft.stepAts.push(item.at);
  }
  for (const draft of [...open.values()]) close(draft);

  const ordered = done
    .map((draft) => ({ draft, start: draft.startedAt ?? draft.requestedAt ?? draft.lastAt }))
    .sort((a, b) => a.start - b.start || a.draft.vmKey.localeCompare(b.draft.vmKey));
  const nodesWithLogs = new Set(options.nodesWithLogs.map(normalizeNodeName));
  return ordered.map(({ draft }, i) => toMigration(i + 1, draft, identities, nodesWithLogs));
}

const nodeNames = new Map<string, string>();

/**
 * Normalises nodes, resolves every VM mention to one key per VM (GUIDs and names seen together
 * anywhere join), and sorts by time (stable by table and row id). Pure.
 */
export function placeOnClock(records: readonly ReplayRecord[]): IdentifiedRecords {
  // Records repeat the same few identity fields; resolve each distinct combination once,
  // looked up through nested maps so no per-record string is built.
  const identities = new VmIdentities();
  const combos = new NestedCache<VmMention | null>();
  const mentions = records.map((record) => {
    const { vmId, vmName, resource, group } = record.fields;
    if (!vmId && !vmName && !resource && !group) return null;
    return combos.get(vmId, vmName, resource, group, () => {
      const mention = vmMention(record);
      if (mention) identities.add(mention);
      return mention;
    });
  });
  const keys = new Map<VmMention, string>();
  const timed = records.map((record, i) => {
    let node = nodeNames.get(record.node);
    if (node === undefined) {
      node = normalizeNodeName(record.node);
      nodeNames.set(record.node, node);
    }
    const mention = mentions[i];
    let vmKey: string | null = null;
    if (mention) {
      vmKey = keys.get(mention) ?? null;
      if (vmKey === null) {
        vmKey = identities.keyOf(mention);
        keys.set(mention, vmKey);
      }
    }
    return { record, node, at: isoToMillis(record.time), time: record.time, vmKey };
  });
  return { timed: timed.sort(byClock), identities };
}

/** A cache keyed by four optional strings, without building a key string per lookup. */
class NestedCache<T> {
  private readonly root = new Map<string, Map<string, Map<string, Map<string, T>>>>();

  get(a = '', b = '', c = '', d = '', make: () => T): T {
    let level1 = this.root.get(a);
    if (!level1) this.root.set(a, (level1 = new Map()));
    let level2 = level1.get(b);
    if (!level2) level1.set(b, (level2 = new Map()));
    let level3 = level2.get(c);
    if (!level3) level2.set(c, (level3 = new Map()));
    if (level3.has(d)) return level3.get(d) as T;
    const value = make();
    level3.set(d, value);
    return value;
  }
}

/** Applies per-node clock offsets (seconds ahead of the reference) and re-sorts. Pure. */
export function shiftClock(
  timed: readonly TimedRecord[],
  offsetsS: Readonly<Record<string, number>>,
): TimedRecord[] {
  if (!Object.values(offsetsS).some((o) => o !== 0)) return [...timed];
  return timed
    .map((item) => {
      const offset = offsetsS[item.node] ?? 0;
      if (offset === 0) return item;
      const ticks = isoToFiletime(item.time);
      const time =
        ticks === null ? item.time : filetimeToIso(ticks - BigInt(Math.round(offset * 10_000_000)));
      return { ...item, at: item.at - offset * 1000, time };
    })
    .sort(byClock);
}

function byClock(a: TimedRecord, b: TimedRecord): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.record.table !== b.record.table) return a.record.table < b.record.table ? -1 : 1;
  return a.record.id - b.record.id;
}

/** A second start of the same side means the first attempt is over, whatever it looked like. */
function startsNewAttempt(draft: MigrationDraft, record: ReplayRecord): boolean {
  if (record.role === 'lm-start-source') return draft.sourceStartedAt !== null;
  if (record.role === 'lm-start-destination') return draft.destinationStartedAt !== null;
  if (record.role === 'group-move-requested') {
    return draft.requestedAt !== null && draft.startedAt !== null;
  }
  if (record.role === 'group-moving' && draft.phase === 'ended') return !sameNodes(draft, record);
  return false;
}

/** The record names no nodes, or the same source and destination as the attempt. */
function sameNodes(draft: MigrationDraft, record: ReplayRecord): boolean {
  const { sourceNode, destinationNode } = record.fields;
  const source = sourceNode ? normalizeNodeName(sourceNode) : null;
  const destination = destinationNode ? normalizeNodeName(destinationNode) : null;
  return (
    (source === null || source === draft.sourceNode) &&
    (destination === null || destination === draft.destinationNode)
  );
}

/**
 * A migration record that names no VM (21126 names only the destination) belongs to the
 * attempt its node is busy with, if there is exactly one recent one.
 */
function orphanKey(open: Map<string, MigrationDraft>, item: TimedRecord): string | null {
  if (item.record.category !== 'migration' && item.record.category !== 'switch') return null;
  const candidates = [...open.values()].filter(
    (d) =>
      (d.sourceNode === item.node || d.destinationNode === item.node) &&
      Math.abs(item.at - d.lastAt) <= orphanJoinWindowMs,
  );
  return candidates.length === 1 ? candidates[0]!.vmKey : null;
}

function stepOf({ record, node, time }: TimedRecord): MigrationStep {
  const summary = `${record.label}: ${record.text}`;
  return {
    time,
    node,
    phase: record.role,
    evidenceTable: record.table,
    evidenceId: record.id,
    summary: summary.length > maxSummaryLength ? summary.slice(0, maxSummaryLength) : summary,
  };
}

function toMigration(
  id: number,
  draft: MigrationDraft,
  identities: VmIdentities,
  nodesWithLogs: Set<string>,
): Migration {
  // Every time an attempt holds is one of its steps' times: take the exact text from there.
  const iso = (at: number) => draft.steps[draft.stepAts.indexOf(at)]?.time ?? millisToIso(at);
  const { vm, vmId } = identities.describe(draft.vmKey);
  const outcome = draftOutcome(draft);
  const startedAt = draft.startedAt ?? draft.requestedAt;
  const endedAt = outcome === 'unknown' ? null : draft.endedAt;
  const durationS =
    startedAt !== null && endedAt !== null
      ? round((endedAt - startedAt) / 1000)
      : draft.reportedDurationS;
  const kind = draftKind(draft);
  const migration: Migration = {
    id,
    vm,
    vmId,
    kind,
    sourceNode: draft.sourceNode,
    destinationNode: draft.destinationNode,
    requestedAt: draft.requestedAt === null ? null : iso(draft.requestedAt),
    startedAt: startedAt === null ? null : iso(startedAt),
    endedAt: endedAt === null ? null : iso(endedAt),
    durationS,
    blackoutS: draft.blackoutS,
    outcome,
    failureSide: outcome === 'failed' ? draft.failureSide : null,
    errorCode: outcome === 'failed' ? draft.errorCode : null,
    errorText: outcome === 'failed' ? draft.errorText : null,
    gaps: gapsOf(draft, outcome, nodesWithLogs),
    steps: draft.steps,
    facts: emptyFacts(),
  };
  migration.facts.durationS = durationS;
  migration.facts.blackoutS = draft.blackoutS;
  return migration;
}

function gapsOf(draft: MigrationDraft, outcome: string, nodesWithLogs: Set<string>): string[] {
  const gaps: string[] = [];
  for (const [side, node] of [
    ['source', draft.sourceNode],
    ['destination', draft.destinationNode],
  ] as const) {
    if (node === null) gaps.push(`the ${side} node is not known from the logs`);
    else if (!nodesWithLogs.has(node)) gaps.push(`no logs from the ${side} node ${node}`);
    else if (!draft.nodesSeen.has(node))
      gaps.push(`the ${side} node ${node}'s logs have no record of this migration`);
  }
  if (outcome === 'unknown') gaps.push('the end of the migration is not in the logs');
  return gaps;
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
