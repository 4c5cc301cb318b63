import type { Migration } from '../model/migration.js';
import { filetimeToIso, isoToFiletime, isoToMillis } from '../model/time.js';
import { nodeKey } from '../model/node-name.js';
import type { VmIdentities } from './identity.js';
import { MigrationFolder, orderAttempts } from './migration-folder.js';
import { toMigration } from './draft-to-migration.js';
import type { MigrationDraft } from './migration-draft.js';
import type { ReplayRecord } from './replay-record.js';
import { VmKeys, type VmHint } from './vm-keys.js';

export interface ReplayOptions {
  /** Nodes that contributed any log at all (normalised names); used to name gaps. */
  nodesWithLogs: readonly string[];
  /** Seconds each node's clock runs ahead of the reference; subtracted from its records. */
  clockOffsetsS?: Readonly<Record<string, number>>;
  /** Cluster node number → node name, for records that name nodes by number. */
  nodeNamesById?: Readonly<Record<string, string>>;
  /** What the configuration dumps say about VM resources (groups, VmIds), for VM identity. */
  vmHints?: readonly VmHint[];
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

/**
 * Rebuilds migrations from classified records of all nodes. Pure: time comes only from the
 * records. Records are merged by corrected UTC time and folded per VM through the migration
 * machine; every attempt keeps the records that moved it. Linear after the sort.
 */
export function replayMigrations(
  records: readonly ReplayRecord[],
  options: ReplayOptions,
): Migration[] {
  const placed = placeOnClock(records, options.vmHints);
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
  const done: MigrationDraft[] = [];
  const folder = new MigrationFolder(options, (draft) => done.push(draft));
  for (const item of timed) folder.push(item);
  folder.finish();
  const nodesWithLogs = new Set(options.nodesWithLogs.map(nodeKey));
  return orderAttempts(done).map((draft, i) =>
    toMigration(i + 1, draft, identities, nodesWithLogs),
  );
}

const nodeNames = new Map<string, string>();

/** The normalised name of the node that logged a record (cached: nodes are few). */
export function nodeOf(record: ReplayRecord): string {
  let node = nodeNames.get(record.node);
  if (node === undefined) {
    node = nodeKey(record.node);
    nodeNames.set(record.node, node);
  }
  return node;
}

/**
 * Normalises nodes, resolves every VM mention to one key per VM (GUIDs and names seen together
 * anywhere join), and sorts by time (stable by table and row id). Pure.
 */
export function placeOnClock(
  records: readonly ReplayRecord[],
  vmHints: readonly VmHint[] = [],
): IdentifiedRecords {
  const vmKeys = new VmKeys();
  vmKeys.hint(vmHints);
  const mentions = records.map((record) => vmKeys.learn(record));
  const timed = records.map((record, i) => ({
    record,
    node: nodeOf(record),
    at: isoToMillis(record.time),
    time: record.time,
    vmKey: vmKeys.keyOf(mentions[i] ?? null),
  }));
  return { timed: timed.sort(byClock), identities: vmKeys.identities };
}

/** Applies per-node clock offsets (seconds ahead of the reference) and re-sorts. Pure. */
export function shiftClock(
  timed: readonly TimedRecord[],
  offsetsS: Readonly<Record<string, number>>,
): TimedRecord[] {
  if (!Object.values(offsetsS).some((o) => o !== 0)) return [...timed];
  return timed.map((item) => shiftItem(item, offsetsS)).sort(byClock);
}

/** One placed record moved by its node's clock offset (itself when the node is not shifted). */
export function shiftItem(
  item: TimedRecord,
  offsetsS: Readonly<Record<string, number>>,
): TimedRecord {
  const offset = offsetsS[item.node] ?? 0;
  if (offset === 0) return item;
  const ticks = isoToFiletime(item.time);
  const time =
    ticks === null ? item.time : filetimeToIso(ticks - BigInt(Math.round(offset * 10_000_000)));
  return { ...item, at: item.at - offset * 1000, time };
}

/** The common-clock order: time, then table, then row id. */
export function byClock(a: TimedRecord, b: TimedRecord): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.record.table !== b.record.table) return a.record.table < b.record.table ? -1 : 1;
  return a.record.id - b.record.id;
}
