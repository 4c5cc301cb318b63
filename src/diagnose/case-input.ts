import type { ConfigTable } from '../model/config-row.js';
import type { Migration } from '../model/migration.js';

/** An event the diagnose command loaded from the store before walking (see diagnosisEventIds). */
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
  /** Events of diagnosisEventIds plus the events cited by migration steps, in time order. */
  events: readonly CaseEvent[];
  /** Nodes any log came from. */
  nodesWithLogs: readonly string[];
  /** Channels seen per node (`HV01` → [`System`, …]). */
  channelsByNode: Readonly<Record<string, readonly string[]>>;
}

/**
 * Event ids the checks read besides a migration's own steps: node loss (1135, 1177), RHS
 * (1146, 1230), CSV (5120, 5121, 5122, 5136, 5142), backup (1584, 5217, 5219), cluster
 * networks (1126-1130), the cluster service (7036), and the Hyper-V failure events the
 * flowchart branches on (20417, 21121, 21125, 21126, 21145, 21158, 21159, 21201, 21203, 21502).
 */
export const diagnosisEventIds: readonly number[] = [
  1126, 1127, 1128, 1129, 1130, 1135, 1146, 1177, 1230, 1584, 5120, 5121, 5122, 5136, 5142, 5217,
  5219, 7036, 20417, 21102, 21121, 21125, 21126, 21145, 21158, 21159, 21201, 21203, 21502,
];

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
