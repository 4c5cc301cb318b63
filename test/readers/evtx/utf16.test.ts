import { describe, expect, it } from 'vitest';
import { xmlNewlines } from '../../../src/readers/evtx/render/system-fields.js';
import { decodeUtf16, scanUtf16, utf16Length } from '../../../src/readers/evtx/binary/utf16.js';

const units = (...codes: number[]) => Buffer.from(codes.flatMap((c) => [c & 0xff, c >> 8]));

describe('scanUtf16', () => {
  it('gives utf16Length and says clean exactly when xmlNewlines would change nothing', () => {
    const samples = [
      [0x41, 0x42],
      [0x41, 0x09, 0x0a, 0x42],
      [0x41, 0x0d, 0x0a],
      [0x0d],
      [0x41, 0x01],
      [0x1f, 0x41],
      [0xfffe],
      [0xffff, 0x41],
      [0xfffd, 0xff20, 0x0120, 0x41],
      [0x41, 0, 0x0d],
      [0xd800, 0x41],
      [],
    ];
    for (const codes of samples) {
      const bytes = units(0x58, ...codes, 0x58);
      const max = codes.length;
      const scan = scanUtf16(bytes, 2, max);
      const length = utf16Length(bytes, 2, max);
      expect(scan >>> 1, codes.join(',')).toBe(length);
      const text = decodeUtf16(bytes, 2, length);
      expect((scan & 1) === 1, codes.join(',')).toBe(xmlNewlines(text) === text);
    }
  });
});
