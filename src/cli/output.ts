import { Option } from 'commander';
import type { QueryResult, SqlValue } from '../store/run-sql.js';

export const rowFormats = ['table', 'json', 'ndjson', 'csv'] as const;
export type RowFormat = (typeof rowFormats)[number];

/** The one `--format` option of every command that prints rows. */
export function rowFormatOption(): Option {
  return new Option(
    '--format <format>',
    'output format (default: table on a terminal, json otherwise)',
  ).choices(rowFormats);
}

/** The format to use: the one asked for, else table on a terminal and json in a pipe. */
export function resolveRowFormat(asked: RowFormat | undefined, isTerminal: boolean): RowFormat {
  return asked ?? (isTerminal ? 'table' : 'json');
}

/** Renders rows in one of the row formats; ends with a newline unless empty JSON lines. Pure. */
export function formatRows(result: QueryResult, format: RowFormat): string {
  if (format === 'table') return formatTable(result);
  const pieces: string[] = [];
  const writer = new RowWriter(format, result.columns, (text) => pieces.push(text));
  for (const row of result.rows) writer.row(row);
  writer.end();
  return pieces.join('');
}

/**
 * Writes rows in a row format other than table one at a time, so a result of any size is
 * never held whole; the text is the same as `formatRows`'s.
 */
export class RowWriter {
  private rows = 0;

  constructor(
    private readonly format: Exclude<RowFormat, 'table'>,
    private readonly columns: readonly string[],
    private readonly write: (text: string) => void,
  ) {
    if (format === 'csv') write(`${columns.map(csvCell).join(',')}\r\n`);
  }

  row(row: Readonly<Record<string, SqlValue>>): void {
    const first = this.rows++ === 0;
    switch (this.format) {
      case 'json': {
        const text = JSON.stringify(plainRow(row), null, 2).replace(/\n/g, '\n  ');
        this.write(`${first ? '[\n  ' : ',\n  '}${text}`);
        break;
      }
      case 'ndjson':
        this.write(`${JSON.stringify(plainRow(row))}\n`);
        break;
      case 'csv':
        this.write(`${this.columns.map((c) => csvCell(row[c] ?? null)).join(',')}\r\n`);
        break;
    }
  }

  end(): void {
    if (this.format === 'json') this.write(this.rows === 0 ? '[]\n' : '\n]\n');
  }
}

function plainRow(row: Record<string, SqlValue>): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(row)) out[key] = plainValue(value);
  return out;
}

function plainValue(value: SqlValue): string | number | null {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint')
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  return value.toString('hex').toUpperCase();
}

function cellText(value: SqlValue): string {
  const plain = plainValue(value);
  return plain === null ? '' : String(plain);
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One CSV cell: RFC 4180 quoting, empty for null. A text cell that a spreadsheet would run as
 * a formula (starting with =, +, -, @, tab or carriage return: log text can be written by
 * anyone) gets a leading apostrophe and quotes, as OWASP recommends; numbers stay numbers.
 */
function csvCell(value: SqlValue | string): string {
  const text = cellText(value);
  if (typeof value === 'string' && formulaStart.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const maxCellWidth = 60;

/** Aligned columns for people; long values are cut with an ellipsis, control characters shown as spaces. */
export function formatTable({ columns, rows }: QueryResult): string {
  if (columns.length === 0) return '';
  const table = new TableLayout(columns);
  for (const row of rows) table.measure(row);
  const out = [...table.header(), ...rows.map((row) => table.line(row))];
  out.push(`(${rows.length} row${rows.length === 1 ? '' : 's'})`);
  return `${out.join('\n')}\n`;
}

/**
 * The layout of formatTable for rows that can be read twice, a batch at a time: every row is
 * measured first, then the lines are made, so the rows need not all be held.
 */
export class TableLayout {
  private readonly widths: number[];
  private readonly numeric: boolean[];
  private rows = 0;

  constructor(private readonly columns: readonly string[]) {
    this.widths = columns.map((c) => c.length);
    this.numeric = columns.map(() => true);
  }

  /** Takes a row's cells into the column widths and kinds. */
  measure(row: Readonly<Record<string, SqlValue>>): void {
    this.rows++;
    this.columns.forEach((c, i) => {
      const value = row[c] ?? null;
      this.widths[i] = Math.max(this.widths[i]!, fitCell(cellText(value)).length);
      if (typeof value !== 'number' && value !== null) this.numeric[i] = false;
    });
  }

  /** The column names and the rule under them. */
  header(): string[] {
    return [this.join([...this.columns]), this.join(this.widths.map((w) => '-'.repeat(w)))];
  }

  /** One measured row as a line. */
  line(row: Readonly<Record<string, SqlValue>>): string {
    return this.join(this.columns.map((c) => fitCell(cellText(row[c] ?? null))));
  }

  private join(values: string[]): string {
    return values
      .map((v, i) =>
        this.rows > 0 && this.numeric[i]
          ? v.padStart(this.widths[i] ?? 0)
          : v.padEnd(this.widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  }
}

function fitCell(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters would break the table layout
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return flat.length > maxCellWidth ? `${flat.slice(0, maxCellWidth - 1)}…` : flat;
}
