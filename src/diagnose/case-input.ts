import type { ConfigTable } from '../model/config-row.js';
import type { Migration } from '../model/migration.js';
import type { StateInterval } from '../model/state-interval.js';

/**
 * An event the diagnose command loaded from the store before walking (see diagnosisEventIds);
 * `time` is on the case's corrected clock.
 */
export interface CaseEvent {
  id: number;
  node: string;
  time: string;
  channel: string;
  provider: string;
  eventId: number;
  data: Record<string, string>;
  message: string | null;
}

/** A configuration row with its store id, so that it can be cited as evidence. */
export interface ConfigRecord {
  table: ConfigTable;
  id: number;
  node: string | null;
  values: Record<string, string | number | null>;
}

/** Everything the checks may look at for one case: plain data, loaded by the command. */
export interface CaseInput {
  migrations: readonly Migration[];
  /** Configuration rows by table; an empty table means the capture was not collected. */
  config: Record<ConfigTable, readonly ConfigRecord[]>;
  /**
   * The events the flowchart's checks declare they read (check-events.ts) plus the events
   * cited by migration steps, in time order.
   */
  events: readonly CaseEvent[];
  /** Nodes any log came from. */
  nodesWithLogs: readonly string[];
  /** Channels seen per node (`HV01` → [`System`, …]). */
  channelsByNode: Readonly<Record<string, readonly string[]>>;
  /**
   * Whether anything collected shows a cluster node (events of a cluster or Hyper-V provider,
   * a cluster log, a cluster configuration capture): without it there is no cluster-wide
   * advisory.
   */
  clusterEvidence: boolean;
  /**
   * Infrastructure state intervals (replay) that held around the migrations, on the corrected
   * clock; absent when none were derived.
   */
  states?: readonly StateInterval[];
}

/** An empty configuration (no capture collected). */
export function emptyConfig(): Record<ConfigTable, readonly ConfigRecord[]> {
  return {
    cluster_networks: [],
    cluster_nodes: [],
    network_interfaces: [],
    vm_resources: [],
    virtual_switches: [],
    processors: [],
  };
}
