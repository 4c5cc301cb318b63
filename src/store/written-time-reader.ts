import { writtenTimeMs, writtenTimeRoundTrips } from '../model/cluster-log-line.js';

/** `YYYY/MM/DD-HH:MM`: the part of a written timestamp that changes at most once a minute. */
const minuteLength = 16;

/**
 * Reads written cluster log timestamps (`YYYY/MM/DD-HH:MM:SS.mmm`) as milliseconds, for the
 * records of one file in order: the minute is checked and computed once and kept, so a record
 * in the same minute as the one before costs a prefix comparison and six digits. Gives NaN for
 * a text the milliseconds cannot give back exactly (second 60, February 29 of a common year,
 * anything not laid out as a timestamp): those keep their text.
 */
export class WrittenTimeReader {
  private minute = '';
  private minuteMs = 0;

  /** Milliseconds of `rawTime` read as UTC, or NaN when formatting them would not give it back. */
  exactMs(rawTime: string): number {
    if (rawTime.length !== 23) return NaN;
    if (this.minute.length === 0 || !rawTime.startsWith(this.minute)) {
      if (!writtenTimeRoundTrips(rawTime)) return NaN;
      this.minute = rawTime.slice(0, minuteLength);
      this.minuteMs = writtenTimeMs(`${this.minute}:00.000`);
    }
    const s1 = rawTime.charCodeAt(17) - 0x30;
    const s2 = rawTime.charCodeAt(18) - 0x30;
    const m1 = rawTime.charCodeAt(20) - 0x30;
    const m2 = rawTime.charCodeAt(21) - 0x30;
    const m3 = rawTime.charCodeAt(22) - 0x30;
    // `>>> 0` turns a negative difference (a character below '0') into a large number.
    if (
      rawTime.charCodeAt(16) !== 0x3a ||
      rawTime.charCodeAt(19) !== 0x2e ||
      s1 >>> 0 > 5 ||
      s2 >>> 0 > 9 ||
      m1 >>> 0 > 9 ||
      m2 >>> 0 > 9 ||
      m3 >>> 0 > 9
    )
      return NaN;
    return this.minuteMs + (s1 * 10 + s2) * 1000 + m1 * 100 + m2 * 10 + m3;
  }
}
