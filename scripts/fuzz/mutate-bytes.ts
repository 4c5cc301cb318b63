import { Rng } from '../../test/sample-log-generator/rng.js';

export { Rng };

/** Values that tend to break length and offset checks, written as u8, u16 or u32 LE. */
const interestingValues = [
  0, 1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000,
  0xffffffff,
];

/** Text fragments that stress XML, line and table parsers. */
const interestingTexts = [
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '&bogus;',
  ']]>',
  '<![CDATA[',
  '<!--',
  '"',
  "'",
  '\r\n',
  '\n',
  '\0',
  '\uFFFD',
  '\uD800',
  ' : ',
  '---- ----',
  '[',
  ']',
  '::',
  '0x',
  '9999-99-99 99:99:99.999',
  '<Event>',
  '</Event>',
  '<Data Name="x">',
  '</EventData>',
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
];

type Mutator = (input: Uint8Array, rng: Rng, others: readonly Uint8Array[]) => Uint8Array;

const mutators: Mutator[] = [
  // Flip one bit.
  (input, rng) => {
    if (input.length === 0) return input;
    const out = Uint8Array.from(input);
    const at = rng.int(0, out.length - 1);
    out[at] = (out[at] ?? 0) ^ (1 << rng.int(0, 7));
    return out;
  },
  // Set a run of bytes to random values.
  (input, rng) => {
    if (input.length === 0) return input;
    const out = Uint8Array.from(input);
    const at = rng.int(0, out.length - 1);
    const count = rng.int(1, 16);
    for (let i = at; i < Math.min(out.length, at + count); i += 1) out[i] = rng.int(0, 255);
    return out;
  },
  // Write an interesting number at a random offset.
  (input, rng) => {
    if (input.length < 4) return input;
    const out = Uint8Array.from(input);
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    const value = rng.pick(interestingValues);
    const width = rng.pick([1, 2, 4]);
    const at = rng.int(0, out.length - width);
    if (width === 1) view.setUint8(at, value & 0xff);
    else if (width === 2) view.setUint16(at, value & 0xffff, true);
    else view.setUint32(at, value >>> 0, true);
    return out;
  },
  // Truncate.
  (input, rng) => input.subarray(0, rng.int(0, input.length)),
  // Delete a range.
  (input, rng) => {
    if (input.length < 2) return input;
    const at = rng.int(0, input.length - 1);
    const count = rng.int(1, Math.min(input.length - at, rng.pick([8, 64, 4096])));
    return concat([input.subarray(0, at), input.subarray(at + count)]);
  },
  // Duplicate a range in place.
  (input, rng) => {
    if (input.length < 2) return input;
    const at = rng.int(0, input.length - 1);
    const count = rng.int(1, Math.min(input.length - at, rng.pick([8, 256, 4096])));
    const range = input.subarray(at, at + count);
    return concat([input.subarray(0, at + count), range, input.subarray(at + count)]);
  },
  // Insert random bytes.
  (input, rng) => {
    const at = rng.int(0, input.length);
    const bytes = Uint8Array.from({ length: rng.int(1, 32) }, () => rng.int(0, 255));
    return concat([input.subarray(0, at), bytes, input.subarray(at)]);
  },
  // Insert a text fragment (UTF-8, or UTF-16LE now and then).
  (input, rng) => {
    const at = rng.int(0, input.length);
    const text = rng.pick(interestingTexts).repeat(rng.pick([1, 1, 1, 3, 200]));
    const bytes = rng.next() < 0.25 ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf8');
    return concat([input.subarray(0, at), bytes, input.subarray(at)]);
  },
  // Splice: the head of this input with the tail of another.
  (input, rng, others) => {
    const other = others.length > 0 ? rng.pick(others) : input;
    const cut = rng.int(0, input.length);
    const from = rng.int(0, other.length);
    return concat([input.subarray(0, cut), other.subarray(from)]);
  },
  // Copy a block from elsewhere in the input over another place (moves records and chunks).
  (input, rng) => {
    if (input.length < 16) return input;
    const out = Uint8Array.from(input);
    const count = rng.int(1, Math.min(out.length >> 1, rng.pick([16, 512, 65536])));
    const from = rng.int(0, out.length - count);
    const to = rng.int(0, out.length - count);
    out.copyWithin(to, from, from + count);
    return out;
  },
];

/**
 * One mutated copy of `input`: one to `maxStacked` random mutations applied in turn (bit flips,
 * interesting numbers, truncation, deletion, duplication, inserted bytes or text, splices with
 * `others`). Deterministic for a given Rng state; the result is capped at `maxSizeInBytes`.
 */
export function mutateBytes(
  input: Uint8Array,
  rng: Rng,
  others: readonly Uint8Array[],
  maxSizeInBytes: number,
  maxStacked = 4,
): Uint8Array {
  let out = input;
  const rounds = rng.int(1, maxStacked);
  for (let i = 0; i < rounds; i += 1) {
    out = rng.pick(mutators)(out, rng, others);
    if (out.length > maxSizeInBytes) out = out.subarray(0, maxSizeInBytes);
  }
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}
