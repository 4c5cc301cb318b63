import type Database from 'better-sqlite3';
import type { ClusterLogLine } from '../model/cluster-log-line.js';
import { configColumns } from '../model/config-columns.js';
import type { ConfigRow, ConfigTable } from '../model/config-row.js';
import type { Store } from './open-database.js';

type Statement = Database.Statement<unknown[]>;

// The columns that hold one value for a whole file come first: they are written as literals.
const lineColumns =
  'source_id, node, time_basis, time, raw_time, channel, pid, tid, level, component, message, line';
const lineParameters = '?, ?, ?, ?, ?, ?, ?, ?, ?';
const perLineValues = 9;
/** Cluster log records written per INSERT: one statement call per row costs more than the row. */
const rowsPerInsert = 64;

/**
 * Inserts cluster log records and configuration rows of one source (inside the caller's
 * transaction). Records are written in groups of 64 rows per statement; `flush` writes the
 * rest and must run before the transaction commits. Statements are prepared on first use.
 * Source, node and time basis, the same for every record of a file, are literals of the
 * statement rather than values bound for every row (binding is most of an insert's cost); a
 * record with another node or basis, or a node that is not plain text, gets statements of its own.
 */
export class ClusterLogInserter {
  private batchStatement: Statement | null = null;
  private singleStatement: Statement | null = null;
  private pending: unknown[] = [];
  /** Values of `pending` in use. */
  private filled = 0;
  /** Values bound before each record's own: empty when the constant columns are literals. */
  private constants: unknown[] = [];
  private constantsSql = '';
  private node: string | null | undefined = undefined;
  private basis: string | undefined = undefined;
  private readonly configStatements = new Map<ConfigTable, Statement>();

  constructor(
    private readonly db: Store,
    private readonly sourceId: number,
  ) {}

  line(line: ClusterLogLine): void {
    const node = line.node === '' ? null : line.node;
    if (node !== this.node || line.timeBasis !== this.basis)
      this.useConstants(node, line.timeBasis);
    // A fixed-size array filled by index: pushing would regrow it for every batch.
    const pending = this.pending;
    let n = this.filled;
    for (const value of this.constants) pending[n++] = value;
    pending[n++] = line.time;
    pending[n++] = line.rawTime;
    pending[n++] = line.channel;
    pending[n++] = line.pid;
    pending[n++] = line.tid;
    pending[n++] = line.level;
    pending[n++] = line.component;
    pending[n++] = line.message;
    pending[n++] = line.line;
    if (n === pending.length) {
      this.batchStatement ??= this.prepareInsert(rowsPerInsert);
      this.batchStatement.run(...pending);
      n = 0;
    }
    this.filled = n;
  }

  /** Writes the records still held back. */
  flush(): void {
    if (this.filled === 0) return;
    this.singleStatement ??= this.prepareInsert(1);
    const width = perLineValues + this.constants.length;
    for (let i = 0; i < this.filled; i += width) {
      this.singleStatement.run(...this.pending.slice(i, i + width));
    }
    this.filled = 0;
  }

  /** Writes what is held under the current constants and switches to statements for new ones. */
  private useConstants(node: string | null, basis: string): void {
    this.flush();
    this.node = node;
    this.basis = basis;
    this.batchStatement = null;
    this.singleStatement = null;
    const nodeSql = sqlTextLiteral(node);
    const basisSql = sqlTextLiteral(basis);
    if (nodeSql !== null && basisSql !== null) {
      this.constants = [];
      this.constantsSql = `${this.sourceId}, ${nodeSql}, ${basisSql}`;
    } else {
      this.constants = [this.sourceId, node, basis];
      this.constantsSql = '?, ?, ?';
    }
    // Array.from makes a packed array, which a spread call reads fastest.
    this.pending = Array.from(
      { length: rowsPerInsert * (perLineValues + this.constants.length) },
      () => null as unknown,
    );
  }

  private prepareInsert(rows: number): Statement {
    const row = `(${this.constantsSql}, ${lineParameters})`;
    return this.db.prepare(
      `INSERT INTO cluster_log (${lineColumns}) VALUES ${Array<string>(rows).fill(row).join(', ')}`,
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

/** Longer values are bound: a statement repeats the literal in each of its 64 rows. */
const maxLiteralLength = 256;

/**
 * A text value as an SQL literal (`'O''Brien'`, NULL for null), or null when the text holds a
 * NUL or a lone surrogate (written as a literal it would not store exactly what binding it
 * does) or is longer than `maxLiteralLength`.
 */
function sqlTextLiteral(value: string | null): string | null {
  if (value === null) return 'NULL';
  if (value.length > maxLiteralLength || /[\0\ud800-\udfff]/.test(value)) return null;
  return `'${value.replaceAll("'", "''")}'`;
}
