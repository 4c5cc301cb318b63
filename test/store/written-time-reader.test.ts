import { describe, expect, it } from 'vitest';
import { writtenTimeMs, writtenTimeRoundTrips } from '../../src/model/cluster-log-line.js';
import { WrittenTimeReader } from '../../src/store/written-time-reader.js';
import { seededRandom } from '../support/seeded-random.js';

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The reference: Date.UTC, 400 years on and back (it maps years 0–99 to 1900–1999). */
function referenceMs(f: number[]): number {
  const [year, month, day, hour, minute, second, ms] = f as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // The Gregorian calendar repeats every 400 years, 146,097 days.
  return Date.UTC(year + 400, month - 1, day, hour, minute, second, ms) - 146_097 * 86_400_000;
}

/** The reference formatting of milliseconds as a cluster log writes a time. */
function written(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}-${iso.slice(11, 23)}`;
}

describe('written cluster log times as milliseconds', () => {
  it('reads every calendar field as Date does and says when formatting gives the text back', () => {
    const random = seededRandom(4);
    const reader = new WrittenTimeReader();
    const int = (below: number) => Math.floor(random() * below);
    let exact = 0;
    for (let i = 0; i < 20_000; i++) {
      // Mostly plausible fields, sometimes beyond the calendar (second 60, day 31 of June…).
      const fields = [
        random() < 0.05 ? int(100) : 1990 + int(40),
        1 + int(12),
        1 + int(31),
        int(random() < 0.02 ? 25 : 24),
        int(60),
        int(random() < 0.05 ? 61 : 60),
        int(1000),
      ];
      const [year, month, day, hour, minute, second, ms] = fields as number[];
      const raw = `${pad(year!, 4)}/${pad(month!, 2)}/${pad(day!, 2)}-${pad(hour!, 2)}:${pad(minute!, 2)}:${pad(second!, 2)}.${pad(ms!, 3)}`;
      const reference = referenceMs(fields);
      expect(writtenTimeMs(raw), raw).toBe(reference);
      const roundTrips = written(reference) === raw;
      expect(writtenTimeRoundTrips(raw), raw).toBe(roundTrips);
      expect(reader.exactMs(raw), raw).toBe(roundTrips ? reference : NaN);
      if (roundTrips) exact++;
    }
    expect(exact).toBeGreaterThan(16_000);
  });

  it('reads the records of a file minute after minute, second 60 included', () => {
    const reader = new WrittenTimeReader();
    const start = Date.UTC(2016, 11, 31, 23, 58, 59, 990);
    for (let ms = start; ms < start + 62_000; ms += 7) {
      expect(reader.exactMs(written(ms))).toBe(ms);
    }
    expect(reader.exactMs('2016/12/31-23:59:59.999')).toBe(Date.UTC(2016, 11, 31, 23, 59, 59, 999));
    expect(reader.exactMs('2016/12/31-23:59:60.000')).toBeNaN();
    expect(reader.exactMs('2016/12/31-23:59:5x.000')).toBeNaN();
    expect(reader.exactMs('2016/12/31-23:59:00.000')).toBe(Date.UTC(2016, 11, 31, 23, 59));
  });

  it('gives NaN for text that is not laid out as a written time', () => {
    const reader = new WrittenTimeReader();
    expect(reader.exactMs('2011/08/05-13:47:42.465')).toBe(Date.UTC(2011, 7, 5, 13, 47, 42, 465));
    for (const text of [
      '2011/08/05-13:47:42.46',
      '2011/08/05-13:47:42,465',
      '2011/08/05-13:47:4x.465',
      '2011/08/05-13:47:-2.465',
      '2011-08-05-13:47:42.465',
      '2011/08/05-13:47:42.465Z',
      '',
    ]) {
      expect(reader.exactMs(text), text).toBeNaN();
      expect(writtenTimeRoundTrips(text), text).toBe(false);
    }
    expect(writtenTimeMs('2011/13/05-13:47:42.465')).toBeNaN();
  });
});
