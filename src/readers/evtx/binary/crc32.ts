import zlib from 'node:zlib';

/** Standard CRC-32 (zlib/zip polynomial 0xEDB88320) over `bytes[start, end)`. Pure. */
export type Crc32 = (bytes: Uint8Array, start: number, end: number, seed?: number) => number;

const table = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  table[n] = c >>> 0;
}

/** Table-driven CRC-32 for Node releases before 20.15, which lack `zlib.crc32`. */
export function crc32Portable(bytes: Uint8Array, start: number, end: number, seed = 0): number {
  let c = ~seed >>> 0;
  for (let i = start; i < end; i++)
    c = (table[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

type NativeCrc32 = (data: Uint8Array, value?: number) => number;
const native = (zlib as unknown as { crc32?: NativeCrc32 }).crc32;

/** CRC-32 of `bytes[start, end)`, continuing from `seed` (the CRC of earlier bytes). */
export const crc32: Crc32 = native
  ? (bytes, start, end, seed = 0) => native(bytes.subarray(start, end), seed) >>> 0
  : crc32Portable;
