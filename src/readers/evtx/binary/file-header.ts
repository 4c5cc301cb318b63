import { crc32 } from './crc32.js';

/** `ElfFile\0`. */
export const fileMagic = Uint8Array.of(0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00);

/** File header fields (evtx-format.md §1.2). */
export interface FileHeader {
  firstChunkNumber: bigint;
  lastChunkNumber: bigint;
  nextRecordId: bigint;
  headerSize: number;
  minorVersion: number;
  majorVersion: number;
  headerBlockSize: number;
  /** The header's chunk count; only 16 bits wide and often wrong (never trusted). */
  declaredChunkCount: number;
  flags: number;
  storedCrc: number;
  computedCrc: number;
}

export const fileFlags = { dirty: 0x1, full: 0x2, noCrc32: 0x4 } as const;

/** True when `bytes` starts with the EVTX file magic. Pure. */
export function hasFileMagic(bytes: Uint8Array): boolean {
  if (bytes.length < fileMagic.length) return false;
  for (let i = 0; i < fileMagic.length; i++) if (bytes[i] !== fileMagic[i]) return false;
  return true;
}

/** Reads the 128 used bytes of the file header. Pure; returns null without the magic. */
export function readFileHeader(bytes: Uint8Array): FileHeader | null {
  if (bytes.length < 128 || !hasFileMagic(bytes)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, 128);
  return {
    firstChunkNumber: view.getBigUint64(8, true),
    lastChunkNumber: view.getBigUint64(16, true),
    nextRecordId: view.getBigUint64(24, true),
    headerSize: view.getUint32(32, true),
    minorVersion: view.getUint16(36, true),
    majorVersion: view.getUint16(38, true),
    headerBlockSize: view.getUint16(40, true),
    declaredChunkCount: view.getUint16(42, true),
    flags: view.getUint32(120, true),
    storedCrc: view.getUint32(124, true),
    computedCrc: crc32(bytes, 0, 120),
  };
}

/** Names of the set file flags, e.g. `dirty, full`. Pure. */
export function describeFileFlags(flags: number): string {
  const names: string[] = [];
  if (flags & fileFlags.dirty) names.push('dirty');
  if (flags & fileFlags.full) names.push('full');
  if (flags & fileFlags.noCrc32) names.push('no-crc32');
  const unknown = flags & ~0x7;
  if (unknown) names.push(`0x${unknown.toString(16)}`);
  return names.length ? names.join(', ') : 'none';
}
