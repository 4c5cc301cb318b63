/** How a cluster log's timestamps are to be read. */
export type TimeBasis = 'utc' | 'local' | 'unknown';

/**
 * ClusterLogLine: one record of a `Get-ClusterLog` / `cluster log /g` text file, a row of
 * `cluster_log`. Continuation lines are joined into `message` of the record they follow.
 */
export interface ClusterLogLine {
  /** Resolved UTC stored time text (model/time.ts), or null when the basis cannot be resolved. */
  time: string | null;
  /** The timestamp exactly as written in the file. */
  rawTime: string;
  timeBasis: TimeBasis;
  node: string;
  /** 2016+ channel prefix (`[Verbose] `, `[Operational] `) without brackets; null when absent. */
  channel: string | null;
  pid: number | null;
  tid: number | null;
  level: string | null;
  component: string | null;
  message: string;
  /** 1-based line number in the file where the record starts. */
  line: number;
}
