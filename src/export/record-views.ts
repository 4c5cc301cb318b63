import { microsToIso, utcMicros } from './utc-micros.js';

/** A stored row by column name, as the export reads it (see store/export-tables.ts). */
export type StoredRow = Record<string, unknown>;

export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
export const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** Windows event levels by number (0, LogAlways, reads as information). */
const eventLevels = ['information', 'critical', 'error', 'warning', 'information', 'verbose'];

/** An event's level as a word, or null. Pure. */
export function eventLevel(level: unknown): string | null {
  return typeof level === 'number' ? (eventLevels[level] ?? null) : null;
}

/** A cluster log level (`INFO`, `WARN`, `ERR`, `DBG`, `CRIT`) as a word, or null. Pure. */
export function clusterLogLevel(level: unknown): string | null {
  if (typeof level !== 'string' || level === '') return null;
  const words: Record<string, string> = {
    INFO: 'information',
    WARN: 'warning',
    ERR: 'error',
    DBG: 'debug',
    CRIT: 'critical',
  };
  return words[level.toUpperCase()] ?? level.toLowerCase();
}

/** A UTC time of a stored row as microseconds: stored text or milliseconds. Pure. */
export function rowMicros(value: unknown): number | null {
  if (typeof value === 'string') return utcMicros(value);
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 1000);
  return null;
}

/** The time a record of a dataset is placed at on a timeline, as ISO text, or null. Pure. */
export function recordTime(dataset: string, row: StoredRow): number | null {
  if (dataset === 'migrations')
    return rowMicros(row.started_at ?? row.requested_at ?? row.ended_at ?? null);
  return rowMicros(row.time ?? null);
}

/**
 * Where a record goes on a timeline: its own time (`own`, null when it has none) and the time
 * it is placed at — a cluster-wide finding without timed evidence at the start of the case.
 * Null when the record cannot be placed (a cluster log line whose time basis is unknown). Pure.
 */
export function placedTime(
  dataset: string,
  row: StoredRow,
  caseStart: number | null,
): { own: number | null; micros: number } | null {
  const own = recordTime(dataset, row);
  const micros = own ?? (dataset === 'findings' ? caseStart : null);
  return micros === null ? null : { own, micros };
}

export { microsToIso };

/** The stored JSON text of a column as a value (null when absent or not JSON). Pure. */
export function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** One line about a migration, for the message of its record. Pure. */
export function migrationMessage(row: StoredRow): string {
  const route = `${str(row.source_node) ?? '?'} → ${str(row.destination_node) ?? '?'}`;
  const error = str(row.error_code) === null ? '' : ` (${str(row.error_code)})`;
  return `${str(row.kind) ?? ''} migration of ${str(row.vm) ?? '?'} ${route}: ${str(row.outcome) ?? 'unknown'}${error}`;
}
