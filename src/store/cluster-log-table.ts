import type Database from 'better-sqlite3';
import type { ClusterLogLine } from '../model/cluster-log-line.js';
import { configColumns } from '../model/config-columns.js';
import type { ConfigRow, ConfigTable } from '../model/config-row.js';
import type { Store } from './open-database.js';

type Statement = Database.Statement<unknown[]>;

/**
 * Inserts cluster log records and configuration rows of one source (inside the caller's
 * transaction). Statements are prepared on first use.
 */
export class ClusterLogInserter {
  private lineStatement: Statement | null = null;
  private readonly configStatements = new Map<ConfigTable, Statement>();

  constructor(
    private readonly db: Store,
    private readonly sourceId: number,
  ) {}

  line(line: ClusterLogLine): void {
    this.lineStatement ??= this.db.prepare(
      `INSERT INTO cluster_log (source_id, node, time, raw_time, time_basis, channel, pid, tid,
        level, component, message, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.lineStatement.run(
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
