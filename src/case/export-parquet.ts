import { join } from 'node:path';
import { EventMeanings } from '../export/event-role.js';
import { caseColumns, parquetColumn, type ParquetColumn } from '../export/parquet-columns.js';
import { casePartition, nodeDayPartition } from '../export/partition-path.js';
import type { CaseIdentity } from '../export/case-identity.js';
import { utcDay } from '../export/utc-micros.js';
import { ParquetDatasetWriter } from '../export/write/parquet-dataset.js';
import {
  columnsOf,
  iterateTableRows,
  type ExportColumn,
  type ExportTable,
} from '../store/export-tables.js';
import type { Store } from '../store/open-database.js';

/** Datasets a worker thread writes (export-worker.ts). */
export interface ParquetJob {
  dbPath: string;
  tables: string[];
  identity: CaseIdentity;
  root: string;
  createdBy: string;
}

export interface ParquetJobResult {
  datasets: DatasetExport[];
  bad: [string, number][];
}

/** What one dataset's export wrote. */
export interface DatasetExport {
  name: string;
  rows: number;
  files: number;
}

/** Columns the export adds to a dataset from the catalogue (events: role and category). */
interface Derived {
  columns: ParquetColumn[];
  values: (row: readonly unknown[]) => unknown[];
}

function derivedColumns(table: ExportTable, stored: readonly ExportColumn[]): Derived | null {
  if (table.name !== 'events') return null;
  const at = (name: string) => stored.findIndex((c) => c.name === name);
  const [provider, eventId, message, data] = ['provider', 'event_id', 'message', 'data'].map(at);
  const meanings = new EventMeanings();
  return {
    columns: [
      parquetColumn({ name: 'role', kind: 'text' }),
      parquetColumn({ name: 'category', kind: 'text' }),
    ],
    values: (row) => {
      const meaning = meanings.of(
        row[provider!] as string,
        row[eventId!] as number,
        row[message!] as string | null,
        row[data!] as string,
      );
      return [meaning.role, meaning.category];
    },
  };
}

const noop = () => undefined;

/** Day of a micros time, remembering the last day's bounds (rows come in runs of one day). */
function dayFinder(): (micros: number | null) => string | null {
  let start = 0;
  let end = -1;
  let day = '';
  return (micros) => {
    if (micros === null) return null;
    if (micros < start || micros >= end) {
      day = utcDay(micros);
      start = Date.parse(`${day}T00:00:00Z`) * 1000;
      end = start + 86_400_000_000;
    }
    return day;
  };
}

/**
 * Writes one dataset of the case under `root` (`root/<dataset>/case=<id>/…`). Rows stream
 * from the store into partitions; values that mean nothing in their column's type are written
 * as null and counted in `bad` by column.
 */
export function exportParquetDataset(
  db: Store,
  table: ExportTable,
  identity: CaseIdentity,
  root: string,
  createdBy: string,
  bad: Map<string, number>,
): DatasetExport {
  const stored = columnsOf(db, table);
  const derived = derivedColumns(table, stored);
  const storedColumns = stored.map(parquetColumn);
  const columns = [...caseColumns, ...storedColumns, ...(derived?.columns ?? [])];
  const dir = join(root, table.name, casePartition(identity.caseId));
  const writer = new ParquetDatasetWriter(dir, columns, createdBy);
  const nodeAt = stored.findIndex((c) => c.name === 'node');
  const timeAt = stored.findIndex((c) => c.name === 'time');
  const byNodeDay = table.partitioning === 'node-day' && nodeAt >= 0 && timeAt >= 0;
  const dayOf = dayFinder();
  const counters = storedColumns.map((c) => () => {
    const key = `${table.name}.${c.name}`;
    bad.set(key, (bad.get(key) ?? 0) + 1);
  });
  const offset = caseColumns.length;
  const extraAt = offset + storedColumns.length;
  const partitionPaths = new Map<string, string>();
  let done = 0;
  for (const row of iterateTableRows(db, table, stored)) {
    let path = '';
    if (byNodeDay) {
      const node = row[nodeAt] as string | null;
      const day = dayOf(storedColumns[timeAt]!.convert(row[timeAt] ?? null, noop) as number | null);
      const key = `${node ?? '\u0000'}|${day ?? ''}`;
      path = partitionPaths.get(key) ?? nodeDayPartition(node, day);
      partitionPaths.set(key, path);
    }
    const { buffers } = writer.buffersOf(path);
    buffers[0]!.push(identity.caseId);
    buffers[1]!.push(identity.cluster);
    let bytes = 16;
    for (let i = 0; i < storedColumns.length; i++) {
      const value = storedColumns[i]!.convert(row[i] ?? null, counters[i]!);
      buffers[offset + i]!.push(value);
      bytes += typeof value === 'string' ? value.length : 8;
    }
    if (derived) {
      const extra = derived.values(row);
      for (let i = 0; i < extra.length; i++) buffers[extraAt + i]!.push(extra[i]);
    }
    writer.added(writer.buffersOf(path), bytes);
    done++;
  }
  if (done === 0) writer.addEmpty(byNodeDay ? nodeDayPartition(null, null) : '');
  const result = writer.close();
  return { name: table.name, rows: result.rows, files: result.files.length };
}
