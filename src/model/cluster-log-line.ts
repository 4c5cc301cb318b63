/** How a cluster log's timestamps are to be read. */
export type TimeBasis = 'utc' | 'local' | 'unknown';

/**
 * ClusterLogLine: one record of a `Get-ClusterLog` / `cluster log /g` text file, a row of
 * `cluster_log`. Continuation lines are joined into `message` of the record they follow.
 */
export interface ClusterLogLine {
  /**
   * Resolved UTC stored time text (model/time.ts): `rawTime` read at `offsetMinutes`; null when
   * the basis cannot be resolved (yet). The store keeps `rawTime` and the offset, and gives this
   * text back from them.
   */
  time: string | null;
  /** The timestamp exactly as written in the file. */
  rawTime: string;
  timeBasis: TimeBasis;
  /**
   * Offset (local minus UTC, minutes) `time` was resolved at, the same for a whole file; null
   * exactly when `time` is.
   */
  offsetMinutes: number | null;
  node: string;
  /** 2016+ channel prefix (`[Verbose] `, `[Operational] `) without brackets; null when absent. */
  channel: string | null;
  pid: number | null;
  tid: number | null;
  level: string | null;
  component: string | null;
  message: string;
  /** 1-based line number in the file where the record starts. */
  line: number;
}

/**
 * A written cluster log timestamp (`YYYY/MM/DD-HH:MM:SS.mmm`) read as if it were UTC:
 * milliseconds since 1970, the calendar overflowing as Date.UTC does (second 60 is the next
 * minute, February 29 of a common year is March 1) but years 0–99 taken as written; NaN when
 * the text is not laid out so. Pure.
 */
export function writtenTimeMs(rawTime: string): number {
  if (rawTime.length !== 23) return NaN;
  const year = digitsAt(rawTime, 0, 4);
  const month = digitsAt(rawTime, 5, 2);
  const day = digitsAt(rawTime, 8, 2);
  const time =
    digitsAt(rawTime, 11, 2) * 3_600_000 +
    digitsAt(rawTime, 14, 2) * 60_000 +
    digitsAt(rawTime, 17, 2) * 1000 +
    digitsAt(rawTime, 20, 3);
  if (month < 1 || month > 12 || day < 1) return NaN;
  return daysFromCivil(year, month, day) * 86_400_000 + time;
}

/**
 * True when `rawTime` is a written timestamp that `writtenTimeMs` reads exactly, so that
 * formatting the milliseconds gives the text back: laid out as `YYYY/MM/DD-HH:MM:SS.mmm`, and
 * no field beyond its calendar (second 60, February 29 of a common year, hour 24…). Pure.
 */
export function writtenTimeRoundTrips(rawTime: string): boolean {
  if (
    rawTime.length !== 23 ||
    rawTime.charCodeAt(4) !== 0x2f ||
    rawTime.charCodeAt(7) !== 0x2f ||
    rawTime.charCodeAt(10) !== 0x2d ||
    rawTime.charCodeAt(13) !== 0x3a ||
    rawTime.charCodeAt(16) !== 0x3a ||
    rawTime.charCodeAt(19) !== 0x2e
  )
    return false;
  const day = digitsAt(rawTime, 8, 2);
  const month = digitsAt(rawTime, 5, 2);
  if (!(day >= 1 && month >= 1 && month <= 12)) return false;
  if (day > 28) {
    const year = digitsAt(rawTime, 0, 4);
    if (!(day <= daysFromCivil(year, month + 1, 1) - daysFromCivil(year, month, 1))) return false;
  }
  return (
    digitsAt(rawTime, 11, 2) < 24 &&
    digitsAt(rawTime, 14, 2) < 60 &&
    digitsAt(rawTime, 17, 2) < 60 &&
    digitsAt(rawTime, 20, 3) >= 0 &&
    digitsAt(rawTime, 0, 4) >= 0
  );
}

/** Days from 1970-01-01 to a proleptic Gregorian date (month 1–12). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The decimal number of `width` digits at `at`; NaN when one of them is not a digit. */
function digitsAt(text: string, at: number, width: number): number {
  let value = 0;
  for (let i = at; i < at + width; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}
