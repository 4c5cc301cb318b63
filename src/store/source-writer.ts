import type { ClusterLogLine } from '../model/cluster-log-line.js';
import type { ConfigRow } from '../model/config-row.js';
import { eventRow, type EventRow } from '../model/event-row.js';
import type { LogEvent } from '../model/log-event.js';
import type { ReadWarning } from '../readers/reader.js';
import { ClusterLogInserter } from './cluster-log-table.js';
import type { Store } from './open-database.js';

/** What is known about a file before it is read. */
export interface SourceMeta {
  path: string;
  kind: string;
  sha256: string;
  bytes: number;
}

/** Counts for one stored file. */
export interface SourceTotals {
  sourceId: number;
  records: number;
  newEvents: number;
  duplicates: number;
  warnings: number;
  node: string | null;
}

/**
 * Writes one input file into the store inside a single transaction: everything the file holds
 * lands, or (when the process dies) nothing does and a rerun reads it again. Events already
 * stored from another file (same node, channel, record id and time) are counted, not repeated.
 * Implements the reader's RecordSink, minus progress.
 */
export class SourceWriter {
  private readonly insertEvent;
  private readonly insertError;
  private readonly nodeCounts = new Map<string, number>();
  private readonly clusterLog: ClusterLogInserter;
  private totals: SourceTotals;
  private open = true;
  /**
   * The first error of the store itself (full disk, read-only file) met while writing: SQLite
   * may have rolled the file's transaction back, so later errors would only be its echo.
   */
  storeFailure: Error | null = null;

  private constructor(
    private readonly db: Store,
    sourceId: number,
  ) {
    this.totals = { sourceId, records: 0, newEvents: 0, duplicates: 0, warnings: 0, node: null };
    this.insertEvent = db.prepare(
      `INSERT OR IGNORE INTO events (source_id, node, time, channel, provider, event_id, level, task,
        opcode, keywords, record_id, process_id, thread_id, activity_id, user_sid, data, message)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertError = db.prepare(
      'INSERT INTO ingest_errors (source_id, location, message) VALUES (?, ?, ?)',
    );
    this.clusterLog = new ClusterLogInserter(db, sourceId);
  }

  /**
   * Starts the transaction for one file (waiting for another writer if needed) and creates its
   * `sources` row; `replaceId` names an earlier copy of the same file to delete first (`--force`).
   */
  static begin(db: Store, meta: SourceMeta, replaceId?: number, onWait?: () => void): SourceWriter {
    return SourceWriter.beginUnless(db, meta, () => replaceId, onWait) as SourceWriter;
  }

  /**
   * As `begin`, but what to do is decided by `decide` once the write lock is held, so another
   * process storing the same file meanwhile is seen: it returns the id of an earlier copy to
   * replace, undefined to store the file, or null when the file is not to be stored (the
   * transaction is then ended and null returned).
   */
  static beginUnless(
    db: Store,
    meta: SourceMeta,
    decide: () => number | undefined | null,
    onWait?: () => void,
  ): SourceWriter | null {
    beginImmediate(db, onWait);
    try {
      const replaceId = decide();
      if (replaceId === null) {
        db.exec('ROLLBACK');
        return null;
      }
      if (replaceId !== undefined) db.prepare('DELETE FROM sources WHERE id = ?').run(replaceId);
      const result = db
        .prepare(
          'INSERT INTO sources (path, kind, sha256, bytes, ingested_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(meta.path, meta.kind, meta.sha256, meta.bytes, new Date().toISOString());
      return new SourceWriter(db, Number(result.lastInsertRowid));
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  event(event: LogEvent): void {
    this.eventRow(eventRow(event));
  }

  /** Stores an event given as its row (see model/event-row.ts). */
  eventRow(row: EventRow): void {
    const node = row.node;
    this.nodeCounts.set(node, (this.nodeCounts.get(node) ?? 0) + 1);
    let result;
    try {
      result = this.insertEvent.run(
        this.totals.sourceId,
        node,
        row.time,
        row.channel,
        row.provider,
        row.eventId,
        row.level,
        row.task,
        row.opcode,
        row.keywords,
        row.recordId,
        row.processId,
        row.threadId,
        row.activityId,
        row.userSid,
        row.data,
        row.message,
      );
    } catch (error) {
      throw this.failed(error);
    }
    this.totals.records++;
    if (result.changes > 0) this.totals.newEvents++;
    else this.totals.duplicates++;
  }

  /** Remembers the first failure of the store; returns `error` to throw. */
  private failed(error: unknown): unknown {
    if (this.storeFailure === null && error instanceof Error && !this.db.inTransaction)
      this.storeFailure = error;
    return error;
  }

  clusterLogLine(line: ClusterLogLine): void {
    try {
      this.clusterLog.line(line);
    } catch (error) {
      throw this.failed(error);
    }
    this.countNode(line.node === '' ? null : line.node);
    this.totals.records++;
  }

  configRow(row: ConfigRow): void {
    try {
      this.clusterLog.configRow(row);
    } catch (error) {
      throw this.failed(error);
    }
    // Only captures of one machine's own state say which node the file came from; node lists,
    // interfaces and resources name the nodes they are about.
    if (row.table === 'processors' || row.table === 'virtual_switches') this.countNode(row.node);
    this.totals.records++;
  }

  private countNode(node: string | null): void {
    if (node !== null) this.nodeCounts.set(node, (this.nodeCounts.get(node) ?? 0) + 1);
  }

  warning(warning: ReadWarning): void {
    try {
      this.insertError.run(this.totals.sourceId, warning.location, warning.message);
    } catch (error) {
      throw this.failed(error);
    }
    this.totals.warnings++;
  }

  /**
   * Completes the file: records its counts and the node its content names (the most frequent;
   * null when it names none — ingest then decides it, see readers/attribute-node.ts), commits.
   */
  commit(): SourceTotals {
    this.clusterLog.flush();
    this.totals.node = mostFrequent(this.nodeCounts);
    this.db
      .prepare('UPDATE sources SET records = ?, warnings = ?, node = ? WHERE id = ?')
      .run(this.totals.records, this.totals.warnings, this.totals.node, this.totals.sourceId);
    this.db.exec('COMMIT');
    this.open = false;
    return this.totals;
  }

  /** Abandons the file: nothing of it stays in the store. */
  rollback(): void {
    if (this.open && this.db.inTransaction) this.db.exec('ROLLBACK');
    this.open = false;
  }
}

function mostFrequent(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Takes the write lock. When another process holds it, calls `onWait` once (so the person
 * knows why nothing moves) and then waits as long as the connection's busy timeout allows.
 */
function beginImmediate(db: Store, onWait?: () => void): void {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.exec('BEGIN IMMEDIATE');
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    onWait?.();
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
  db.exec('BEGIN IMMEDIATE');
}
