import type { ChunkHeader } from './chunk-header.js';
import { chunkHeaderSizeInBytes, chunkSizeInBytes, minRecordSizeInBytes } from './limits.js';

/** Where a record lies in its chunk. */
export interface RecordSlot {
  /** Chunk offset of the record header. */
  offset: number;
  /** Size of the whole record (header, BinXML and trailing size copy). */
  size: number;
}

function u32(b: Uint8Array, at: number): number {
  return (
    ((b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16)) +
    (b[at + 3] as number) * 0x1000000
  );
}

/** True when a well-formed record header (magic, sane size, matching trailing copy) sits at `at`. */
function isRecordAt(chunk: Uint8Array, at: number): boolean {
  if (chunk[at] !== 0x2a || chunk[at + 1] !== 0x2a || chunk[at + 2] !== 0 || chunk[at + 3] !== 0)
    return false;
  const size = u32(chunk, at + 4);
  return (
    size >= minRecordSizeInBytes &&
    at + size <= chunkSizeInBytes &&
    u32(chunk, at + size - 4) === size
  );
}

/** The records of a chunk: allocated ones, and those recoverable after damage. */
export interface ChunkRecords {
  allocated: RecordSlot[];
  /** Intact records after a damaged one whose identifiers belong to this chunk (not yet seen). */
  recoverable: RecordSlot[];
}

function recordId(chunk: Uint8Array, at: number): number {
  return u32(chunk, at + 8) + u32(chunk, at + 12) * 4294967296;
}

/**
 * The records of a chunk (evtx-format.md §1.6, §1.14). Allocated records: walk from offset 512
 * by each record's size up to the free-space offset; an all-zero signature is the ordinary end.
 * A damaged record (bad signature, impossible size, size ≠ trailing copy) is reported and ends
 * the walk, as libevtx and the other references do. The rest of the record area is then searched
 * for intact records whose identifiers lie in the chunk's range and follow the last one read:
 * those are `recoverable` (slack often holds stale copies from elsewhere, which this excludes).
 * Pure apart from `onDamage`.
 */
export function findRecords(
  chunk: Uint8Array,
  header: ChunkHeader,
  onDamage: (chunkOffset: number, message: string) => void,
): ChunkRecords {
  const allocated: RecordSlot[] = [];
  const recoverable: RecordSlot[] = [];
  let limit = header.freeSpaceOffset;
  if (limit < chunkHeaderSizeInBytes || limit > chunkSizeInBytes) {
    onDamage(48, `free-space offset ${limit} is outside the chunk; reading up to the end`);
    limit = chunkSizeInBytes;
  }
  let at = chunkHeaderSizeInBytes;
  while (at + minRecordSizeInBytes <= limit) {
    if (!isRecordAt(chunk, at)) {
      if (u32(chunk, at) === 0 && u32(chunk, at + 4) === 0) break; // ordinary end of the records
      onDamage(at, `${describeBadRecord(chunk, at)}; the rest of the chunk is not read`);
      break;
    }
    const size = u32(chunk, at + 4);
    allocated.push({ offset: at, size });
    at += size;
  }
  if (at + minRecordSizeInBytes > limit || (u32(chunk, at) === 0 && u32(chunk, at + 4) === 0)) {
    return { allocated, recoverable };
  }
  const first = Number(header.firstRecordId);
  const last = Number(header.lastRecordId);
  const previous = allocated[allocated.length - 1];
  let lastId = previous ? recordId(chunk, previous.offset) : first - 1;
  for (let probe = at + 1; probe + minRecordSizeInBytes <= limit; probe++) {
    if (chunk[probe] !== 0x2a || !isRecordAt(chunk, probe)) continue;
    const id = recordId(chunk, probe);
    if (id <= lastId || id < first || id > last) continue;
    const size = u32(chunk, probe + 4);
    recoverable.push({ offset: probe, size });
    lastId = id;
    probe += size - 1;
  }
  return { allocated, recoverable };
}
function describeBadRecord(chunk: Uint8Array, at: number): string {
  if (chunk[at] !== 0x2a || chunk[at + 1] !== 0x2a || chunk[at + 2] !== 0 || chunk[at + 3] !== 0) {
    return 'no record signature where a record should start';
  }
  const size = u32(chunk, at + 4);
  if (size < minRecordSizeInBytes) return `record size ${size} is too small`;
  if (at + size > chunkSizeInBytes) return `record size ${size} runs past the end of the chunk`;
  return `record size ${size} differs from its trailing copy ${u32(chunk, at + size - 4)}`;
}
