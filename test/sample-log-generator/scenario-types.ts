/**
 * Scenario definitions: a cluster, its configuration and a timeline of what happened, as typed
 * data. The generator turns one scenario into the files an administrator would collect.
 */

export type WindowsVersion = '2008R2' | '2012R2' | '2016' | '2019' | '2022';
/**
 * Display language of the nodes. `x-invented` is a language made up for the samples: every
 * English word of a message becomes an invented word (invent-words.ts), so that no rule of
 * lmdoctor can depend on a guessed translation.
 */
export type Locale = 'en-US' | 'pt-BR' | 'x-invented';

/** How a node's event logs were handed over. */
export type EventExport =
  /** `.evtx` per channel, plus the VMMS channel as /f:xml and High-Availability as /f:RenderedXml. */
  | 'evtx'
  /** `wevtutil qe /f:xml` per channel (High-Availability as /f:RenderedXml), no `.evtx`. */
  | 'xml'
  /** `wevtutil qe /f:RenderedXml` per channel only: the messages in the node's language. */
  | 'rendered-xml';

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
  /** How its event logs were exported (default `evtx`). */
  eventExport?: EventExport;
  /** False when none of the node's files reached the case (a half-collected bundle). */
  collected?: boolean;
  /** False when its cluster log was not collected (event logs only). */
  clusterLogCollected?: boolean;
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
  | 'architecture-mismatch'
  | 'rhs-failure'
  | 'csv-unavailable';

export type MigrationOutcome =
  | { result: 'succeeded'; durationS: number; blackoutS: number; slow?: boolean }
  | {
      result: 'failed';
      cause: CauseId;
      afterS: number;
      /** `kerberos`: the authentication failure of Kerberos without delegation (0x8009030D). */
      variant?: 'kerberos';
    };

export type TimelineStep =
  | { at: string; kind: 'live-migration'; vm: string; to: string; outcome: MigrationOutcome }
  | { at: string; kind: 'quick-migration'; vm: string; to: string; durationS: number }
  /** `clusterLogOnly`: only the cluster log's route lines show it (no 1127/1128/1130 events). */
  | { at: string; kind: 'network-down'; network: string; clusterLogOnly?: boolean }
  | { at: string; kind: 'network-up'; network: string; clusterLogOnly?: boolean }
  | { at: string; kind: 'cluster-service-restart'; node: string; downS: number }
  | { at: string; kind: 'rhs-restart'; node: string; vm: string }
  | { at: string; kind: 'node-down'; node: string }
  | { at: string; kind: 'backup-cancelled'; node: string; csv: string }
  /** The CSV pauses on every node (5120), then is lost (5142) `lostAfterS` later. */
  | { at: string; kind: 'csv-paused'; csv: string; lostAfterS: number }
  /** The CSV resumes normal operation on every node (5122). */
  | { at: string; kind: 'csv-resumed'; csv: string };

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
  /**
   * Cluster resource names of a VM, with `{vm}` for its name (default the English
   * `Virtual Machine {vm}` / `Virtual Machine Configuration {vm}`, events-modern.md §1.1).
   * Localized forms are not documented anywhere (§1.2): a scenario that sets them says so.
   */
  resourceNames?: { vm: string; configuration: string };
  /**
   * `mixed`: events name nodes by lower-case FQDN (`hv02.contoso.local`) while cluster logs and
   * dumps use the short upper-case name; default `short` everywhere.
   */
  nodeNames?: 'short' | 'mixed';
  readme: {
    situation: string;
    demonstrates: string;
    verdict: string;
    assumptions?: string[];
  };
}
