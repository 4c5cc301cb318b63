import type { ClockSkew, Migration } from '../model/migration.js';
import type { StateInterval } from '../model/state-interval.js';
import { isoToMillis } from '../model/time.js';
import {
  estimateClockOffsets,
  sightingKey,
  type PairedStart,
  type Sighting,
} from './clock-skew.js';
import { toMigration } from './draft-to-migration.js';
import { nodeKey } from '../model/node-name.js';
import type { VmNameJoin } from './identity.js';
import { InfrastructureIndex } from './infrastructure-index.js';
import {
  fillFacts,
  isInfrastructureRole,
  outlineOf,
  relationFacts,
  type MigrationOutline,
} from './migration-facts.js';
import {
  compareAttempts,
  MigrationFolder,
  orderKeyOf,
  type AttemptOrderKey,
} from './migration-folder.js';
import { foldedRoles } from './migration-machine.js';
import { ReorderBuffer } from './reorder-buffer.js';
import { deriveStateIntervals, isStateRole } from './state-intervals.js';
import {
  byClock,
  nodeOf,
  shiftItem,
  type ReplayOptions,
  type TimedRecord,
} from './replay-migrations.js';
import type { ReplayRecord } from './replay-record.js';
import { VmKeys } from './vm-keys.js';

/** Where replay reads its records from, as many times as it needs. */
export interface ReplaySource {
  /** Every classified record, in non-decreasing stored time; each call reads them again. */
  records(): Iterable<ReplayRecord>;
}

/** Where finished migrations wait, by key, until every one is known and they can be numbered. */
export interface MigrationSpool {
  put(key: number, migration: Migration): void;
  /** The migration put under `key` (each is taken once). */
  take(key: number): Migration;
}

/** The result of a streamed replay. */
export interface StreamedReconstruction {
  clockSkew: ClockSkew[];
  /** How many migrations `migrations` yields. */
  count: number;
  /** The migrations in number order with their facts, taken from the spool as iterated (once). */
  migrations: Iterable<Migration>;
  /** Names joined to a VM shown under another name, with why. */
  vmNames: VmNameJoin[];
  /** Infrastructure state over time, on the corrected clock. */
  states: StateInterval[];
}

/** How often (common-clock ms) attempts that went quiet are closed and handed to the spool. */
const sweepEveryMs = 30_000;

/** Fields of infrastructure records that the facts read; the rest is dropped. */
const infrastructureFields = [
  'volume',
  'node',
  'nodeId',
  'network',
  'interface',
  'resource',
] as const;

/**
 * The whole of replay in bounded memory, with the results of reconstructMigrations.
 * A first pass over the records learns the VM identities, the paired starts the clock-skew
 * estimate needs and the (few) infrastructure records the facts read. A second pass puts each
 * record on the corrected clock — the store gives them by stored time and each node's offset
 * is constant, so a reorder buffer as wide as the offsets restores the order — and folds them;
 * an attempt is spooled as soon as it closes. Numbering (by start) and facts come last.
 */
export function replayStream(
  source: ReplaySource,
  options: Omit<ReplayOptions, 'clockOffsetsS'>,
  spool: MigrationSpool,
): StreamedReconstruction {
  const vmKeys = new VmKeys();
  vmKeys.hint(options.vmHints ?? []);
  const survey = surveyRecords(source, vmKeys);
  const clockSkew = estimateClockOffsets(survey.starts(vmKeys), survey.sightings);
  const offsets = Object.fromEntries(clockSkew.map((s) => [s.node, s.offsetS]));
  const corrected = survey.infrastructure.map((t) => shiftItem(t, offsets)).sort(byClock);
  const infrastructure = new InfrastructureIndex(corrected);
  const states = deriveStateIntervals(corrected, options.nodeNamesById);

  const nodesWithLogs = new Set(options.nodesWithLogs.map(nodeKey));
  const closed: { key: AttemptOrderKey; outline: MigrationOutline }[] = [];
  const folder = new MigrationFolder(options, (draft) => {
    const migration = toMigration(0, draft, vmKeys.identities, nodesWithLogs);
    spool.put(draft.seq, migration);
    closed.push({ key: orderKeyOf(draft), outline: outlineOf(migration) });
  });
  let nextSweep = -Infinity;
  const fold = (item: TimedRecord) => {
    if (item.at >= nextSweep) {
      folder.closeQuiet(item.at);
      nextSweep = item.at + sweepEveryMs;
    }
    folder.push(item);
  };
  const lead = Math.max(0, ...Object.values(offsets)) * 1000;
  const buffer = new ReorderBuffer();
  for (const record of source.records()) {
    const at = isoToMillis(record.time);
    // A record of a role the machine never acts on changes no attempt: it only moves time on.
    if (foldedRoles.has(record.role)) {
      const vmKey = vmKeys.keyOf(vmKeys.learn(record));
      const item = { record, node: nodeOf(record), at, time: record.time, vmKey };
      buffer.push(shiftItem(item, offsets));
    }
    for (const ready of buffer.releaseBefore(at - lead)) fold(ready);
  }
  for (const ready of buffer.drain()) fold(ready);
  folder.finish();

  closed.sort((a, b) => compareAttempts(a.key, b.key));
  closed.forEach(({ outline }, i) => (outline.id = i + 1));
  const outlines = closed.map((c) => c.outline);
  const relations = relationFacts(outlines);
  function* numbered(): Generator<Migration> {
    for (let i = 0; i < closed.length; i++) {
      const { key, outline } = closed[i]!;
      const migration = spool.take(key.seq);
      migration.id = outline.id;
      fillFacts(migration, outline, i, relations, infrastructure);
      yield migration;
    }
  }
  return {
    clockSkew,
    count: closed.length,
    migrations: numbered(),
    vmNames: vmKeys.identities.joins(),
    states,
  };
}

/** What the first pass keeps: paired-start candidates and infrastructure records, compacted. */
interface Survey {
  /** The live-migration starts naming a VM, on the stored clock, in clock order. */
  starts(vmKeys: VmKeys): PairedStart[];
  /** Infrastructure records on the stored clock (fields the facts read only). */
  infrastructure: TimedRecord[];
  /** Records of happenings every node logs for itself, on the stored clock. */
  sightings: Sighting[];
}

/** A start as the first pass keeps it: the VM is resolved once every record has been seen. */
interface SurveyedStart {
  mention: NonNullable<ReturnType<VmKeys['learn']>>;
  node: string;
  at: number;
  table: ReplayRecord['table'];
  id: number;
  source: boolean;
}

function surveyRecords(source: ReplaySource, vmKeys: VmKeys): Survey {
  const starts: SurveyedStart[] = [];
  const infrastructure: TimedRecord[] = [];
  const sightings: Sighting[] = [];
  for (const record of source.records()) {
    const mention = vmKeys.learn(record);
    const sighting = sightingKey(record);
    if (sighting !== null)
      sightings.push({ key: sighting, node: nodeOf(record), at: isoToMillis(record.time) });
    const isSource = record.role === 'lm-start-source';
    if (mention && (isSource || record.role === 'lm-start-destination')) {
      const { table, id } = record;
      starts.push({
        mention,
        node: nodeOf(record),
        at: isoToMillis(record.time),
        table,
        id,
        source: isSource,
      });
    } else if (isInfrastructureRole(record.role) || isStateRole(record.role)) {
      infrastructure.push({
        record: compact(record),
        node: nodeOf(record),
        at: isoToMillis(record.time),
        time: record.time,
        vmKey: null,
      });
    }
  }
  return {
    starts: (keys) =>
      starts
        .sort(
          (a, b) => a.at - b.at || (a.table === b.table ? a.id - b.id : a.table < b.table ? -1 : 1),
        )
        .map(({ mention, node, at, source }) => ({ key: keys.keyOf(mention)!, node, at, source })),
    infrastructure,
    sightings,
  };
}

/** A record without its text and with only the fields the facts read. */
function compact(record: ReplayRecord): ReplayRecord {
  const fields: ReplayRecord['fields'] = {};
  for (const name of infrastructureFields) {
    const value = record.fields[name];
    if (value !== undefined) fields[name] = value;
  }
  return { ...record, fields, text: '' };
}

/** A spool in memory (for tests and small cases). */
export function memorySpool(): MigrationSpool {
  const held = new Map<number, Migration>();
  return {
    put: (key, migration) => void held.set(key, migration),
    take: (key) => {
      const migration = held.get(key);
      if (!migration) throw new Error(`no spooled migration ${key}`);
      held.delete(key);
      return migration;
    },
  };
}
