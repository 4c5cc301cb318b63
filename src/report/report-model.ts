/**
 * The report model (DESIGN §3 `report/`): everything a Markdown, HTML or JSON report shows,
 * as plain data and no formatting. build-report.ts fills it; the renderers only format it.
 */
import type { Flowchart } from '../diagnose/flowchart.js';
import type {
  CauseId,
  Diagnosis,
  EvidenceRef,
  FailureCause,
  Finding,
  MissingInput,
  PathStep,
  Verdict,
} from '../model/diagnosis.js';
import type {
  ClockSkew,
  Migration,
  MigrationHeader,
  MigrationOutcome,
  MigrationStep,
} from '../model/migration.js';

/** JSON schema version of `lmdoctor report --format json`; bump when its shape changes. */
export const reportSchemaVersion = 1;

/** What the case database holds, as the report needs it (a subset of the analyze summary). */
export interface ReportCaseSummary {
  kinds: { kind: string; files: number; records: number; warnings: number }[];
  nodeChannels: { node: string; channel: string; events: number; first: string; last: string }[];
  nodes: string[];
  firstTime: string | null;
  lastTime: string | null;
  problems: { path: string | null; location: string; message: string }[];
  problemCount: number;
  clusterLogs: {
    path: string;
    node: string | null;
    lines: number;
    first: string | null;
    last: string | null;
    timeBasis: string;
    origin: string;
  }[];
  configuration: { table: string; rows: number; nodes: string[] }[];
}

/** One merged record of the case (event or cluster log line), as timeline-query gives it. */
export interface ReportTimelineRow {
  time: string;
  node: string | null;
  origin: 'event' | 'cluster-log';
  what: string;
  level: string | null;
  text: string;
  ref: string;
}

/** An infrastructure event (network, CSV, service, node …) shown as a marker on the timeline. */
export interface ReportInfraEvent {
  id: number;
  node: string;
  time: string;
  provider: string;
  eventId: number;
  message: string | null;
}

/** Everything build-report needs, loaded by the command from the store. Plain data. */
export interface ReportInput {
  summary: ReportCaseSummary;
  migrations: readonly Migration[];
  clockSkew: readonly ClockSkew[];
  diagnoses: readonly Diagnosis[];
  findings: readonly Finding[];
  /** Candidate marker events; those outside the marker categories are left out. */
  events: readonly ReportInfraEvent[];
  /** Per migration id: the merged records around it (only migrations that need attention). */
  timelines: ReadonlyMap<number, readonly ReportTimelineRow[]>;
  /** The flowchart the diagnoses walked, or null when there are none. */
  flowchart: Flowchart | null;
}

export type MarkerCategory = 'network' | 'csv' | 'service' | 'node' | 'rhs' | 'backup';

export interface TimelineMarker {
  time: string;
  node: string;
  category: MarkerCategory;
  eventId: number;
  provider: string;
  text: string;
  ref: string;
}

/** Something the collected logs do not cover, said as data so each language can word it. */
export type CoverageGap =
  | { kind: 'no-logs' }
  | { kind: 'node-without-events'; node: string }
  | { kind: 'node-without-cluster-log'; node: string }
  | { kind: 'channel-missing'; node: string; channel: string }
  | { kind: 'time-basis-unresolved'; path: string }
  | { kind: 'ingest-problems'; count: number }
  | {
      kind: 'migration-node-without-logs';
      node: string;
      migrations: number[];
      /** The exact commands that collect the node's logs (the collection script). */
      collect: string;
    };

export interface ReportFinding {
  cause: CauseId;
  verdict: Verdict;
  scope: 'migration' | 'related' | 'cluster';
  migrationId: number | null;
  summary: string;
  remediation: string;
  evidence: EvidenceRef[];
}

export interface ReportDiagnosis {
  cause: FailureCause;
  verdict: Verdict;
  conclusion: string;
  summary: string;
  remediation: string;
  source: string;
  path: PathStep[];
  evidence: EvidenceRef[];
  missing: MissingInput[];
}

export interface ReportMigration extends MigrationHeader {
  gaps: string[];
  /** Failed, of unknown end, or diagnosed (slow): the report details it. */
  needsAttention: boolean;
  steps: MigrationStep[];
  diagnosis: ReportDiagnosis | null;
  related: ReportFinding[];
  /** The merged records around the attempt (empty unless needsAttention). */
  timeline: ReportTimelineRow[];
  timelineTruncated: boolean;
}

export interface ReportFlowchartNode {
  id: string;
  kind: 'question' | 'conclusion';
  /** The question, or the cause of a conclusion. */
  text: string;
  check: string | null;
  cause: FailureCause | null;
  yes: string | null;
  no: string | null;
  unknown: string | null;
}

export interface ReportFlowchart {
  id: string;
  title: string;
  start: string;
  nodes: ReportFlowchartNode[];
}

export interface ReportModel {
  schemaVersion: number;
  nodes: string[];
  firstTime: string | null;
  lastTime: string | null;
  sources: ReportCaseSummary['kinds'];
  channels: ReportCaseSummary['nodeChannels'];
  clusterLogs: ReportCaseSummary['clusterLogs'];
  configuration: ReportCaseSummary['configuration'];
  problems: { count: number; first: ReportCaseSummary['problems'] };
  coverageGaps: CoverageGap[];
  counts: Record<MigrationOutcome, number> & { total: number; diagnosed: number };
  clockSkew: ClockSkew[];
  migrations: ReportMigration[];
  markers: TimelineMarker[];
  advisories: ReportFinding[];
  flowchart: ReportFlowchart | null;
}
