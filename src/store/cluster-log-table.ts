import type Database from 'better-sqlite3';
import { writtenTimeMs, type ClusterLogLine } from '../model/cluster-log-line.js';
import { configColumns } from '../model/config-columns.js';
import type { ConfigRow, ConfigTable } from '../model/config-row.js';
import type { Store } from './open-database.js';
import { WrittenTimeReader } from './written-time-reader.js';

type Statement = Database.Statement<unknown[]>;

const lineColumns = 'time, tag, pid, tid, message, line';
const lineParameters = '?, ?, ?, ?, ?, ?';

/** Values bound per record: time, tag, pid, tid, message, line. */
const perLineValues = 6;
/** Cluster log records written per INSERT: one statement call per row costs more than the row. */
const rowsPerInsert = 64;

/**
 * Inserts cluster log records and configuration rows of one source (inside the caller's
 * transaction). Records go to `cluster_log_lines` (schema step 006) in groups of 64 rows per
 * statement, with the source id a literal of the statement and channel, level and component
 * as the id of their triple in `cluster_log_tags`; node, time basis and offset, the same for a
 * whole file, go once to `cluster_log_sources`. `flush` writes the rest and the
 * file's id range, and must run before the transaction commits. Statements are prepared on
 * first use.
 */
export class ClusterLogInserter {
  private batchStatement: Statement | null = null;
  private singleStatement: Statement | null = null;
  private rawStatement: Statement | null = null;
  private readonly pending: unknown[] = Array.from(
    { length: rowsPerInsert * perLineValues },
    () => null as unknown,
  );
  /** Values of `pending` in use. */
  private filled = 0;
  /** The file's constants, from its first record; null before it. */
  private file: { node: string | null; basis: string; offset: number | null } | null = null;
  private firstId: number | null = null;
  private lastId: number | null = null;
  private readonly configStatements = new Map<ConfigTable, Statement>();
  private readonly writtenTimes = new WrittenTimeReader();
  /** Tag ids by component, level and channel. */
  private readonly tagIds = new Map<
    string | null,
    Map<string | null, Map<string | null, number>>
  >();

  constructor(
    private readonly db: Store,
    private readonly sourceId: number,
  ) {}

  line(line: ClusterLogLine): void {
    const file = this.file ?? this.startFile(line);
    if (
      line.offsetMinutes !== file.offset ||
      line.timeBasis !== file.basis ||
      (line.node === '' ? null : line.node) !== file.node
    ) {
      throw new Error(
        `cluster log records of one file differ in node, time basis or offset (line ${line.line})`,
      );
    }
    const written = this.writtenTimes.exactMs(line.rawTime);
    if (Number.isNaN(written)) {
      this.insertWithRawTime(line, file.offset);
      return;
    }
    const time = written - (file.offset ?? 0) * 60_000;
    // A fixed-size array filled by index: pushing would regrow it for every batch.
    const pending = this.pending;
    let n = this.filled;
    pending[n++] = time;
    pending[n++] = this.tagOf(line);
    pending[n++] = line.pid;
    pending[n++] = line.tid;
    pending[n++] = line.message;
    pending[n++] = line.line;
    if (n === pending.length) {
      this.batchStatement ??= this.prepareInsert(rowsPerInsert);
      this.wrote(this.batchStatement.run(...pending), rowsPerInsert);
      n = 0;
    }
    this.filled = n;
  }

  /** The id of the line's channel, level and component in `cluster_log_tags`. */
  private tagOf(line: ClusterLogLine): number {
    let byLevel = this.tagIds.get(line.component);
    if (byLevel === undefined) this.tagIds.set(line.component, (byLevel = new Map()));
    let byChannel = byLevel.get(line.level);
    if (byChannel === undefined) byLevel.set(line.level, (byChannel = new Map()));
    let id = byChannel.get(line.channel);
    if (id === undefined) {
      id = this.storeTag(line.channel, line.level, line.component);
      byChannel.set(line.channel, id);
    }
    return id;
  }

  private storeTag(channel: string | null, level: string | null, component: string | null) {
    const known = this.db
      .prepare(
        `SELECT id FROM cluster_log_tags
         WHERE component IS ? AND level IS ? AND channel IS ? ORDER BY id LIMIT 1`,
      )
      .pluck()
      .get(component, level, channel) as number | undefined;
    if (known !== undefined) return known;
    const result = this.db
      .prepare('INSERT INTO cluster_log_tags (channel, level, component) VALUES (?, ?, ?)')
      .run(channel, level, component);
    return Number(result.lastInsertRowid);
  }

  /** Writes the records still held back, and the file's id range. */
  flush(): void {
    this.flushLines();
    if (this.file !== null) {
      this.db
        .prepare('UPDATE cluster_log_sources SET first_id = ?, last_id = ? WHERE source_id = ?')
        .run(this.firstId, this.lastId, this.sourceId);
    }
  }

  private flushLines(): void {
    if (this.filled === 0) return;
    this.singleStatement ??= this.prepareInsert(1);
    for (let i = 0; i < this.filled; i += perLineValues) {
      this.wrote(this.singleStatement.run(...this.pending.slice(i, i + perLineValues)), 1);
    }
    this.filled = 0;
  }

  /** A record whose written time the stored time cannot give back keeps its text. */
  private insertWithRawTime(line: ClusterLogLine, offset: number | null): void {
    this.flushLines();
    const written = writtenTimeMs(line.rawTime);
    const time = Number.isNaN(written) ? null : written - (offset ?? 0) * 60_000;
    this.rawStatement ??= this.db.prepare(
      `INSERT INTO cluster_log_lines (source_id, ${lineColumns}, raw_time)
       VALUES (${this.sourceId}, ${lineParameters}, ?)`,
    );
    const { pid, tid, message, rawTime } = line;
    const values = [time, this.tagOf(line), pid, tid, message, line.line, rawTime];
    this.wrote(this.rawStatement.run(...values), 1);
  }

  private startFile(line: ClusterLogLine): NonNullable<ClusterLogInserter['file']> {
    const file = {
      node: line.node === '' ? null : line.node,
      basis: line.timeBasis,
      offset: line.offsetMinutes,
    };
    this.db
      .prepare(
        `INSERT INTO cluster_log_sources (source_id, node, time_basis, offset_minutes)
         VALUES (?, ?, ?, ?)`,
      )
      .run(this.sourceId, file.node, file.basis, file.offset);
    this.file = file;
    return file;
  }

  /** Notes the ids a statement of `rows` rows gave (one statement's rows get consecutive ids). */
  private wrote(result: Database.RunResult, rows: number): void {
    const last = Number(result.lastInsertRowid);
    this.firstId ??= last - rows + 1;
    this.lastId = last;
  }

  private prepareInsert(rows: number): Statement {
    const row = `(${this.sourceId}, ${lineParameters})`;
    return this.db.prepare(
      `INSERT INTO cluster_log_lines (source_id, ${lineColumns})
       VALUES ${Array<string>(rows).fill(row).join(', ')}`,
    );
  }

  configRow(row: ConfigRow): void {
    const columns = Object.keys(configColumns[row.table]);
    let statement = this.configStatements.get(row.table);
    if (statement === undefined) {
      statement = this.db.prepare(
        `INSERT INTO ${row.table} (source_id, node, ${columns.join(', ')})
         VALUES (?, ?, ${columns.map(() => '?').join(', ')})`,
      );
      this.configStatements.set(row.table, statement);
    }
    statement.run(this.sourceId, row.node, ...columns.map((c) => row.values[c] ?? null));
  }
}
