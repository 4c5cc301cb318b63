import { describe, expect, it } from 'vitest';
import { filetimeToIso } from '../../../src/model/time.js';
import {
  formatArrayItems,
  formatValue,
  integerValue,
} from '../../../src/readers/evtx/binary/format-value.js';
import { guidBytes, sidBytes } from './support/evtx-bytes.js';

/** Every substitution value type (evtx-format.md §1.11) in the forms of §2. */

const le = (n: bigint, size: number) =>
  Array.from({ length: size }, (_, i) => Number((n >> BigInt(8 * i)) & 0xffn));
const u16le = (text: string) =>
  [...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
/** Formats `bytes` placed at an odd offset inside a larger buffer (values are not aligned). */
function fmt(type: number, bytes: number[]): string {
  const buffer = Buffer.from([0xee, ...bytes, 0xee]);
  return formatValue(buffer, 1, bytes.length, type);
}
function items(type: number, bytes: number[]): string[] {
  return formatArrayItems(Buffer.from([0xee, ...bytes, 0xee]), 1, bytes.length, type);
}

describe('value types', () => {
  it('NULL is empty', () => expect(fmt(0x00, [1, 2])).toBe(''));

  it('String: UTF-16 up to the first NUL, trailing spaces kept, lone surrogates replaced', () => {
    expect(fmt(0x01, u16le('Advapi  '))).toBe('Advapi  ');
    expect(fmt(0x01, [...u16le('ab'), 0, 0, ...u16le('junk')])).toBe('ab');
    expect(fmt(0x01, u16le('Hyper-V Virtual Machine Management'))).toBe(
      'Hyper-V Virtual Machine Management',
    );
    expect(fmt(0x01, [0x41, 0, 0x00, 0xd8, 0x42, 0])).toBe('A\ufffdB');
    expect(
      fmt(0x01, [...u16le('a long string with '), 0x00, 0xdc, ...u16le(' a lone low surrogate')]),
    ).toBe('a long string with \ufffd a lone low surrogate');
    expect(fmt(0x01, [0x3d, 0xd8, 0x00, 0xde])).toBe('😀');
  });

  it('AnsiString: Windows-1252, NULs dropped', () => {
    expect(fmt(0x02, [0x80, 0x41, 0x00, 0xe9, 0x9c])).toBe('€Aéœ');
  });

  it('integers, signed and unsigned, up to 64 bits exactly', () => {
    expect(fmt(0x03, [0xff])).toBe('-1');
    expect(fmt(0x04, [0xff])).toBe('255');
    expect(fmt(0x05, [0xfe, 0xff])).toBe('-2');
    expect(fmt(0x06, [0xff, 0xff])).toBe('65535');
    expect(fmt(0x07, le(-2147483588n & 0xffffffffn, 4))).toBe('-2147483588');
    expect(fmt(0x08, [0xff, 0xff, 0xff, 0xff])).toBe('4294967295');
    expect(fmt(0x09, le(-9007199254740993n & 0xffffffffffffffffn, 8))).toBe('-9007199254740993');
    expect(fmt(0x09, le(1234567890123n, 8))).toBe('1234567890123');
    expect(fmt(0x0a, le(0xffffffffffffffffn, 8))).toBe('18446744073709551615');
    expect(fmt(0x0a, le(9007199254740993n, 8))).toBe('9007199254740993');
  });

  it('reals: shortest round-trip decimal', () => {
    const f32 = Buffer.alloc(4);
    f32.writeFloatLE(0.1);
    expect(fmt(0x0b, [...f32])).toBe('0.1');
    const f64 = Buffer.alloc(8);
    f64.writeDoubleLE(3199.234);
    expect(fmt(0x0c, [...f64])).toBe('3199.234');
  });

  it('Bool: any non-zero value is true', () => {
    expect(fmt(0x0d, [0, 0, 1, 0])).toBe('true');
    expect(fmt(0x0d, [0x10, 0, 0, 0])).toBe('true');
    expect(fmt(0x0d, [0, 0, 0, 0])).toBe('false');
  });

  it('Binary: upper-case hex', () => expect(fmt(0x0e, [0x00, 0xab, 0x0f])).toBe('00AB0F'));

  it('GUID: braces, upper case, first three fields little-endian', () => {
    expect(fmt(0x0f, guidBytes('{05F02597-FE85-4E67-8542-69567AB8FD4F}'))).toBe(
      '{05F02597-FE85-4E67-8542-69567AB8FD4F}',
    );
    expect(
      fmt(
        0x0f,
        [
          0x97, 0x25, 0xf0, 0x05, 0x85, 0xfe, 0x67, 0x4e, 0x85, 0x42, 0x69, 0x56, 0x7a, 0xb8, 0xfd,
          0x4f,
        ],
      ),
    ).toBe('{05F02597-FE85-4E67-8542-69567AB8FD4F}');
  });

  it('SizeT and HexInt32/64: 0x + lower-case hex without padding', () => {
    expect(fmt(0x10, [4, 0, 0, 0])).toBe('0x4');
    expect(fmt(0x10, le(0x1234567890n, 8))).toBe('0x1234567890');
    expect(fmt(0x14, [0xe7, 0x03, 0, 0])).toBe('0x3e7');
    expect(fmt(0x15, le(0xa0000000000000n, 8))).toBe('0xa0000000000000');
    expect(fmt(0x15, le(0x8000000000000000n, 8))).toBe('0x8000000000000000');
    expect(fmt(0x15, le(0n, 8))).toBe('0x0');
  });

  it('FILETIME: 7 fractional digits, exact for every 64-bit value, never throws', () => {
    expect(fmt(0x11, le(0n, 8))).toBe('1601-01-01T00:00:00.0000000Z');
    expect(fmt(0x11, le(116444736000000000n, 8))).toBe('1970-01-01T00:00:00.0000000Z');
    expect(fmt(0x11, le(132170000000000001n, 8))).toBe(filetimeToIso(132170000000000001n));
    // A spread of values, checked against the model's BigInt conversion.
    for (let ticks = 1n; ticks < 2650467743999999999n; ticks = ticks * 7n + 123456789n) {
      expect(fmt(0x11, le(ticks, 8)), String(ticks)).toBe(filetimeToIso(ticks));
    }
    expect(fmt(0x11, le(0xffffffffffffffffn, 8))).toMatch(/^\d+-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
  });

  it('SYSTEMTIME: milliseconds; all zeros is 1601-01-01', () => {
    const st = (...fields: number[]) => fields.flatMap((n) => [n & 0xff, n >> 8]);
    expect(fmt(0x12, st(2019, 3, 5, 8, 23, 23, 5, 7))).toBe('2019-03-08T23:23:05.007Z');
    expect(fmt(0x12, st(0, 0, 0, 0, 0, 0, 0, 0))).toBe('1601-01-01T00:00:00.000Z');
  });

  it('SID: S-R-A-S…; a truncated SID keeps the sub-authorities present', () => {
    expect(fmt(0x13, sidBytes('S-1-5-21-2967420476-1305424719-3994513216-500'))).toBe(
      'S-1-5-21-2967420476-1305424719-3994513216-500',
    );
    expect(fmt(0x13, sidBytes('S-1-5-18'))).toBe('S-1-5-18');
    expect(fmt(0x13, sidBytes('S-1-5-21-1-2').slice(0, 14))).toBe('S-1-5-21');
  });

  it('a value too short for its type prints as hex instead of reading past it', () => {
    expect(fmt(0x0f, [1, 2, 3])).toBe('010203');
    expect(fmt(0x11, [1, 2])).toBe('0102');
  });

  it('arrays: strings split at NULs (empty items kept), fixed-size items, SIDs by length', () => {
    expect(items(0x81, [...u16le('a'), 0, 0, 0, 0, ...u16le('bc'), 0, 0])).toEqual(['a', '', 'bc']);
    expect(items(0x81, u16le('no terminator'))).toEqual(['no terminator']);
    expect(items(0x82, [0x61, 0, 0x80, 0])).toEqual(['a', '€']);
    expect(items(0x86, [1, 0, 2, 0, 0xff, 0xff])).toEqual(['1', '2', '65535']);
    expect(items(0x94, [0xe7, 3, 0, 0, 1, 0, 0, 0])).toEqual(['0x3e7', '0x1']);
    expect(
      items(0x8f, [
        ...guidBytes('{00000000-0000-0000-0000-000000000001}'),
        ...guidBytes('{FFFFFFFF-0000-0000-0000-000000000002}'),
      ]),
    ).toEqual(['{00000000-0000-0000-0000-000000000001}', '{FFFFFFFF-0000-0000-0000-000000000002}']);
    expect(items(0x93, [...sidBytes('S-1-5-18'), ...sidBytes('S-1-5-32-544')])).toEqual([
      'S-1-5-18',
      'S-1-5-32-544',
    ]);
    expect(items(0x81, [])).toEqual([]);
  });

  it('remembered texts (GUIDs, hex, the day of a FILETIME) never leak into other values', () => {
    // Values that share a cache slot or a day, interleaved, each against its own BigInt form.
    const guids = Array.from({ length: 600 }, (_, i) => {
      const n = BigInt(i);
      const hex = (n * 0x9e3779b97f4a7c15n).toString(16).padStart(32, '0').slice(-32).toUpperCase();
      return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
    });
    for (let round = 0; round < 2; round++) {
      for (const guid of guids) expect(fmt(0x0f, guidBytes(guid))).toBe(guid);
    }
    for (let round = 0; round < 2; round++) {
      for (let i = 0n; i < 300n; i++) {
        const value = (i * 0x1000000041n) ^ (i << 40n);
        expect(fmt(0x15, le(value, 8))).toBe(`0x${value.toString(16)}`);
        expect(fmt(0x14, le(i * 977n, 4))).toBe(`0x${(i * 977n).toString(16)}`);
      }
    }
    const day = 864000000000n; // FILETIME ticks a day
    const base = 132170000000000001n;
    for (const ticks of [base, base + 1n, base + day, base + 5n, base - day, base + 3n * day]) {
      expect(fmt(0x11, le(ticks, 8)), String(ticks)).toBe(filetimeToIso(ticks));
    }
  });

  it('integer values read as the numbers their text stands for, 64-bit ones only when exact', () => {
    const int = (type: number, bytes: number[]) =>
      integerValue(Buffer.from([0xee, ...bytes, 0xee]), 1, bytes.length, type);
    const cases: [number, number[]][] = [
      [0x03, [0xff]],
      [0x04, [0xff]],
      [0x05, [0xfe, 0xff]],
      [0x06, [0xff, 0xff]],
      [0x07, le(-2147483588n & 0xffffffffn, 4)],
      [0x08, [0xff, 0xff, 0xff, 0xff]],
      [0x0a, le(9007199254740991n, 8)],
      [0x0a, le(4658n, 8)],
    ];
    for (const [type, bytes] of cases) expect(int(type, bytes)).toBe(Number(fmt(type, bytes)));
    expect(int(0x0a, le(9007199254740992n, 8))).toBeUndefined();
    expect(int(0x06, [1])).toBeUndefined(); // too short: its text is hex
    expect(int(0x01, [0x31, 0])).toBeUndefined(); // a string: read from its text
    expect(int(0x09, le(5n, 8))).toBeUndefined();
  });
});
