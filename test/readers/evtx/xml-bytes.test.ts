import { describe, expect, it } from 'vitest';
import { formatValue } from '../../../src/readers/evtx/binary/format-value.js';
import { ByteWriter, utf8 } from '../../../src/readers/evtx/render/xml-bytes.js';
import { writeValue } from '../../../src/readers/evtx/render/xml-values.js';

/**
 * XML text is written as UTF-8 straight from the record bytes (xml-bytes.ts, xml-values.ts).
 * It must equal the value's text (format-value.ts) escaped by these rules: `&<>"` as entities,
 * tab `&#9;`, CR LF / CR / LF `&#10;`, C0 controls and U+FFFE/U+FFFF as U+FFFD.
 */

// eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot carry
const escapes = /\r\n?|[&<>"\t\n\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const named: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
};
function escapeReference(text: string): string {
  return text.replace(escapes, (c) =>
    c.startsWith('\r') || c === '\n' ? '&#10;' : (named[c] ?? '\ufffd'),
  );
}

function written(write: (out: ByteWriter) => void): string {
  const out = new ByteWriter(16);
  write(out);
  return out.take().toString('utf8');
}

const u16le = (text: string) =>
  Buffer.from([...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));

describe('ByteWriter', () => {
  it('escapes text as one line, markup characters as entities', () => {
    const text = 'a&b<c>d"e\tf\r\ng\rh\ni\u0001j\ufffek\uffffl é € 😀';
    const expected = 'a&amp;b&lt;c&gt;d&quot;e&#9;f&#10;g&#10;h&#10;i\ufffdj\ufffdk\ufffdl é € 😀';
    expect(written((out) => out.escapedString(text))).toBe(expected);
    const bytes = Buffer.from(text, 'utf16le');
    expect(written((out) => out.escapedUtf16(bytes, 0, text.length))).toBe(expected);
  });

  it('replaces unpaired surrogates in UTF-16 with U+FFFD', () => {
    const bytes = Buffer.from([0x41, 0, 0x00, 0xd8, 0x42, 0, 0x00, 0xdc, 0x3d, 0xd8, 0x00, 0xde]);
    expect(written((out) => out.escapedUtf16(bytes, 0, 6))).toBe('A\ufffdB\ufffd😀');
  });

  it('reads ANSI as Windows-1252 without its NULs (CR NUL LF is one line end)', () => {
    const bytes = Buffer.from([0x80, 0x41, 0x0d, 0x00, 0x0a, 0x81, 0xe9, 0x00, 0x26]);
    expect(written((out) => out.escapedAnsi(bytes, 0, bytes.length))).toBe('€A&#10;\u0081é&amp;');
  });

  it('writes integers and hex digits', () => {
    for (const n of [0, 7, 10, 99, 4294967295, 4294967296, -1, -2147483648, 2 ** 53 - 1])
      expect(written((out) => out.integer(n))).toBe(String(n));
    expect(written((out) => out.hex32(0x3e7, 1))).toBe('3e7');
    expect(written((out) => out.hex32(0xf, 8))).toBe('0000000f');
    expect(written((out) => out.hex32(0xffffffff, 1))).toBe('ffffffff');
  });

  it('grows past its first capacity and hands over what it holds', () => {
    const out = new ByteWriter(4);
    out.escapedString('x'.repeat(10_000));
    expect(out.take().toString('latin1')).toBe('x'.repeat(10_000));
    expect(out.pos).toBe(0);
  });

  it('copies out what was written since a mark, as a plain Uint8Array, and rewinds to it', () => {
    const out = new ByteWriter(8);
    out.ascii('<Event');
    out.escapedString(' a="&"');
    const copy = out.copyFrom(6);
    expect(copy.constructor).toBe(Uint8Array);
    expect(Buffer.from(copy).toString('utf8')).toBe(' a=&quot;&amp;&quot;');
    expect(out.pos).toBe(6);
  });

  it('encodes names and constant text as UTF-8 in plain Uint8Arrays, ASCII or not', () => {
    for (const text of ['', 'Event', '<Data Name="x"', 'Ereignis-Übersicht', '日本語', '😀x']) {
      const bytes = utf8(text);
      expect(bytes.constructor).toBe(Uint8Array);
      expect(Buffer.from(bytes).equals(Buffer.from(text, 'utf8')), text).toBe(true);
    }
  });
});

describe('writeValue', () => {
  /** Deterministic pseudo-random bytes, biased towards the characters that need care. */
  function randomBytes(seed: number, length: number): Buffer {
    let state = seed;
    const next = () => {
      state = (state * 1103515245 + 12345) >>> 0;
      return state >>> 8;
    };
    const special = [0x00, 0x0a, 0x0d, 0x09, 0x26, 0x3c, 0x22, 0xd8, 0xdc, 0xff, 0xfe, 0x80];
    return Buffer.from(
      Array.from({ length }, () =>
        next() % 3 === 0 ? (special[next() % 12] as number) : next() % 256,
      ),
    );
  }

  const types = [
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
    0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x20, 0x23, 0x7f,
  ];

  it('writes every type as its formatted text, escaped, whatever the bytes and size', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const bytes = randomBytes(seed, 1 + (seed % 40));
      for (const type of types) {
        for (const size of [0, 1, 2, 3, 4, 7, 8, 16, bytes.length - 1]) {
          if (size < 0 || size > bytes.length - 1) continue;
          const expected = escapeReference(formatValue(bytes, 1, size, type));
          const actual = written((out) => writeValue(out, bytes, 1, size, type));
          expect(actual, `type 0x${type.toString(16)}, seed ${seed}, size ${size}`).toBe(expected);
        }
      }
    }
  });

  it('strings end at the first NUL', () => {
    const bytes = Buffer.concat([u16le('ab<'), Buffer.from([0, 0]), u16le('junk')]);
    expect(written((out) => writeValue(out, bytes, 0, bytes.length, 0x01))).toBe('ab&lt;');
  });
});
