import { crc32 } from './crc32.js';
import { chunkHeaderSizeInBytes, chunkSizeInBytes } from './limits.js';

/** Chunk header fields (evtx-format.md §1.3) and the checksum results. */
export interface ChunkHeader {
  firstRecordNumber: bigint;
  lastRecordNumber: bigint;
  firstRecordId: bigint;
  lastRecordId: bigint;
  headerSize: number;
  lastRecordOffset: number;
  freeSpaceOffset: number;
  flags: number;
  headerCrcOk: boolean;
  dataCrcOk: boolean;
}

export const chunkFlags = { dirty: 0x1, noCrc: 0x4 } as const;

/** What a 64 KiB block holds: a chunk, nothing (all zeros) or something else. Pure. */
export function classifyBlock(chunk: Uint8Array): 'chunk' | 'empty' | 'junk' {
  if (
    chunk[0] === 0x45 &&
    chunk[1] === 0x6c &&
    chunk[2] === 0x66 &&
    chunk[3] === 0x43 &&
    chunk[4] === 0x68 &&
    chunk[5] === 0x6e &&
    chunk[6] === 0x6b &&
    chunk[7] === 0x00
  ) {
    return 'chunk';
  }
  for (let i = 0; i < chunk.length; i += 8) {
    if (chunk[i] || chunk[i + 1] || chunk[i + 2] || chunk[i + 3]) return 'junk';
    if (chunk[i + 4] || chunk[i + 5] || chunk[i + 6] || chunk[i + 7]) return 'junk';
  }
  return 'empty';
}

/**
 * Reads a chunk header and verifies both CRCs (header: bytes 0–119 and 128–511; data: 512 up
 * to the free-space offset). Pure. The caller has checked the magic.
 */
export function readChunkHeader(chunk: Uint8Array): ChunkHeader {
  const view = new DataView(chunk.buffer, chunk.byteOffset, chunkHeaderSizeInBytes);
  const freeSpaceOffset = view.getUint32(48, true);
  const headerCrc = crc32(chunk, 128, chunkHeaderSizeInBytes, crc32(chunk, 0, 120));
  const dataEnd = Math.min(Math.max(freeSpaceOffset, chunkHeaderSizeInBytes), chunkSizeInBytes);
  const dataCrc = crc32(chunk, chunkHeaderSizeInBytes, dataEnd);
  return {
    firstRecordNumber: view.getBigUint64(8, true),
    lastRecordNumber: view.getBigUint64(16, true),
    firstRecordId: view.getBigUint64(24, true),
    lastRecordId: view.getBigUint64(32, true),
    headerSize: view.getUint32(40, true),
    lastRecordOffset: view.getUint32(44, true),
    freeSpaceOffset,
    flags: view.getUint32(120, true),
    headerCrcOk: headerCrc === view.getUint32(124, true),
    dataCrcOk: freeSpaceOffset <= chunkSizeInBytes && dataCrc === view.getUint32(52, true),
  };
}
