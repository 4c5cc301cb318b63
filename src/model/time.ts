/**
 * Time conventions. Every stored time is UTC ISO-8601 text with exactly 7 fractional digits
 * and a trailing `Z` (`2011-04-15T12:34:56.1234567Z`): it sorts as text and keeps the full
 * 100 ns precision of a Windows FILETIME. Conversion to local time happens only at output.
 */

/** 100 ns intervals between 1601-01-01 and 1970-01-01. */
const filetimeUnixEpochOffset = 116444736000000000n;
const ticksPerSecond = 10_000_000n;

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(Z|[+-]\d{2}:?\d{2})?$/;

/** FILETIME (100 ns ticks since 1601, UTC) → stored time text. Pure; exact (bigint arithmetic). */
export function filetimeToIso(ticks: bigint): string {
  const sinceUnix = ticks - filetimeUnixEpochOffset;
  let seconds = sinceUnix / ticksPerSecond;
  let fraction = sinceUnix % ticksPerSecond;
  if (fraction < 0n) {
    fraction += ticksPerSecond;
    seconds -= 1n;
  }
  const date = new Date(Number(seconds) * 1000);
  if (Number.isNaN(date.getTime())) return '';
  return `${isoSeconds(date)}.${fraction.toString().padStart(7, '0')}Z`;
}

/** Stored time text → FILETIME ticks. Pure; returns null for text that is not a stored time. */
export function isoToFiletime(iso: string): bigint | null {
  const normalized = normalizeIsoTime(iso);
  if (normalized === null) return null;
  const millis = Date.parse(`${normalized.slice(0, 19)}Z`);
  if (Number.isNaN(millis)) return null;
  const fraction = BigInt(normalized.slice(20, 27));
  return BigInt(millis / 1000) * ticksPerSecond + fraction + filetimeUnixEpochOffset;
}

/**
 * Any ISO-8601 date-time (Windows writes 7 or 9 fractional digits, PowerShell 7, some tools 3
 * or none; a zone offset may follow) → stored time text, converted to UTC. Pure; returns null
 * when the text is not a date-time.
 */
export function normalizeIsoTime(text: string): string | null {
  const match = isoPattern.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, frac = '', zone = 'Z'] = match;
  const fraction = frac.padEnd(7, '0').slice(0, 7);
  if (zone === 'Z' || /^[+-]00:?00$/.test(zone)) {
    const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
    if (Number.isNaN(date.getTime())) return null;
    return `${y}-${mo}-${d}T${h}:${mi}:${s}.${fraction}Z`;
  }
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.replace(/[+:-]/g, '');
  const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  const local = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  if (Number.isNaN(local)) return null;
  return `${isoSeconds(new Date(local - offsetMinutes * 60_000))}.${fraction}Z`;
}

/** `YYYY-MM-DDTHH:MM:SS` of a Date in UTC. */
function isoSeconds(date: Date): string {
  return date.toISOString().slice(0, 19);
}

let cachedHour = '';
let cachedHourMillis = 0;

/**
 * Stored time text → milliseconds since 1970 (fraction kept below the millisecond). Pure;
 * NaN for text that is not a stored time. Hot in replay, so the hour is parsed once and cached.
 */
export function isoToMillis(iso: string): number {
  const hour = iso.slice(0, 13);
  if (hour !== cachedHour) {
    cachedHourMillis = Date.parse(`${hour}:00:00Z`);
    cachedHour = hour;
  }
  const minutes = digits(iso, 14, 2);
  const secs = digits(iso, 17, 2);
  const fraction = iso.charCodeAt(19) === 0x2e ? digits(iso, 20, 7) / 10_000 : 0;
  return cachedHourMillis + minutes * 60_000 + secs * 1000 + fraction;
}

/** The number written by `count` decimal digits at `at`; NaN when one is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (!(code >= 0 && code <= 9))
      return count === 7 && i > at ? value * 10 ** (at + count - i) : NaN;
    value = value * 10 + code;
  }
  return value;
}

/** Milliseconds since 1970 → stored time text (7 fractional digits). Pure. */
export function millisToIso(millis: number): string {
  const whole = Math.floor(millis / 1000);
  const ticks = Math.round((millis - whole * 1000) * 10_000);
  const carry = ticks >= 10_000_000 ? 1 : 0;
  const date = new Date((whole + carry) * 1000);
  return `${date.toISOString().slice(0, 19)}.${String(ticks - carry * 10_000_000).padStart(7, '0')}Z`;
}

/**
 * Stored time text moved back by a clock offset (ms the logging node's clock ran ahead):
 * the time on the case's one clock, to the tick. Pure; text that is not a stored time is
 * returned as it is.
 */
export function correctIsoTime(iso: string, offsetMs: number): string {
  if (offsetMs === 0) return iso;
  const ticks = isoToFiletime(iso);
  return ticks === null ? iso : filetimeToIso(ticks - BigInt(Math.round(offsetMs * 10_000)));
}
