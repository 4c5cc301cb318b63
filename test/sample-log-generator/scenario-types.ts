/**
 * Scenario definitions: a cluster, its configuration and a timeline of what happened, as typed
 * data. The generator turns one scenario into the files an administrator would collect.
 */

export type WindowsVersion = '2008R2' | '2012R2' | '2016' | '2019';
export type Locale = 'en-US' | 'pt-BR';

export interface ProcessorInfo {
  manufacturer: 'GenuineIntel' | 'AuthenticAMD';
  name: string;
  architecture: 'x64' | 'x86';
}

export interface NodeDefinition {
  name: string;
  /** Cluster node number (1-based), as in `HV01(1)`. */
  id: number;
  processor: ProcessorInfo;
  /** Virtual switch (2008 R2: virtual network) names on this node. */
  switches: string[];
  systemDrive: string;
  /** Node time zone, minutes east of UTC (fixed: no DST inside a scenario window). */
  utcOffsetMinutes: number;
  /** How far this node's clock runs ahead of true time, in milliseconds (negative: behind). */
  clockSkewMs?: number;
  /** Cluster log written with `Get-ClusterLog -UseLocalTime`. */
  clusterLogLocalTime?: boolean;
  /** Last octet of the node's addresses on every cluster network. */
  hostOctet: number;
}

export type NetworkRole = 'None' | 'Cluster' | 'ClusterAndClient';

export interface NetworkDefinition {
  name: string;
  id: string;
  role: NetworkRole;
  metric: number;
  /** `10.0.2.0` with prefix length 24. */
  subnet: string;
  prefixLength: number;
  /** Enabled for live migration (listed in MigrationNetworkOrder / not excluded). */
  liveMigration: boolean;
  /** Adapter name on each node, e.g. `LM` → interface `HV01 - LM`. */
  adapter: string;
}

export interface VmDefinition {
  name: string;
  id: string;
  owner: string;
  memoryMB: number;
  switchName: string;
  /** "Migrate to a physical computer with a different processor version". */
  processorCompatibility: boolean;
}

/** The diagnosis a failed (or suspicious) migration should receive (DESIGN.md §6 cause ids). */
export type CauseId =
  | 'no-migration-network'
  | 'network-not-ready-after-restart'
  | 'virtual-network-name-mismatch'
  | 'switch-port-name-conflict'
  | 'processor-incompatible'
  | 'concurrent-migration'
  | 'authentication-failed'
  | 'csv-redirected-io'
  | 'node-down'
  | 'cleanup-not-finished'
  | 'system-drive-mismatch'
  | 'architecture-mismatch';

export type MigrationOutcome =
  | { result: 'succeeded'; durationS: number; blackoutS: number; slow?: boolean }
  | { result: 'failed'; cause: CauseId; afterS: number };

export type TimelineStep =
  | { at: string; kind: 'live-migration'; vm: string; to: string; outcome: MigrationOutcome }
  | { at: string; kind: 'quick-migration'; vm: string; to: string; durationS: number }
  | { at: string; kind: 'network-down'; network: string }
  | { at: string; kind: 'network-up'; network: string }
  | { at: string; kind: 'cluster-service-restart'; node: string; downS: number }
  | { at: string; kind: 'rhs-restart'; node: string; vm: string }
  | { at: string; kind: 'node-down'; node: string }
  | { at: string; kind: 'backup-cancelled'; node: string; csv: string };

export interface DamageDefinition {
  node: string;
  /** File name part of the damaged `.evtx`, e.g. `System`. */
  channelFile: string;
  chunk: number;
}

export interface Scenario {
  folder: string;
  title: string;
  windows: WindowsVersion;
  locale: Locale;
  cluster: string;
  domain: string;
  seed: number;
  /** Collection window, UTC. */
  start: string;
  end: string;
  nodes: NodeDefinition[];
  networks: NetworkDefinition[];
  vms: VmDefinition[];
  csvs: string[];
  timeline: TimelineStep[];
  /** Background System events per node per hour. */
  noisePerHour: number;
  damage?: DamageDefinition;
  readme: {
    situation: string;
    demonstrates: string;
    verdict: string;
    assumptions?: string[];
  };
}
