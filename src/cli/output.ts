import { Option } from 'commander';
import type { QueryResult, SqlValue } from '../store/run-sql.js';
import { shortenMiddle, shortenPath, wrapText } from './fit-text.js';

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

/**
 * Renders rows in one of the row formats; ends with a newline unless empty JSON lines. `table`
 * says how a table fits its place (the others ignore it). Pure.
 */
export function formatRows(
  result: QueryResult,
  format: RowFormat,
  table: TableOptions = {},
): string {
  if (format === 'table') return formatTable(result, table);
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

/** How a table fits its place. */
export interface TableOptions {
  /**
   * Columns the table may take: when wider, its text columns are shortened (the widest first,
   * in the middle); Infinity shows every cell whole. Without it, cells are cut at 60 characters.
   */
  width?: number;
  /** Columns holding paths: shortened by their folders, the file name kept. */
  pathColumns?: readonly string[];
  /** Columns never shortened (times, ids). Numeric columns never are. */
  keepColumns?: readonly string[];
  /** Columns whose text is wrapped onto more lines rather than shortened; they narrow first. */
  wrapColumns?: readonly string[];
  /** Colours a cell's (already fitted) text; the layout pads around what it returns. */
  paint?: (column: string, text: string) => string;
}

/** Aligned columns for people; long values are shortened, control characters shown as spaces. */
export function formatTable({ columns, rows }: QueryResult, options: TableOptions = {}): string {
  if (columns.length === 0) return '';
  const table = new TableLayout(columns, options);
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
  private fitted: number[] | null = null;
  /** Per column, the longest file name (path columns only): a path is never cut below it. */
  private readonly names: number[];

  constructor(
    private readonly columns: readonly string[],
    private readonly options: TableOptions = {},
  ) {
    this.widths = columns.map((c) => c.length);
    this.numeric = columns.map(() => true);
    this.names = columns.map(() => 0);
  }

  /** Takes a row's cells into the column widths and kinds. */
  measure(row: Readonly<Record<string, SqlValue>>): void {
    this.rows++;
    this.columns.forEach((c, i) => {
      const value = row[c] ?? null;
      const text = this.flat(cellText(value));
      this.widths[i] = Math.max(this.widths[i]!, text.length);
      if (this.options.pathColumns?.includes(c))
        this.names[i] = Math.max(this.names[i]!, text.length - text.search(/[^/\\]*$/));
      if (typeof value !== 'number' && value !== null) this.numeric[i] = false;
    });
  }

  /** The column names and the rule under them. */
  header(): string[] {
    const widths = this.fit();
    return [
      this.join(this.columns.map((c, i) => shortenMiddle(c, widths[i]!))),
      this.join(widths.map((w) => '-'.repeat(w))),
    ];
  }

  /** One measured row as a line (lines, when a wrapped column needs more than one). */
  line(row: Readonly<Record<string, SqlValue>>): string {
    const widths = this.fit();
    const cells = this.columns.map((c, i) => {
      const text = this.flat(cellText(row[c] ?? null));
      if (this.options.wrapColumns?.includes(c)) return wrapText(text, widths[i]!);
      if (this.options.pathColumns?.includes(c)) return [shortenPath(text, widths[i]!)];
      return [shortenMiddle(text, widths[i]!)];
    });
    const height = Math.max(...cells.map((lines) => lines.length));
    const lines: string[] = [];
    for (let k = 0; k < height; k++)
      lines.push(
        this.join(
          cells.map((c) => c[k] ?? ''),
          true,
        ),
      );
    return lines.join('\n');
  }

  /**
   * Column widths within options.width: wrapped columns narrow first (to 20), then the widest
   * column that may be shortened gives way, down to its header (a path: its file name).
   */
  private fit(): number[] {
    if (this.fitted) return this.fitted;
    const widths = [...this.widths];
    const room = this.options.width ?? Infinity;
    const o = this.options;
    const least = this.columns.map((c, i) => {
      if ((this.rows > 0 && this.numeric[i]) || o.keepColumns?.includes(c)) return widths[i]!;
      const floor = o.pathColumns?.includes(c) ? Math.max(c.length, this.names[i]!) : c.length;
      return Math.min(widths[i]!, Math.max(floor, 6));
    });
    let excess = widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1) - room;
    // Wrapped columns lose nothing down to 20; the others give way next; then wrapped ones again.
    const isWrapped = this.columns.map((c) => o.wrapColumns?.includes(c) ?? false);
    const firstFloors = widths.map((w, i) =>
      isWrapped[i] ? Math.min(w, Math.max(least[i]!, 20)) : w,
    );
    excess = this.shrink(widths, firstFloors, excess);
    excess = this.shrink(
      widths,
      least.map((l, i) => (isWrapped[i] ? widths[i]! : l)),
      excess,
    );
    this.shrink(widths, least, excess);
    this.fitted = widths;
    return widths;
  }

  /** Narrows the widest column above its floor, step by step, until `excess` is gone. */
  private shrink(widths: number[], floors: readonly number[], excess: number): number {
    while (excess > 0) {
      let widest = -1;
      widths.forEach((w, i) => {
        if (w > floors[i]! && (widest < 0 || w > widths[widest]!)) widest = i;
      });
      if (widest < 0) break;
      const next = Math.max(
        floors[widest]!,
        ...widths.filter((w, i) => i !== widest && w < widths[widest]!),
      );
      const cut = Math.min(excess, widths[widest]! - next || 1);
      widths[widest] = widths[widest]! - cut;
      excess -= cut;
    }
    return excess;
  }

  private flat(text: string): string {
    // eslint-disable-next-line no-control-regex -- control characters would break the table layout
    const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
    return this.options.width === undefined ? shortenMiddle(flat, maxCellWidth) : flat;
  }

  private join(values: string[], painted = false): string {
    const widths = this.fit();
    const paint = this.options.paint;
    return values
      .map((v, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - v.length));
        const shown = paint && painted ? paint(this.columns[i]!, v) : v;
        return this.rows > 0 && this.numeric[i] ? `${pad}${shown}` : `${shown}${pad}`;
      })
      .join('  ')
      .trimEnd();
  }
}
