import type { Migration, MigrationStep } from '../model/migration.js';
import { isoToMillis, millisToIso } from '../model/time.js';
import { normalizeNodeName, vmMention, VmIdentities } from './identity.js';
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
  at: number;
}

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
  const timed = placeOnClock(records, options.clockOffsetsS ?? {});
  const identities = new VmIdentities();
  const mentions = timed.map(({ record }) => vmMention(record));
  for (const mention of mentions) if (mention) identities.add(mention);

  const open = new Map<string, MigrationDraft>();
  const done: MigrationDraft[] = [];
  const close = (draft: MigrationDraft) => {
    open.delete(draft.vmKey);
    done.push(draft);
  };

  timed.forEach((item, index) => {
    const mention = mentions[index];
    const key = mention ? identities.keyOf(mention) : orphanKey(open, item);
    if (key === null) return;
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
    if (!transition) return;
    if (transition.actions.includes('open')) {
      if (draft) close(draft);
      draft = newDraft(key, item.at);
      open.set(key, draft);
    }
    if (!draft) return;
    for (const action of transition.actions) migrationActions[action](draft, item.record, item.at);
    const byId = item.record.fields.destinationNodeId;
    if (byId !== undefined && options.nodeNamesById?.[byId])
      draft.destinationNode ??= normalizeNodeName(options.nodeNamesById[byId]);
    if (transition.to !== 'idle') draft.phase = transition.to;
    draft.lastAt = Math.max(draft.lastAt, item.at);
    draft.nodesSeen.add(item.node);
    draft.steps.push(stepOf(item));
  });
  for (const draft of [...open.values()]) close(draft);

  const ordered = done
    .map((draft) => ({ draft, start: draft.startedAt ?? draft.requestedAt ?? draft.lastAt }))
    .sort((a, b) => a.start - b.start || a.draft.vmKey.localeCompare(b.draft.vmKey));
  const nodesWithLogs = new Set(options.nodesWithLogs.map(normalizeNodeName));
  return ordered.map(({ draft }, i) => toMigration(i + 1, draft, identities, nodesWithLogs));
}

/** Normalises nodes, applies clock offsets and sorts by time (stable by table and row id). */
export function placeOnClock(
  records: readonly ReplayRecord[],
  offsetsS: Readonly<Record<string, number>>,
): TimedRecord[] {
  const timed = records.map((record) => {
    const node = normalizeNodeName(record.node);
    return { record, node, at: isoToMillis(record.time) - (offsetsS[node] ?? 0) * 1000 };
  });
  return timed.sort(
    (a, b) =>
      a.at - b.at || a.record.table.localeCompare(b.record.table) || a.record.id - b.record.id,
  );
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

function stepOf({ record, node, at }: TimedRecord): MigrationStep {
  return {
    time: millisToIso(at),
    node,
    phase: record.role,
    evidenceTable: record.table,
    evidenceId: record.id,
    summary: `${record.label}: ${record.text}`.slice(0, 300),
  };
}

function toMigration(
  id: number,
  draft: MigrationDraft,
  identities: VmIdentities,
  nodesWithLogs: Set<string>,
): Migration {
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
    requestedAt: draft.requestedAt === null ? null : millisToIso(draft.requestedAt),
    startedAt: startedAt === null ? null : millisToIso(startedAt),
    endedAt: endedAt === null ? null : millisToIso(endedAt),
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
