import { describe, expect, it } from 'vitest';
import {
  filetimeToIso,
  isoToFiletime,
  isoToMillis,
  millisToIso,
  normalizeIsoTime,
} from '../../src/model/time.js';

describe('time conventions', () => {
  it('FILETIME ↔ stored text keeps 100 ns precision', () => {
    const ticks =
      BigInt(Date.UTC(2011, 3, 15, 12, 34, 56)) * 10_000n + 1_234_567n + 116_444_736_000_000_000n;
    expect(filetimeToIso(ticks)).toBe('2011-04-15T12:34:56.1234567Z');
    expect(isoToFiletime('2011-04-15T12:34:56.1234567Z')).toBe(ticks);
    expect(filetimeToIso(0n)).toBe('1601-01-01T00:00:00.0000000Z');
  });

  it('normalises 0, 3, 7 and 9 fractional digits and zone offsets', () => {
    expect(normalizeIsoTime('2011-04-15T12:34:56Z')).toBe('2011-04-15T12:34:56.0000000Z');
    expect(normalizeIsoTime('2011-04-15T12:34:56.123Z')).toBe('2011-04-15T12:34:56.1230000Z');
    expect(normalizeIsoTime('2011-04-15T12:34:56.123456789Z')).toBe('2011-04-15T12:34:56.1234567Z');
    expect(normalizeIsoTime('2011-04-15T00:30:00.5-03:00')).toBe('2011-04-15T03:30:00.5000000Z');
    expect(normalizeIsoTime('not a time')).toBeNull();
  });

  it('stored text ↔ milliseconds: exact to the millisecond, within a microsecond below it', () => {
    for (const iso of [
      '2011-04-15T12:34:56.1230000Z',
      '2011-04-15T13:00:00.0000000Z',
      '2024-02-29T23:59:59.9990000Z',
    ]) {
      expect(millisToIso(isoToMillis(iso))).toBe(iso);
    }
    const fine = '2011-04-15T12:34:56.1234567Z';
    const back = isoToFiletime(millisToIso(isoToMillis(fine)))!;
    expect(Number(back - isoToFiletime(fine)!)).toBeLessThanOrEqual(10);
    expect(
      isoToMillis('2011-04-15T12:34:57.0000000Z') - isoToMillis('2011-04-15T12:34:56.5000000Z'),
    ).toBeCloseTo(500, 3);
    expect(isoToMillis('2011-04-15T12:34:56Z')).toBe(Date.UTC(2011, 3, 15, 12, 34, 56));
    expect(isoToMillis('garbage')).toBeNaN();
  });
});
