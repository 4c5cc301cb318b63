/** Diagnosis and findings (DESIGN §4 `findings`, §6, §7). Plain data. */

/** The failure causes of DESIGN §6; stable ids used in JSON output and tests. */
export const failureCauses = [
  'no-migration-network',
  'network-not-ready-after-restart',
  'migration-connection-failed',
  'virtual-network-name-mismatch',
  'switch-port-name-conflict',
  'processor-incompatible',
  'processor-vendor-mismatch',
  'architecture-mismatch',
  'concurrent-migration',
  'cleanup-not-finished',
  'system-drive-mismatch',
  'authentication-failed',
  'subnet-mismatch',
  'possible-owners',
  'destination-resources',
  'csv-redirected-io',
  'csv-unavailable',
  'backup-interference',
  'node-down',
  'rhs-failure',
  'stale-vm-configuration',
  'unknown',
] as const;

/** Cluster-wide advisories (not failures): DESIGN §6 plus coverage of the collection. */
export const advisoryCauses = [
  'no-dedicated-migration-network',
  'migration-and-csv-share-network',
  'ipsec-on-migration-network',
  'slow-migration-network',
  'node-logs-missing',
  'analytic-channel-missing',
] as const;

export type FailureCause = (typeof failureCauses)[number];
export type AdvisoryCause = (typeof advisoryCauses)[number];
export type CauseId = FailureCause | AdvisoryCause;

/** `confirmed` needs at least one evidence record; `ruled-out` says a cause was checked and is absent. */
export type Verdict = 'confirmed' | 'likely' | 'ruled-out' | 'unknown';

export type Answer = 'yes' | 'no' | 'unknown';

/** A record that supports an answer: a stored event, cluster log line or configuration row. */
export interface EvidenceRef {
  /** Store table: `events`, `cluster_log`, `cluster_networks`, `processors`, … */
  table: string;
  id: number;
  node: string | null;
  time: string | null;
  /** What the record shows, in a few words (event id or column and value first). */
  note: string;
}

/** Input that was missing for an answer, and the command that collects it (guide.md, DESIGN §1). */
export interface MissingInput {
  input: string;
  collect: string;
}

/** One question of the flowchart as it was answered for one migration. */
export interface PathStep {
  node: string;
  check: string;
  question: string;
  answer: Answer;
  /** One sentence saying what was found. */
  summary: string;
  evidence: EvidenceRef[];
  missing: MissingInput | null;
}

/** The walk of the flowchart for one migration. */
export interface Diagnosis {
  migrationId: number;
  /** The conclusion node reached. */
  conclusion: string;
  cause: FailureCause;
  verdict: Verdict;
  /** One line of why: the deciding answer. */
  summary: string;
  remediation: string;
  /** Where the conclusion's advice comes from (events.md / guide.md source keys). */
  source: string;
  path: PathStep[];
  evidence: EvidenceRef[];
  missing: MissingInput[];
}

/**
 * A `findings` row: a migration's diagnosis (`migration`), another cause present in the same
 * migration (`related`), or a cluster-wide advisory (`cluster`, migrationId null).
 */
export interface Finding {
  migrationId: number | null;
  scope: 'migration' | 'related' | 'cluster';
  cause: CauseId;
  verdict: Verdict;
  summary: string;
  remediation: string;
  evidence: EvidenceRef[];
  /** The flowchart path (diagnoses only; empty otherwise). */
  path: PathStep[];
}
