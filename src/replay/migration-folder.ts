import type { MigrationStep } from '../model/migration.js';
import { nodeKey } from '../model/node-name.js';
import { migrationActions } from './migration-actions.js';
import { newDraft, type MigrationDraft } from './migration-draft.js';
import { migrationMachine, quietSecondsByPhase } from './migration-machine.js';
import type { ReplayOptions, TimedRecord } from './replay-migrations.js';
import type { ReplayRecord } from './replay-record.js';

/** Longest step summary kept (characters). */
const maxSummaryLength = 300;

/** How close (ms) a VM-less failure must be to an open attempt on its node to join it. */
const orphanJoinWindowMs = 60_000;

/**
 * The migration fold: records on the common clock, in order, go through the migration machine
 * per VM; each attempt is handed to `onClose` once no later record can change it. Only open
 * attempts are held, so memory follows the attempts in flight, not the case.
 */
export class MigrationFolder {
  private readonly open = new Map<string, MigrationDraft>();
  private opened = 0;

  constructor(
    private readonly options: Pick<ReplayOptions, 'nodeNamesById'>,
    private readonly onClose: (draft: MigrationDraft) => void,
  ) {}

  /** Attempts still open. */
  get openCount(): number {
    return this.open.size;
  }

  /** Folds the next record (records must come in common-clock order). */
  push(item: TimedRecord): void {
    const key = item.vmKey ?? this.orphanKey(item);
    if (key === null) return;
    let draft = this.open.get(key);
    if (draft && (quiet(draft, item.at) || startsNewAttempt(draft, item.record))) {
      this.close(draft);
      draft = undefined;
    }
    const transition = migrationMachine[draft?.phase ?? 'idle'][item.record.role];
    if (!transition) return;
    if (transition.actions.includes('open')) {
      if (draft) this.close(draft);
      draft = newDraft(key, item.at, ++this.opened);
      this.open.set(key, draft);
    }
    if (!draft) return;
    // Actions read the record's node: give them the node's key, as every other node here is.
    const record =
      item.record.node === item.node ? item.record : { ...item.record, node: item.node };
    for (const action of transition.actions) migrationActions[action](draft, record, item.at);
    const byId = item.record.fields.destinationNodeId;
    const names = this.options.nodeNamesById;
    if (byId !== undefined && names?.[byId]) draft.destinationNode ??= nodeKey(names[byId]);
    if (transition.to !== 'idle') draft.phase = transition.to;
    draft.lastAt = Math.max(draft.lastAt, item.at);
    draft.nodesSeen.add(item.node);
    draft.steps.push(stepOf(item));
    draft.stepAts.push(item.at);
  }

  /**
   * Closes the attempts that have been quiet too long at `at`: the next record of their VM,
   * which cannot come before `at`, would close them anyway.
   */
  closeQuiet(at: number): void {
    for (const draft of [...this.open.values()]) if (quiet(draft, at)) this.close(draft);
  }

  /** Closes every attempt still open (the records have ended). */
  finish(): void {
    for (const draft of [...this.open.values()]) this.close(draft);
  }

  private close(draft: MigrationDraft): void {
    this.open.delete(draft.vmKey);
    this.onClose(draft);
  }

  /**
   * A migration record that names no VM (21126 names only the destination) belongs to the
   * attempt its node is busy with, if there is exactly one recent one.
   */
  private orphanKey(item: TimedRecord): string | null {
    if (item.record.category !== 'migration' && item.record.category !== 'switch') return null;
    let found: MigrationDraft | null = null;
    for (const d of this.open.values()) {
      if (d.sourceNode !== item.node && d.destinationNode !== item.node) continue;
      if (Math.abs(item.at - d.lastAt) > orphanJoinWindowMs) continue;
      if (found) return null;
      found = d;
    }
    return found?.vmKey ?? null;
  }
}

/** What numbers an attempt: its start, its VM key, and the order it was opened in. */
export interface AttemptOrderKey {
  start: number;
  vmKey: string;
  seq: number;
}

/** The numbering key of an attempt (start: started, else requested, else its last record). */
export function orderKeyOf(draft: MigrationDraft): AttemptOrderKey {
  return {
    start: draft.startedAt ?? draft.requestedAt ?? draft.lastAt,
    vmKey: draft.vmKey,
    seq: draft.seq,
  };
}

/** The migration-number order of two attempts. */
export function compareAttempts(a: AttemptOrderKey, b: AttemptOrderKey): number {
  return a.start - b.start || a.vmKey.localeCompare(b.vmKey) || a.seq - b.seq;
}

/** Attempts in migration-number order. */
export function orderAttempts(drafts: readonly MigrationDraft[]): MigrationDraft[] {
  return drafts
    .map((draft) => ({ draft, key: orderKeyOf(draft) }))
    .sort((a, b) => compareAttempts(a.key, b.key))
    .map(({ draft }) => draft);
}

/** An attempt quiet for longer than its phase waits, at `at`. */
function quiet(draft: MigrationDraft, at: number): boolean {
  return at - draft.lastAt > quietSecondsByPhase[draft.phase] * 1000;
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
  const source = sourceNode ? nodeKey(sourceNode) : null;
  const destination = destinationNode ? nodeKey(destinationNode) : null;
  return (
    (source === null || source === draft.sourceNode) &&
    (destination === null || destination === draft.destinationNode)
  );
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
