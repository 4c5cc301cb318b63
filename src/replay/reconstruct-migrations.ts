import type { Migration } from '../model/migration.js';
import type { StateInterval } from '../model/state-interval.js';
import { estimateClockSkew, type ClockSkew } from './clock-skew.js';
import { computeFacts } from './migration-facts.js';
import { foldMigrations, placeOnClock, shiftClock } from './replay-migrations.js';
import type { ReplayRecord } from './replay-record.js';
import type { VmHint } from './vm-keys.js';
import { deriveStateIntervals } from './state-intervals.js';

export interface Reconstruction {
  migrations: Migration[];
  clockSkew: ClockSkew[];
  /** Infrastructure state over time, on the corrected clock. */
  states: StateInterval[];
}

/**
 * The whole of replay: a clock-skew estimate from paired source and destination starts, the
 * migration fold on the corrected clock, the flowchart facts and the infrastructure state
 * intervals. Pure.
 */
export function reconstructMigrations(
  records: readonly ReplayRecord[],
  nodesWithLogs: readonly string[],
  nodeNamesById: Readonly<Record<string, string>> = {},
  vmHints: readonly VmHint[] = [],
): Reconstruction {
  const { timed: placed, identities } = placeOnClock(records, vmHints);
  const clockSkew = estimateClockSkew(placed);
  const offsets = Object.fromEntries(clockSkew.map((s) => [s.node, s.offsetS]));
  const timed = shiftClock(placed, offsets);
  const migrations = foldMigrations(timed, identities, { nodesWithLogs, nodeNamesById });
  computeFacts(migrations, timed);
  return { migrations, clockSkew, states: deriveStateIntervals(timed, nodeNamesById) };
}
