import {
  readClusterLogSummary,
  readConfigSummary,
  type ClusterLogSourceSummary,
  type ConfigTableSummary,
} from './cluster-log-summary.js';
import { readClusterPresence, type ClusterPresence } from './cluster-presence.js';
import type { Store } from './open-database.js';

export interface KindCount {
  kind: string;
  files: number;
  records: number;
  warnings: number;
}

export interface NodeChannelCount {
  node: string;
  channel: string;
  events: number;
  first: string;
  last: string;
}

export interface RecordedProblem {
  path: string | null;
  location: string;
  message: string;
}

/** One stored file, its node and how that was decided (`sources.node_basis`). */
export interface FileNode {
  path: string;
  kind: string;
  node: string | null;
  basis: string | null;
  evidence: string | null;
}

/** What a case database holds, for the analyze summary. Plain data. */
export interface CaseSummary {
  kinds: KindCount[];
  nodeChannels: NodeChannelCount[];
  nodes: string[];
  firstTime: string | null;
  lastTime: string | null;
  problems: RecordedProblem[];
  problemCount: number;
  /** Paths passed over by discovery, with the reason. */
  skipped: { path: string; reason: string }[];
  /** Cluster logs, each with the time basis its times were read in. */
  clusterLogs: ClusterLogSourceSummary[];
  /** Configuration tables that hold rows. */
  configuration: ConfigTableSummary[];
  /** Whether anything comes from a cluster node, and which providers were found. */
  cluster: ClusterPresence;
  /** Every file with its node and how it was decided. */
  files: FileNode[];
}

/** Reads the summary of everything stored; `problemLimit` caps the problems listed (all are counted). */
export function readCaseSummary(db: Store, problemLimit = 20): CaseSummary {
  const kinds = db
    .prepare(
      `SELECT kind, COUNT(*) AS files, SUM(records) AS records, SUM(warnings) AS warnings
       FROM sources GROUP BY kind ORDER BY kind`,
    )
    .all() as KindCount[];
  const nodeChannels = db
    .prepare(
      `SELECT node, channel, COUNT(*) AS events, MIN(time) AS first, MAX(time) AS last
       FROM events GROUP BY node, channel ORDER BY node, channel`,
    )
    .all() as NodeChannelCount[];
  const span = db.prepare('SELECT MIN(time) AS first, MAX(time) AS last FROM events').get() as {
    first: string | null;
    last: string | null;
  };
  const problems = db
    .prepare(
      `SELECT s.path AS path, e.location AS location, e.message AS message
       FROM ingest_errors AS e JOIN sources AS s ON s.id = e.source_id
       ORDER BY e.id LIMIT ?`,
    )
    .all(problemLimit) as RecordedProblem[];
  const { n } = db
    .prepare('SELECT COUNT(*) AS n FROM ingest_errors WHERE source_id IS NOT NULL')
    .get() as { n: number };
  const skipped = db
    .prepare(
      `SELECT location AS path, REPLACE(message, 'skipped: ', '') AS reason
       FROM ingest_errors WHERE source_id IS NULL ORDER BY location`,
    )
    .all() as { path: string; reason: string }[];
  const clusterLogs = readClusterLogSummary(db);
  const logNodes = clusterLogs.map((l) => l.node).filter((n): n is string => n !== null);
  return {
    kinds,
    nodeChannels,
    nodes: [...new Set([...nodeChannels.map((r) => r.node), ...logNodes])].sort(),
    firstTime: span.first,
    lastTime: span.last,
    problems,
    problemCount: n,
    skipped,
    clusterLogs,
    configuration: readConfigSummary(db),
    cluster: readClusterPresence(db),
    files: db
      .prepare(
        `SELECT path, kind, node, node_basis AS basis, node_evidence AS evidence
         FROM sources ORDER BY path`,
      )
      .all() as FileNode[],
  };
}
