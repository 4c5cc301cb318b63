import { describe, expect, it } from 'vitest';
import { microsToIso, utcDay, utcMicros } from '../../src/export/utc-micros.js';

describe('utcMicros', () => {
  it('reads the stored time text to the microsecond, dropping the 100 ns digit', () => {
    expect(utcMicros('2016-09-14T06:10:11.4134714Z')).toBe(
      Date.UTC(2016, 8, 14, 6, 10, 11, 413) * 1000 + 471,
    );
    expect(utcMicros('1969-12-31T23:59:59.9999999Z')).toBe(-1);
    expect(utcMicros('2000-02-29T00:00:00.0000000Z')).toBe(Date.UTC(2000, 1, 29) * 1000);
  });

  it('agrees with Date for every day of a leap cycle', () => {
    for (let ms = Date.UTC(1999, 0, 1); ms < Date.UTC(2004, 0, 1); ms += 86_400_000 + 3_723_456) {
      const iso = new Date(ms).toISOString().replace('Z', '0000Z');
      expect(utcMicros(iso)).toBe(ms * 1000);
    }
  });

  it('reads other fraction lengths and refuses what is not a time', () => {
    expect(utcMicros('2016-09-14T06:10:11Z')).toBe(Date.UTC(2016, 8, 14, 6, 10, 11) * 1000);
    expect(utcMicros('2016-09-14T06:10:11.5Z')).toBe(Date.UTC(2016, 8, 14, 6, 10, 11, 500) * 1000);
    for (const bad of [
      '',
      'yesterday',
      '2016-02-30T00:00:00.0000000Z',
      '2016-13-01T00:00:00.0000000Z',
      '2016-09-14T24:00:00.0000000Z',
      '2016-09-14 06:10:11.4134714Z',
    ])
      expect(utcMicros(bad), bad).toBeNull();
  });

  it('gives the UTC day and ISO text back', () => {
    const micros = utcMicros('2016-09-14T23:59:59.9999999Z')!;
    expect(utcDay(micros)).toBe('2016-09-14');
    expect(utcDay(micros + 1)).toBe('2016-09-15');
    expect(microsToIso(micros)).toBe('2016-09-14T23:59:59.999999Z');
  });
});
