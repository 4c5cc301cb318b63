import { UsageError } from '../../errors.js';
import type { TimeBasis } from '../../model/cluster-log-line.js';
import type { TimestampFields } from './parse-log-line.js';

/**
 * What the person said about cluster-log times (`--cluster-log-time`): UTC, the node's local
 * time (offset from the 2016+ header or inferred from events), or local time at a fixed offset.
 */
export type ClusterLogTimeOption =
  { basis: 'utc' } | { basis: 'local' } | { basis: 'offset'; offsetMinutes: number };

/** How one file's timestamps are read. `offsetMinutes` is local minus UTC (ISO sign). */
export interface FileTimeBasis {
  basis: TimeBasis;
  /** null when the basis is local or unknown and the offset is not known (yet). */
  offsetMinutes: number | null;
}

/** What a 2016+ header says about time. */
export interface HeaderTimeFacts {
  /** true: "generated using local time"; false: the header names UTC/GMT or says nothing. */
  localTime: boolean;
  /** ISO-sign offset from the `UTC = localtime + time zone offset` line; null when absent. */
  offsetMinutes: number | null;
}

/**
 * Parses `utc`, `local` or an offset (`+02:00`, `-0530`, `+2`, `UTC-5`) for
 * `--cluster-log-time`. Pure; throws UsageError naming the accepted forms.
 */
export function parseClusterLogTimeOption(text: string): ClusterLogTimeOption {
  const value = text.trim().toLowerCase();
  if (value === 'utc' || value === 'gmt') return { basis: 'utc' };
  if (value === 'local') return { basis: 'local' };
  const m = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(value);
  if (m !== null) {
    const hours = Number(m[2]);
    const minutes = Number(m[3] ?? '0');
    if (hours <= 14 && minutes < 60) {
      const sign = m[1] === '-' ? -1 : 1;
      return { basis: 'offset', offsetMinutes: sign * (hours * 60 + minutes) };
    }
  }
  throw new UsageError(
    `--cluster-log-time: "${text}" is not utc, local or an offset`,
    'Use utc, local, or the offset of the nodes’ local time from UTC such as +02:00 or -05:00.',
  );
}

/**
 * Reads the header line `UTC = localtime + time zone offset;the time zone offset of this
 * machine is 420 minutes, or 7 hours` and returns the ISO-sign offset (here -420). Pure;
 * null when the line carries no number. Minutes win over hours when both are present.
 */
export function parseHeaderOffset(line: string): number | null {
  const minutes = /(-?\d+)\s*minutes?/i.exec(line);
  if (minutes !== null) return -Number(minutes[1]);
  const hours = /(-?\d+(?:\.\d+)?)\s*hours?/i.exec(line);
  if (hours !== null) return -Math.round(Number(hours[1]) * 60);
  return null;
}

/**
 * Decides how one file's times are read: the person's option first, then the 2016+ header,
 * else unknown (older files do not say; the ingest step infers it from events). Pure.
 */
export function decideTimeBasis(
  option: ClusterLogTimeOption | undefined,
  header: HeaderTimeFacts | null,
): FileTimeBasis {
  if (option?.basis === 'utc') return { basis: 'utc', offsetMinutes: 0 };
  if (option?.basis === 'offset') return { basis: 'local', offsetMinutes: option.offsetMinutes };
  if (option?.basis === 'local')
    return { basis: 'local', offsetMinutes: header?.offsetMinutes ?? null };
  if (header === null) return { basis: 'unknown', offsetMinutes: null };
  if (header.localTime) return { basis: 'local', offsetMinutes: header.offsetMinutes };
  return { basis: 'utc', offsetMinutes: 0 };
}

/**
 * Timestamp fields read at `offsetMinutes` (local minus UTC) → stored UTC time text with 7
 * fractional digits; `rawTime`, when given, is the same timestamp as written. Pure.
 */
export function resolveUtcTime(
  fields: TimestampFields,
  offsetMinutes: number,
  rawTime?: string,
): string {
  if (offsetMinutes === 0 && fields.second < 60) {
    // `YYYY/MM/DD-HH:MM:SS.mmm` already holds every digit, in order.
    if (rawTime?.length === 23) {
      return `${rawTime.slice(0, 4)}-${rawTime.slice(5, 7)}-${rawTime.slice(8, 10)}T${rawTime.slice(11)}0000Z`;
    }
    return (
      `${pad(fields.year, 4)}-${pad(fields.month, 2)}-${pad(fields.day, 2)}T` +
      `${pad(fields.hour, 2)}:${pad(fields.minute, 2)}:${pad(fields.second, 2)}.` +
      `${pad(fields.millisecond, 3)}0000Z`
    );
  }
  const millis =
    Date.UTC(
      fields.year,
      fields.month - 1,
      fields.day,
      fields.hour,
      fields.minute,
      fields.second,
      fields.millisecond,
    ) -
    offsetMinutes * 60_000;
  const date = new Date(millis);
  // Date.UTC maps years 0–99 to 1900–1999; cluster logs never carry such years.
  return `${date.toISOString().slice(0, 23)}0000Z`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
