import { parseHeaderOffset, type HeaderTimeFacts } from './time-basis.js';

/**
 * The 2016+ header of a cluster log (cluster-log.md §3): `[=== Name ===]` sections, facts in
 * `[=== Cluster ===]`, and CSV tables (header line with 4+ fields, rows up to a blank line,
 * none after `[=== System ===]`).
 */

/** A CSV table of one header section, with de-duplicated column names. */
export interface HeaderTable {
  columns: string[];
  rows: string[][];
}

/** Sections whose tables become configuration rows. */
export const wantedTables = ['Nodes', 'Networks', 'Network Interfaces', 'Resources', 'Groups'];

const sectionPattern = /^\[=== (.+?) ===\]\s*$/;
const currentNodePattern = /^Current node:\s*name \((.+)\) id \((\d+)\)/i;
const buildPattern = /^Build Number (\d+)/i;
const maxRowsPerTable = 100_000;

/** `[=== Networks ===]` → `Networks`; null for any other line. Pure. */
export function sectionName(line: string): string | null {
  if (!line.startsWith('[===')) return null;
  return sectionPattern.exec(line)?.[1] ?? null;
}

/** Collects header facts and tables line by line; holds only the small header tables. */
export class ClusterLogHeader {
  section: string | null = null;
  currentNode: string | null = null;
  buildNumber: string | null = null;
  time: HeaderTimeFacts = { localTime: false, offsetMinutes: null };
  readonly tables = new Map<string, HeaderTable>();
  /** Rows left out of a table because it exceeded the row cap. */
  droppedRows = 0;
  private tablesEnded = false;
  private table: HeaderTable | null = null;
  private expectColumns = false;

  enterSection(name: string): void {
    this.section = name;
    this.table = null;
    if (name === 'System') this.tablesEnded = true;
    this.expectColumns = !this.tablesEnded && wantedTables.includes(name);
  }

  /** A line inside the current section that is not a log record. */
  addLine(text: string): void {
    if (this.section === 'Cluster') this.addClusterFact(text);
    if (this.expectColumns) {
      this.expectColumns = false;
      const columns = splitCsvLine(text);
      if (columns.length >= 4 && this.section !== null) {
        this.table = { columns: dedupeColumns(columns), rows: [] };
        this.tables.set(this.section, this.table);
      }
      return;
    }
    if (this.table === null) return;
    if (text.trim().length === 0) {
      this.table = null;
      return;
    }
    if (this.table.rows.length >= maxRowsPerTable) {
      this.droppedRows++;
      return;
    }
    this.table.rows.push(splitCsvLine(text));
  }

  private addClusterFact(text: string): void {
    const line = text.trim();
    const node = currentNodePattern.exec(line);
    if (node !== null) {
      this.currentNode = node[1] ?? null;
      return;
    }
    const build = buildPattern.exec(line);
    if (build !== null) {
      this.buildNumber = build[1] ?? null;
      return;
    }
    if (/^UTC = localtime \+ time zone offset/i.test(line)) {
      this.time.offsetMinutes = parseHeaderOffset(line);
      return;
    }
    if (/generated using local time/i.test(line)) this.time.localTime = true;
  }
}

/**
 * Splits one CSV line; double-quoted fields may hold commas and `""`. A trailing comma (as in
 * the real Network Interfaces header) does not make an extra field. Pure.
 */
export function splitCsvLine(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.length === 0) quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  if (field.length > 0 || !text.endsWith(',')) fields.push(field);
  return fields.map((f) => f.trim());
}

/**
 * Makes column names unique without regard to case, numbering repeats (`ignore`, `ignore2`):
 * real headers repeat `_embeddedFailureAction` and `Ignore`/`ignore`. Pure.
 */
export function dedupeColumns(columns: string[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((column) => {
    const key = column.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? column : `${column}${count}`;
  });
}
