/**
 * Stored times as numbers for typed exports: microseconds since 1970 (UTC). Parquet, DuckDB,
 * Spark and Trino all hold timestamps to the microsecond, so the seventh fractional digit of
 * the stored text (100 ns) is dropped: truncated, never rounded into the next microsecond.
 */

/** Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil). Pure. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The number written by `count` digits at `at`, or -1 when one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/** `-` `-` `T` `:` `:` `.` `Z` where the stored layout has them. */
function hasStoredSeparators(text: string): boolean {
  return (
    text.charCodeAt(4) === 0x2d &&
    text.charCodeAt(7) === 0x2d &&
    text.charCodeAt(10) === 0x54 &&
    text.charCodeAt(13) === 0x3a &&
    text.charCodeAt(16) === 0x3a &&
    text.charCodeAt(19) === 0x2e &&
    text.charCodeAt(27) === 0x5a
  );
}

const storedLayout = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/;

/**
 * Stored time text (`2011-04-15T12:34:56.1234567Z`) → microseconds since 1970, UTC. Other
 * fraction lengths (none to nine digits) are read too. Pure; null for text that is not a
 * stored time or names no real instant (month 13, February 30).
 */
export function utcMicros(text: string): number | null {
  if (text.length !== 28 || !hasStoredSeparators(text)) return otherLayoutMicros(text);
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  const micros = digitsAt(text, 20, 6);
  if ((year | month | day | hour | minute | second | micros) < 0) return null;
  if (digitsAt(text, 26, 1) < 0) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  return seconds * 1_000_000 + micros;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function otherLayoutMicros(text: string): number | null {
  if (!storedLayout.test(text)) return null;
  const dot = text.indexOf('.');
  const base = dot < 0 ? text.slice(0, 19) : text.slice(0, dot);
  const fraction = dot < 0 ? '' : text.slice(dot + 1, -1);
  return utcMicros(`${base}.${fraction.padEnd(7, '0').slice(0, 7)}Z`);
}

/** Microseconds since 1970 → `YYYY-MM-DD` of the UTC day. Pure. */
export function utcDay(micros: number): string {
  return new Date(Math.floor(micros / 1000)).toISOString().slice(0, 10);
}

/** Microseconds since 1970 → ISO-8601 UTC text with six fractional digits. Pure. */
export function microsToIso(micros: number): string {
  const millis = Math.floor(micros / 1000);
  const extra = micros - millis * 1000;
  const iso = new Date(millis).toISOString();
  return `${iso.slice(0, 23)}${String(extra).padStart(3, '0')}Z`;
}
