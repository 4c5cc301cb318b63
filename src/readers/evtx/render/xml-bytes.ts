/**
 * A growable UTF-8 output buffer for rendering XML straight from the record bytes, without
 * building JavaScript strings. Text is escaped as it is copied, with the rules of
 * `escapeText` below (the one definition of our XML escaping).
 */

const amp = [0x26, 0x61, 0x6d, 0x70, 0x3b]; // &amp;
const lt = [0x26, 0x6c, 0x74, 0x3b]; // &lt;
const gt = [0x26, 0x67, 0x74, 0x3b]; // &gt;
const quot = [0x26, 0x71, 0x75, 0x6f, 0x74, 0x3b]; // &quot;
const tab = [0x26, 0x23, 0x39, 0x3b]; // &#9;
const newline = [0x26, 0x23, 0x31, 0x30, 0x3b]; // &#10;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/**
 * What each code unit below 0x80 becomes: null = itself; otherwise its escape. Line ends become
 * `&#10;` (CR LF and a lone CR too, as any XML parser would read them: XML 1.0 §2.11) and tabs
 * `&#9;`, so a record stays on one line; the C0 controls XML 1.0 cannot carry become U+FFFD.
 */
const asciiEscapes: (readonly number[] | null)[] = Array.from({ length: 0x80 }, (_, c) => {
  if (c === 0x26) return amp;
  if (c === 0x3c) return lt;
  if (c === 0x3e) return gt;
  if (c === 0x22) return quot;
  if (c === 0x09) return tab;
  if (c === lineFeed || c === carriageReturn) return newline;
  if (c < 0x20) return [0xef, 0xbf, 0xbd];
  return null;
});

/** Windows-1252 bytes 0x80–0x9F; the rest of the code page equals Latin-1. */
const cp1252High = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

const hexUpper = Array.from({ length: 16 }, (_, i) => i.toString(16).toUpperCase().charCodeAt(0));
const powersOf10 = Array.from({ length: 10 }, (_, i) => 10 ** i);
const hexLower = Array.from({ length: 16 }, (_, i) => i.toString(16).charCodeAt(0));

/** Worst-case UTF-8 bytes per UTF-16 code unit once escaped (`&quot;`). */
export const maxBytesPerUnit = 6;

/** UTF-8 bytes of a string (names, constant text), for templates compiled ahead of use. */
export function utf8(text: string): Uint8Array {
  const length = text.length;
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return new Uint8Array(Buffer.from(text, 'utf8'));
    bytes[i] = c;
  }
  return bytes;
}

export class ByteWriter {
  bytes: Buffer;
  pos = 0;
  /** A CR was just written as `&#10;`: an LF right after it belongs to the same line end. */
  private afterCr = false;

  constructor(private readonly capacity: number) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  /** Makes room for `length` more bytes. */
  reserve(length: number): void {
    if (this.pos + length <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.pos + length));
    grown.set(this.bytes.subarray(0, this.pos));
    this.bytes = grown;
  }

  /**
   * Everything written so far, as a buffer of its own (the caller keeps it, and may transfer
   * it to another thread), and starts afresh. A mostly full buffer is handed over whole; a
   * little text is copied out, so a small result never holds on to a large buffer.
   */
  take(): Buffer {
    const length = this.pos;
    this.pos = 0;
    if (length < this.bytes.length >> 1) {
      const copy = Buffer.allocUnsafeSlow(length);
      copy.set(this.bytes.subarray(0, length));
      return copy;
    }
    const taken = this.bytes.subarray(0, length);
    this.bytes = Buffer.allocUnsafe(this.capacity);
    return taken;
  }

  /** A copy of what was written since `start` (a plain Uint8Array), and rewinds to `start`. */
  copyFrom(start: number): Uint8Array {
    const length = this.pos - start;
    const copy = new Uint8Array(length);
    const bytes = this.bytes;
    for (let i = 0; i < length; i++) copy[i] = bytes[start + i] as number;
    this.pos = start;
    return copy;
  }

  byte(value: number): void {
    this.reserve(1);
    this.bytes[this.pos++] = value;
  }

  raw(source: Uint8Array): void {
    const length = source.length;
    this.reserve(length);
    const bytes = this.bytes;
    let pos = this.pos;
    if (length > 64) {
      bytes.set(source, pos);
      pos += length;
    } else {
      for (let i = 0; i < length; i++) bytes[pos++] = source[i] as number;
    }
    this.pos = pos;
  }

  /** A string known to hold only ASCII characters that need no escaping (numbers, hex, …). */
  ascii(text: string): void {
    const length = text.length;
    this.reserve(length);
    const bytes = this.bytes;
    let pos = this.pos;
    for (let i = 0; i < length; i++) bytes[pos++] = text.charCodeAt(i);
    this.pos = pos;
  }

  /** Decimal text of a safe integer. */
  integer(value: number): void {
    this.reserve(17);
    const bytes = this.bytes;
    let n = value;
    if (n < 0) {
      bytes[this.pos++] = 0x2d;
      n = -n;
    }
    if (n <= 0xffffffff) {
      this.padded(n, 1);
      return;
    }
    this.ascii(String(n));
  }

  /** Decimal digits of a whole number from 0 to 2^32 − 1, zero-padded to `width`. */
  padded(value: number, width: number): void {
    this.reserve(10);
    let digits = 1;
    while (digits < 10 && value >= (powersOf10[digits] as number)) digits++;
    if (digits < width) digits = width;
    const bytes = this.bytes;
    let pos = this.pos + digits;
    this.pos = pos;
    for (let rest = value >>> 0, i = 0; i < digits; i++) {
      const next = (rest / 10) >>> 0;
      bytes[--pos] = 0x30 + rest - next * 10;
      rest = next;
    }
  }

  /** Lower-case hex digits of an unsigned 32-bit value, padded to `width` digits. */
  hex32(value: number, width: number): void {
    this.reserve(8);
    const bytes = this.bytes;
    let digits = 1;
    while (digits < 8 && value >>> (4 * digits) !== 0) digits++;
    if (digits < width) digits = width;
    let pos = this.pos + digits;
    this.pos = pos;
    for (let rest = value >>> 0, i = 0; i < digits; i++, rest >>>= 4)
      bytes[--pos] = hexLower[rest & 15] as number;
  }

  /** Upper-case hex of `source[start, end)`, two digits a byte. */
  hexBytes(source: Uint8Array, start: number, end: number): void {
    this.reserve(2 * Math.max(0, end - start));
    const bytes = this.bytes;
    let pos = this.pos;
    for (let i = start; i < end; i++) {
      const b = source[i] as number;
      bytes[pos++] = hexUpper[b >> 4] as number;
      bytes[pos++] = hexUpper[b & 15] as number;
    }
    this.pos = pos;
  }

  /** One code point (not an escape-worthy ASCII one) as UTF-8. */
  private codePoint(c: number): void {
    const bytes = this.bytes;
    let pos = this.pos;
    if (c < 0x800) {
      bytes[pos++] = 0xc0 | (c >> 6);
      bytes[pos++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      bytes[pos++] = 0xe0 | (c >> 12);
      bytes[pos++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[pos++] = 0x80 | (c & 0x3f);
    } else {
      bytes[pos++] = 0xf0 | (c >> 18);
      bytes[pos++] = 0x80 | ((c >> 12) & 0x3f);
      bytes[pos++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[pos++] = 0x80 | (c & 0x3f);
    }
    this.pos = pos;
  }

  /** An ASCII code unit, escaped; `afterCr` folds CR LF into one line end. */
  private asciiUnit(c: number): void {
    const escape = asciiEscapes[c];
    if (escape === null) {
      this.bytes[this.pos++] = c;
    } else if (c !== lineFeed || !this.afterCr) {
      const bytes = this.bytes;
      let pos = this.pos;
      for (let i = 0; i < (escape as readonly number[]).length; i++)
        bytes[pos++] = (escape as readonly number[])[i] as number;
      this.pos = pos;
    }
    this.afterCr = c === carriageReturn;
  }

  /**
   * One UTF-16 code unit `c` (with `next`, the unit after it or 0), escaped as XML text.
   * Unpaired surrogates and U+FFFE/U+FFFF (which XML cannot carry) become U+FFFD. Returns 2
   * when it used `next` too (a surrogate pair), else 1. Room must have been reserved.
   */
  private escapeUnit(c: number, next: number): number {
    if (c < 0x80) {
      this.asciiUnit(c);
      return 1;
    }
    this.afterCr = false;
    if (c < 0xd800 || c > 0xdfff) {
      this.codePoint(c >= 0xfffe ? 0xfffd : c);
      return 1;
    }
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      this.codePoint(0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00));
      return 2;
    }
    this.codePoint(0xfffd);
    return 1;
  }

  /** A JavaScript string, escaped (see `escapeUnits`). */
  escapedString(text: string): void {
    const length = text.length;
    let plain = true;
    for (let i = 0; plain && i < length; i++) {
      const c = text.charCodeAt(i);
      plain = c < 0x80 && asciiEscapes[c] === null;
    }
    if (plain) {
      this.ascii(text);
      return;
    }
    this.reserve(length * maxBytesPerUnit);
    this.afterCr = false;
    for (let i = 0; i < length;) {
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      i += this.escapeUnit(text.charCodeAt(i), next);
    }
  }

  /** `units` UTF-16LE code units at `source[start…]`, escaped (see `escapeUnits`). */
  escapedUtf16(source: Uint8Array, start: number, units: number): void {
    this.reserve(units * maxBytesPerUnit);
    const bytes = this.bytes;
    let pos = this.pos;
    let i = 0;
    // Plain ASCII, the common case, without the general loop.
    for (let at = start; i < units; i++, at += 2) {
      const c = (source[at] as number) | ((source[at + 1] as number) << 8);
      if (c >= 0x80 || asciiEscapes[c] !== null) break;
      bytes[pos++] = c;
    }
    this.pos = pos;
    this.afterCr = false;
    const end = start + 2 * units;
    for (let at = start + 2 * i; at < end;) {
      const c = (source[at] as number) | ((source[at + 1] as number) << 8);
      if (c < 0x80 && asciiEscapes[c] === null) {
        // Plain ASCII after an escaped character: written here, without a call per unit.
        bytes[this.pos++] = c;
        this.afterCr = false;
        at += 2;
        continue;
      }
      const next =
        at + 2 < end ? (source[at + 2] as number) | ((source[at + 3] as number) << 8) : 0;
      at += 2 * this.escapeUnit(c, next);
    }
  }

  /** Windows-1252 bytes with NULs dropped, escaped (see `escapeUnits`). */
  escapedAnsi(source: Uint8Array, start: number, length: number): void {
    this.reserve(length * maxBytesPerUnit);
    this.afterCr = false;
    for (let i = start, end = start + length; i < end; i++) {
      const b = source[i] as number;
      if (b === 0) continue; // dropped, as if it were not there (CR NUL LF is one line end)
      if (b < 0x80 && asciiEscapes[b] === null) {
        this.bytes[this.pos++] = b;
        this.afterCr = false;
        continue;
      }
      if (b < 0x80) {
        this.asciiUnit(b);
        continue;
      }
      this.afterCr = false;
      this.codePoint(b < 0xa0 ? (cp1252High[b - 0x80] as number) : b);
    }
  }
}
