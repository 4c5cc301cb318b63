import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { ingestRow } from '../catalog/catalog-message.js';
import { errorMessage } from '../errors.js';
import { discoverFiles, type SkippedPath } from '../readers/discover-files.js';
import type { ClusterLogTimeOption } from '../readers/cluster-log/time-basis.js';
import type { EventFilter } from '../readers/query-list/compile-query-list.js';
import type { ReadOptions, RecordSink } from '../readers/reader.js';
import { prepareReaders, releaseReaders } from '../readers/registry.js';
import type { ClusterLogFileRow } from '../store/cluster-log-files.js';
import type { Store } from '../store/open-database.js';
import { isDatabaseAccessError, isDiskFullError } from '../store/database-access.js';
import { SourceWriter, type SourceTotals } from '../store/source-writer.js';
import { findStoredSource, recordUnattachedErrors } from '../store/sources-table.js';
import type { NodeMapRule } from '../readers/attribute-node.js';
import { attributeNodes, type NodeAttribution } from './attribute-nodes.js';
import type { CaseProgress } from './progress.js';
import { resolveClusterLogTimes } from './settle-cluster-log-times.js';

/** Reading threads by default: one per core. */
export function defaultIngestJobs(): number {
  return Math.max(1, availableParallelism());
}

export interface IngestOptions {
  /** Read files again even when the same content is already stored. */
  force: boolean;
  jobs: number;
  /** `--cluster-log-time`: how to read cluster log timestamps. */
  clusterLogTime?: ClusterLogTimeOption;
  /** `--query`: keep only the events this QueryList selects. */
  eventFilter?: EventFilter;
  /** `--node-map FILE=NODE`: the node of files whose content does not name it. */
  nodeMap?: readonly NodeMapRule[];
}

/** What happened to one discovered file. */
export interface FileOutcome {
  path: string;
  kind: string;
  status: 'ingested' | 'already-ingested' | 'failed';
  totals?: SourceTotals;
  reason?: string;
}

export interface IngestReport {
  files: FileOutcome[];
  skipped: SkippedPath[];
  records: number;
  newEvents: number;
  duplicates: number;
  warnings: number;
  bytes: number;
  elapsedMs: number;
  /** Events left out by `--query`. */
  filteredEvents: number;
  /** How the time basis of each newly stored cluster log was settled. */
  clusterLogTimes: ClusterLogFileRow[];
  /** How the node of each file attributed in this run was decided. */
  nodes: NodeAttribution[];
}

/**
 * Discovers, reads and stores every input under `paths`, one transaction per file. A file
 * already stored (same sha256 and file name) is skipped unless `force`; a file that fails is reported and
 * the others go on. Skipped paths are recorded in `ingest_errors`.
 */
export async function ingestPaths(
  db: Store,
  paths: readonly string[],
  options: IngestOptions,
  console: CaseProgress,
): Promise<IngestReport> {
  const started = Date.now();
  const discovery = await discoverFiles(paths);
  const report: IngestReport = {
    files: [],
    skipped: discovery.skipped,
    records: 0,
    newEvents: 0,
    duplicates: 0,
    warnings: 0,
    bytes: 0,
    elapsedMs: 0,
    filteredEvents: 0,
    clusterLogTimes: [],
    nodes: [],
  };
  const filter = options.eventFilter;
  recordUnattachedErrors(
    db,
    discovery.skipped.map((skipped) => ({
      location: skipped.path,
      message: `skipped: ${skipped.reason}`,
    })),
  );
  const totalBytes = discovery.files.reduce((sum, f) => sum + f.file.size, 0);
  // Readers start what they need (EVTX worker threads) while the first files are hashed.
  const readOptions: ReadOptions = { jobs: options.jobs, clusterLogTime: options.clusterLogTime };
  prepareReaders(discovery.files, readOptions);
  let bytesBefore = 0;
  for (const { file, reader } of discovery.files) {
    const sha256 = await hashFile(file.path);
    // Decided again under the write lock: another process may store the file meanwhile.
    let existing = findStoredSource(db, sha256, file.displayPath);
    const writer =
      existing && !options.force
        ? null
        : SourceWriter.beginUnless(
            db,
            { path: file.displayPath, kind: reader.kind, sha256, bytes: file.size },
            () => {
              existing = findStoredSource(db, sha256, file.displayPath);
              return existing && !options.force ? null : existing?.id;
            },
            () =>
              console.info('the database is in use by another lmdoctor process; waiting for it…'),
          );
    if (writer === null) {
      // Counted, not listed: the closing line says how many (a re-run would list every file).
      report.files.push({ path: file.displayPath, kind: reader.kind, status: 'already-ingested' });
      bytesBefore += file.size;
      continue;
    }
    const sink: RecordSink = {
      event: (e) => {
        if (filter && !filter.matches(e)) report.filteredEvents++;
        else writer.eventRow(ingestRow(e));
      },
      // A filter needs LogEvents; without one, readers may hand over finished rows.
      eventRow: filter ? undefined : (row) => writer.eventRow(row),
      clusterLogLine: (l) => writer.clusterLogLine(l),
      configRow: (r) => writer.configRow(r),
      warning: (w) => writer.warning(w),
      progress: (done) => console.progress(file.displayPath, bytesBefore + done, totalBytes),
    };
    const notStored = (thrown: unknown) => {
      const error = writer.storeFailure ?? thrown;
      writer.rollback();
      report.files.push({
        path: file.displayPath,
        kind: reader.kind,
        status: 'failed',
        reason: errorMessage(error),
      });
      console.warn(`${file.displayPath}: not stored: ${errorMessage(error)}`);
      bytesBefore += file.size;
    };
    try {
      await reader.read(file, sink, readOptions);
    } catch (error) {
      // The store failed (full disk: SQLite may have rolled the file's transaction back).
      if (
        writer.storeFailure !== null ||
        isDiskFullError(error) ||
        isDatabaseAccessError(error) ||
        !db.inTransaction
      ) {
        notStored(error);
        continue;
      }
      // The file could not be read to the end: keep what was read and say where it stopped.
      sink.warning({ location: 'file', message: `reading stopped: ${errorMessage(error)}` });
      console.warn(`${file.displayPath}: reading stopped: ${errorMessage(error)}`);
    }
    let totals: SourceTotals;
    try {
      totals = writer.commit();
    } catch (error) {
      notStored(error);
      continue;
    }
    bytesBefore += file.size;
    report.files.push({ path: file.displayPath, kind: reader.kind, status: 'ingested', totals });
    report.records += totals.records;
    report.newEvents += totals.newEvents;
    report.duplicates += totals.duplicates;
    report.warnings += totals.warnings;
    report.bytes += file.size;
    if (totals.warnings > 0)
      console.warn(
        `${file.displayPath}: ${totals.warnings} problem(s) recorded (lmdoctor query ingest-errors)`,
      );
  }
  console.clearBar();
  await releaseReaders();
  // Under the write lock too, so two runs settle nodes and cluster log times one after the
  // other. Nodes first: a cluster log's time basis is inferred from the events of its node.
  report.clusterLogTimes = db
    .transaction(() => {
      report.nodes = attributeNodes(db, options.nodeMap ?? [], console);
      return resolveClusterLogTimes(db, options.clusterLogTime);
    })
    .immediate();
  report.elapsedMs = Date.now() - started;
  return report;
}

/** sha256 of a file's content, streamed. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The one closing line of an ingest: files, events, warnings, elapsed time, events per second. */
export function describeIngest(report: IngestReport): string {
  const read = report.files.filter((f) => f.status === 'ingested').length;
  const already = report.files.filter((f) => f.status === 'already-ingested').length;
  const failed = report.files.filter((f) => f.status === 'failed').length;
  const seconds = report.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(report.records / seconds) : report.records;
  const parts = [
    `${read} file${read === 1 ? '' : 's'} read`,
    failed > 0 ? `${failed} not stored` : '',
    already > 0 ? `${already} already in the database (--force reads them again)` : '',
    report.skipped.length > 0 ? `${report.skipped.length} skipped` : '',
    `${report.records} records (${report.newEvents} new events, ${report.duplicates} duplicates)`,
    report.filteredEvents > 0 ? `${report.filteredEvents} events left out by --query` : '',
    `${report.warnings} warning${report.warnings === 1 ? '' : 's'}`,
    `${seconds.toFixed(1)} s`,
    `${rate} records/s`,
  ];
  return `Ingested: ${parts.filter(Boolean).join(', ')}`;
}
