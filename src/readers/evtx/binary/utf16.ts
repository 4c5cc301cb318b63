/**
 * Lenient UTF-16LE decoding: unpaired surrogates (dirty records hold them) become U+FFFD, and
 * nothing ever throws.
 */

const decoder = new TextDecoder('utf-16le', { fatal: false, ignoreBOM: true });

/** `String.prototype.isWellFormed` / `toWellFormed` (ES2024; Node 20 has them). */
interface WellFormedString {
  isWellFormed(): boolean;
  toWellFormed(): string;
}

/** Buffer's own slices, which `toString('utf16le' | 'latin1')` call after checking arguments. */
interface FastBuffer {
  ucs2Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}

/** Decodes `units` UTF-16 code units starting at `start`. Pure. */
export function decodeUtf16(bytes: Uint8Array, start: number, units: number): string {
  if (units <= 0) return '';
  if (units <= 6) {
    // Very short strings: building the string in JS beats any native call, unless a surrogate
    // needs checking.
    let text = '';
    for (let i = start, end = start + units * 2; i < end; i += 2) {
      const unit = (bytes[i] as number) | ((bytes[i + 1] as number) << 8);
      if (unit >= 0xd800 && unit <= 0xdfff) return decodeUtf16Native(bytes, start, units);
      text += String.fromCharCode(unit);
    }
    return text;
  }
  return decodeUtf16Native(bytes, start, units);
}

function decodeUtf16Native(bytes: Uint8Array, start: number, units: number): string {
  if (!Buffer.isBuffer(bytes)) return decoder.decode(bytes.subarray(start, start + units * 2));
  // Buffer's UTF-16 decoding is the fastest available but keeps unpaired surrogates.
  const text = (bytes as unknown as FastBuffer).ucs2Slice(
    start,
    start + units * 2,
  ) as unknown as WellFormedString;
  return text.isWellFormed() ? (text as unknown as string) : text.toWellFormed();
}

/**
 * Like `utf16Length`, and whether those units are clean text (see `BinXmlVisitor.text`: no CR,
 * no control character but tab and LF, no U+FFFE/U+FFFF), in one pass: the length times two,
 * plus one when clean. Pure.
 */
export function scanUtf16(bytes: Uint8Array, start: number, maxUnits: number): number {
  let clean = 1;
  for (let i = 0; i < maxUnits; i++) {
    const at = start + i * 2;
    const low = bytes[at] as number;
    const high = bytes[at + 1] as number;
    if (high === 0) {
      if (low < 0x20) {
        if (low === 0) return i * 2 + clean;
        if (low !== 0x09 && low !== 0x0a) clean = 0;
      }
    } else if (high === 0xff && low >= 0xfe) clean = 0;
  }
  return maxUnits * 2 + clean;
}

/** Number of code units before the first NUL within `maxUnits` units. Pure. */
export function utf16Length(bytes: Uint8Array, start: number, maxUnits: number): number {
  for (let i = 0; i < maxUnits; i++) {
    const at = start + i * 2;
    if (bytes[at] === 0 && bytes[at + 1] === 0) return i;
  }
  return maxUnits;
}

/** Windows-1252 bytes 0x80–0x9F; the rest of the code page equals Latin-1. */
const cp1252High = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** ANSI (Windows-1252) text with NUL bytes dropped, as libevtx and the Rust crate read it. Pure. */
export function decodeAnsi(bytes: Uint8Array, start: number, length: number): string {
  let plain = Buffer.isBuffer(bytes);
  for (let i = start, end = start + length; plain && i < end; i++) {
    const byte = bytes[i] as number;
    if (byte === 0 || (byte >= 0x80 && byte < 0xa0)) plain = false;
  }
  // Without NULs and without 0x80–0x9F, Windows-1252 is Latin-1: one native call.
  if (plain) return (bytes as unknown as FastBuffer).latin1Slice(start, start + length);
  let text = '';
  for (let i = start, end = start + length; i < end; i++) {
    const byte = bytes[i] as number;
    if (byte === 0) continue;
    text += String.fromCharCode(
      byte >= 0x80 && byte < 0xa0 ? (cp1252High[byte - 0x80] as number) : byte,
    );
  }
  return text;
}
