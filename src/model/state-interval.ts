/** Infrastructure state over time, derived by replay (DESIGN §5 "State over time"). Plain data. */

import type { EvidenceTable } from './migration.js';

/** What the state is of. */
export type StateKind =
  'network' | 'interface' | 'csv' | 'node' | 'cluster-service' | 'rhs' | 'backup';

/** The record that began or ended an interval. */
export interface StateEvidence {
  table: EvidenceTable;
  id: number;
}

/**
 * One state of one thing, as one node logged it, from one record to the next that changed it.
 * Times are on the case's corrected clock. A start or end that is not in the logs is open:
 * `startedAt`/`endedAt` is then the first/last record of the series or null, and the flag says.
 */
export interface StateInterval {
  kind: StateKind;
  /** Network name, `node: interface`, CSV volume, node name, or the node of a service or RHS. */
  subject: string;
  /** The node that logged the records. */
  node: string;
  /**
   * `up`, `down`, `partitioned` (network); `up`, `unreachable`, `failed` (interface); `online`,
   * `paused`, `redirected`, `no-access` (CSV); `member`, `down` (node); `started`, `stopped`
   * (cluster service); `started`, `crashed`, `deadlocked` (RHS); `running`, `ended`, `problem`
   * (backup).
   */
  state: string;
  /** Corrected UTC time the state began; null when the logs do not show it (open start). */
  startedAt: string | null;
  /** Corrected UTC time it ended; null when it still held when the logs end (open end). */
  endedAt: string | null;
  startOpen: boolean;
  endOpen: boolean;
  startEvidence: StateEvidence | null;
  endEvidence: StateEvidence | null;
}
