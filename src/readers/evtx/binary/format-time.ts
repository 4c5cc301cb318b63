/** FILETIME and SYSTEMTIME → text, exactly and without Date objects (hot path). */

const pad2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/** Seconds between 1601-01-01 and 1970-01-01. */
const unixEpochInFiletimeSeconds = 11644473600;

/**
 * Whole seconds since 1970 (any sign, any size) → year, month, day, hour, minute, second in
 * `into` (proleptic Gregorian, after H. Hinnant's days_from_civil inverse). Pure but for `into`.
 */
export function civilFields(unixSeconds: number, into: number[]): void {
  const days = Math.floor(unixSeconds / 86400);
  const secondOfDay = unixSeconds - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor((secondOfDay - hour * 3600) / 60);
  into[0] = yoe + era * 400 + (month <= 2 ? 1 : 0);
  into[1] = month;
  into[2] = doy - Math.floor((153 * mp + 2) / 5) + 1;
  into[3] = hour;
  into[4] = minute;
  into[5] = secondOfDay - hour * 3600 - minute * 60;
}

const fields = [0, 0, 0, 0, 0, 0];
/** The `YYYY-MM-DDT` of the day last formatted: records of a log mostly share their day. */
let cachedDay = NaN;
let cachedDayText = '';

/** `YYYY-MM-DDThh:mm:ss` for whole seconds since 1970 (any sign, any size). Pure. */
function civilText(unixSeconds: number): string {
  const day = Math.floor(unixSeconds / 86400);
  const secondOfDay = unixSeconds - day * 86400;
  if (day !== cachedDay) {
    civilFields(unixSeconds, fields);
    const [year, month, dayOfMonth] = fields as [number, number, number];
    const yearText = year >= 0 && year < 10000 ? String(year).padStart(4, '0') : String(year);
    cachedDayText = `${yearText}-${pad2[month]}-${pad2[dayOfMonth]}T`;
    cachedDay = day;
  }
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor((secondOfDay - hour * 3600) / 60);
  const second = secondOfDay - hour * 3600 - minute * 60;
  return `${cachedDayText}${pad2[hour]}:${pad2[minute]}:${pad2[second]}`;
}

/**
 * FILETIME given as two u32 halves → seconds since 1970 and the 100 ns ticks within the second,
 * in `into[0]`, `into[1]`. Exact for every 64-bit value: the split uses 2^32 = 429·10^7 +
 * 4967296 so no step exceeds 2^53. Pure but for `into`.
 */
export function filetimeParts(low: number, high: number, into: number[]): void {
  const a = Math.floor(high / 1e7);
  const b = high - a * 1e7;
  const r = b * 4967296 + low;
  into[0] = high * 429 + a * 4967296 + Math.floor(r / 1e7) - unixEpochInFiletimeSeconds;
  into[1] = r % 1e7;
}

const parts = [0, 0];

/** FILETIME given as two u32 halves → `YYYY-MM-DDThh:mm:ss.fffffffZ` (7 digits, UTC). Pure. */
export function formatFiletime(low: number, high: number): string {
  filetimeParts(low, high, parts);
  const ticks = parts[1] as number;
  const fraction = ticks < 1000000 ? String(ticks).padStart(7, '0') : String(ticks);
  return `${civilText(parts[0] as number)}.${fraction}Z`;
}

/**
 * SYSTEMTIME fields → `YYYY-MM-DDThh:mm:ss.mmmZ` (libevtx's form). All zeros → 1601-01-01. Out
 * of range fields are printed as they are rather than rejected. Pure.
 */
export function formatSystemtime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
): string {
  if (year === 0 && month === 0 && day === 0) return '1601-01-01T00:00:00.000Z';
  const p2 = (n: number) => pad2[n] ?? String(n);
  return `${String(year).padStart(4, '0')}-${p2(month)}-${p2(day)}T${p2(hour)}:${p2(minute)}:${p2(second)}.${String(millisecond).padStart(3, '0')}Z`;
}
