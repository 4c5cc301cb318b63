import type Database from 'better-sqlite3';
import type { ClusterLogLine } from '../model/cluster-log-line.js';
import { configColumns } from '../model/config-columns.js';
import type { ConfigRow, ConfigTable } from '../model/config-row.js';
import type { Store } from './open-database.js';

type Statement = Database.Statement<unknown[]>;

const lineColumns =
  'source_id, node, time, raw_time, time_basis, channel, pid, tid, level, component, message, line';
const lineParameters = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
/** Cluster log records written per INSERT: one statement call per row costs more than the row. */
const rowsPerInsert = 64;

/**
 * Inserts cluster log records and configuration rows of one source (inside the caller's
 * transaction). Records are written in groups of 64 rows per statement; `flush` writes the
 * rest and must run before the transaction commits. Statements are prepared on first use.
 */
export class ClusterLogInserter {
  private batchStatement: Statement | null = null;
  private singleStatement: Statement | null = null;
  private pending: unknown[] = [];
  private readonly configStatements = new Map<ConfigTable, Statement>();

  constructor(
    private readonly db: Store,
    private readonly sourceId: number,
  ) {}

  line(line: ClusterLogLine): void {
    this.pending.push(
      this.sourceId,
      line.node === '' ? null : line.node,
      line.time,
      line.rawTime,
      line.timeBasis,
      line.channel,
      line.pid,
      line.tid,
      line.level,
      line.component,
      line.message,
      line.line,
    );
    if (this.pending.length === rowsPerInsert * 12) {
      this.batchStatement ??= this.db.prepare(
        `INSERT INTO cluster_log (${lineColumns}) VALUES ${Array<string>(rowsPerInsert).fill(lineParameters).join(', ')}`,
      );
      this.batchStatement.run(this.pending);
      this.pending = [];
    }
  }

  /** Writes the records still held back. */
  flush(): void {
    if (this.pending.length === 0) return;
    this.singleStatement ??= this.db.prepare(
      `INSERT INTO cluster_log (${lineColumns}) VALUES ${lineParameters}`,
    );
    for (let i = 0; i < this.pending.length; i += 12) {
      this.singleStatement.run(this.pending.slice(i, i + 12));
    }
    this.pending = [];
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
