import { describe, expect, it } from 'vitest';
import { Utf8ChunkDecoder } from '../../../src/readers/text/utf8-chunk-decoder.js';

/** What one streaming TextDecoder gives for the same chunks: the reference. */
function reference(chunks: Uint8Array[]): string {
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  return chunks.map((c) => decoder.decode(c, { stream: true })).join('') + decoder.decode();
}

function decodeAll(chunks: Uint8Array[]): string {
  const decoder = new Utf8ChunkDecoder();
  return chunks.map((c) => decoder.decode(c)).join('') + decoder.end();
}

/** Splits bytes at the given offsets. */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(bytes.subarray(start, cut));
    start = cut;
  }
  return chunks;
}

describe('Utf8ChunkDecoder', () => {
  const text = 'HV01 é ü € 𝄞 line\r\nnode Ünïcødé ☃\n';
  const bytes = new Uint8Array(Buffer.from(text, 'utf8'));

  it('decodes valid UTF-8 cut at every position, including inside a sequence', () => {
    for (let a = 0; a <= bytes.length; a++) {
      expect(decodeAll(split(bytes, [a]))).toBe(text);
      for (let b = a; b <= Math.min(bytes.length, a + 4); b++) {
        expect(decodeAll(split(bytes, [a, b]))).toBe(text);
      }
    }
  });

  it('gives what TextDecoder gives for invalid bytes, wherever the chunks are cut', () => {
    const damaged = [
      [0x41, 0xc0, 0x80, 0x42],
      [0x41, 0xe2, 0x82, 0x41],
      [0xf0, 0x9d, 0x84],
      [0xed, 0xa0, 0x80, 0x43],
      [0xff, 0xfe, 0x41],
      [0x80, 0x80, 0x80, 0x80, 0x41],
      [0x41, 0xe2],
    ];
    for (const bad of damaged) {
      const stream = new Uint8Array([...bytes.subarray(0, 9), ...bad, ...bytes.subarray(9)]);
      for (let a = 0; a <= stream.length; a++) {
        const chunks = split(stream, [a, Math.min(stream.length, a + 2)]);
        expect(decodeAll(chunks)).toBe(reference(chunks));
      }
    }
  });

  it('decodes a whole chunk at once and holds nothing back at the end', () => {
    const decoder = new Utf8ChunkDecoder();
    expect(decoder.decode(new Uint8Array(Buffer.from('abc\r\n')))).toBe('abc\r\n');
    expect(decoder.end()).toBe('');
  });
});
