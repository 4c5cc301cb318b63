import type { Store } from '../store/open-database.js';
import { prepareReadOnlyQuery, type SqlParams, type SqlValue } from '../store/run-sql.js';
import { RowWriter, TableLayout, type RowFormat } from './output.js';

/** Characters of output gathered before each write. */
const chunkChars = 64 * 1024;

type Row = Record<string, SqlValue>;

/**
 * Runs a read-only query (see `prepareReadOnlyQuery`) and writes its rows in `format` to `out`
 * a chunk at a time as SQLite returns them, so memory stays flat whatever the size of the
 * result. A table is measured first, so its query runs twice. Returns the number of rows.
 */
export function writeQueryRows(
  db: Store,
  sql: string,
  params: SqlParams,
  format: RowFormat,
  out: (text: string) => void,
): number {
  const { statement, columns, bound } = prepareReadOnlyQuery(db, sql, params);
  const rows = () => statement.iterate(bound) as IterableIterator<Row>;
  let pending = '';
  const write = (text: string) => {
    pending += text;
    if (pending.length >= chunkChars) {
      out(pending);
      pending = '';
    }
  };
  let count = 0;
  if (format === 'table') {
    if (columns.length > 0) {
      const table = new TableLayout(columns);
      for (const row of rows()) table.measure(row);
      write(`${table.header().join('\n')}\n`);
      for (const row of rows()) {
        write(`${table.line(row)}\n`);
        count++;
      }
      write(`(${count} row${count === 1 ? '' : 's'})\n`);
    }
  } else {
    const writer = new RowWriter(format, columns, write);
    for (const row of rows()) {
      writer.row(row);
      count++;
    }
    writer.end();
  }
  if (pending !== '') out(pending);
  return count;
}
