import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ContentNode } from './binxml-nodes.js';
import { ChunkDecoder } from './chunk-decoder.js';
import { classifyBlock, readChunkHeader, type ChunkHeader } from './chunk-header.js';
import { findRecords } from './chunk-records.js';
import { readFileHeader, type FileHeader } from './file-header.js';
import {
  chunkSizeInBytes,
  EvtxDamage,
  fileHeaderSizeInBytes,
  recordHeaderSizeInBytes,
} from './limits.js';
import { TemplateCache } from './template-cache.js';

/** Damage found while scanning: where (file, chunk index, chunk offset) and what. */
export interface EvtxProblem {
  /** Index of the 64 KiB block (chunk) from the start of the chunk area; null for the file header. */
  chunkIndex: number | null;
  /** File offset of that chunk (or 0). */
  chunkFileOffset: number;
  /** Chunk offset of the damage, when inside a chunk. */
  chunkOffset: number | null;
  message: string;
}

/** One block of the file, as found. */
export interface ChunkSummary {
  index: number;
  fileOffset: number;
  kind: 'chunk' | 'empty' | 'junk';
  header: ChunkHeader | null;
  /** Records found by the chunk walk. */
  records: number;
  /** Intact records found after damage (read only when recovering). */
  recoverable: number;
  /** Records found but not decodable. */
  damagedRecords: number;
}

/** A decoded record handed to `onRecord`; valid only during the call. */
export interface EvtxRecord {
  chunkIndex: number;
  chunkFileOffset: number;
  /** Chunk offset of the record header. */
  offset: number;
  /** Identifier from the record header (not necessarily `<EventRecordID>`); exact below 2^53. */
  recordId: number;
  decoder: ChunkDecoder;
  nodes: ContentNode[];
}

export interface ScanHandlers {
  onRecord(record: EvtxRecord): void;
  onProblem(problem: EvtxProblem): void;
  onChunk?(chunk: ChunkSummary): void;
}

function u32(b: Uint8Array, at: number): number {
  return (
    ((b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16)) +
    (b[at + 3] as number) * 0x1000000
  );
}

/** Human-readable place of a problem, e.g. `chunk 3 (file offset 0x31000), chunk offset 0x200`. */
export function describeProblemLocation(problem: EvtxProblem): string {
  if (problem.chunkIndex === null) return 'file header';
  const chunk = `chunk ${problem.chunkIndex} (file offset 0x${problem.chunkFileOffset.toString(16)})`;
  return problem.chunkOffset === null
    ? chunk
    : `${chunk}, chunk offset 0x${problem.chunkOffset.toString(16)}`;
}

/**
 * What is wrong with a record that threw `error` while decoded or rendered, or null when the
 * error is not about the record. Crafted nesting that exhausts the stack despite the limits
 * (a RangeError) is damage of that record like any other.
 */
function asDamage(error: unknown): string | null {
  if (error instanceof EvtxDamage) return error.message;
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return 'BinXML nested too deeply (stack exhausted)';
  return null;
}

/**
 * Decodes the records of one chunk (a 64 KiB block already known to carry the chunk magic).
 * Damaged records are reported and skipped; `onRecord` errors of type EvtxDamage count as
 * damage too. Returns the summary. Pure apart from the callbacks.
 */
export function scanChunk(
  chunk: Uint8Array,
  index: number,
  fileOffset: number,
  cache: TemplateCache,
  handlers: ScanHandlers,
  recover = false,
): ChunkSummary {
  const header = readChunkHeader(chunk);
  const report = (chunkOffset: number | null, message: string) =>
    handlers.onProblem({ chunkIndex: index, chunkFileOffset: fileOffset, chunkOffset, message });
  if (!header.headerCrcOk && !(header.flags & 0x4))
    report(124, 'chunk header CRC-32 does not match (records read anyway)');
  if (!header.dataCrcOk && !(header.flags & 0x4))
    report(52, 'chunk data CRC-32 does not match (records read anyway)');
  const found = findRecords(chunk, header, report);
  if (found.recoverable.length > 0) {
    report(
      found.recoverable[0]?.offset ?? null,
      `${found.recoverable.length} intact records of this chunk lie after the damage` +
        (recover ? ' (recovered)' : ' (not read; `evtx dump --recover` reads them)'),
    );
  }
  const slots = recover ? [...found.allocated, ...found.recoverable] : found.allocated;
  const decoder = new ChunkDecoder(chunk, cache);
  let damagedRecords = 0;
  for (const slot of slots) {
    try {
      const nodes = decoder.decodeFragments(
        slot.offset + recordHeaderSizeInBytes,
        slot.offset + slot.size - 4,
        0,
      );
      handlers.onRecord({
        chunkIndex: index,
        chunkFileOffset: fileOffset,
        offset: slot.offset,
        recordId: u32(chunk, slot.offset + 8) + u32(chunk, slot.offset + 12) * 4294967296,
        decoder,
        nodes,
      });
    } catch (error) {
      const damage = asDamage(error);
      if (damage === null) throw error;
      damagedRecords++;
      report(slot.offset, `record skipped: ${damage}`);
    }
  }
  return {
    index,
    fileOffset,
    kind: 'chunk',
    header,
    records: found.allocated.length,
    recoverable: found.recoverable.length,
    damagedRecords,
  };
}

/** What `scanEvtxFile` found in the file as a whole. */
export interface FileScanResult {
  header: FileHeader;
  fileSize: number;
  /** 64 KiB blocks after the file header (whole ones only). */
  blocks: number;
}

export interface ScanOptions {
  cache?: TemplateCache;
  /** Read only blocks `[firstBlock, endBlock)` (workers split a file this way). */
  firstBlock?: number;
  endBlock?: number;
  /** Also decode intact records found after damage inside a chunk (libevtx `-m all`). */
  recover?: boolean;
}

/** Chunks read from disk per `readSync` call. */
const chunksPerRead = 16;

/**
 * Reads and checks the file header of an open file; reports a CRC mismatch. Throws EvtxDamage
 * when the file is not EVTX.
 */
export function readEvtxHeader(fd: number, onProblem: (problem: EvtxProblem) => void): FileHeader {
  const headBytes = new Uint8Array(fileHeaderSizeInBytes);
  const headLength = readSync(fd, headBytes, 0, fileHeaderSizeInBytes, 0);
  const header = readFileHeader(headBytes.subarray(0, headLength));
  if (!header) throw new EvtxDamage('not an EVTX file (no ElfFile signature)', 0);
  if (header.storedCrc !== header.computedCrc && !(header.flags & 0x4)) {
    onProblem({
      chunkIndex: null,
      chunkFileOffset: 0,
      chunkOffset: null,
      message: 'file header CRC-32 does not match',
    });
  }
  return header;
}

/** Decodes one 64 KiB block: a chunk's records, nothing for zeros, a problem for junk. */
export function scanBlock(
  block: Uint8Array,
  index: number,
  cache: TemplateCache,
  handlers: ScanHandlers,
  recover = false,
): ChunkSummary {
  const fileOffset = fileHeaderSizeInBytes + index * chunkSizeInBytes;
  const kind = classifyBlock(block);
  if (kind === 'chunk') return scanChunk(block, index, fileOffset, cache, handlers, recover);
  if (kind === 'junk') {
    handlers.onProblem({
      chunkIndex: index,
      chunkFileOffset: fileOffset,
      chunkOffset: 0,
      message: 'block has no chunk signature (skipped)',
    });
  }
  return { index, fileOffset, kind, header: null, records: 0, recoverable: 0, damagedRecords: 0 };
}

/**
 * Reads an EVTX file block by block, up to the end of the file whatever the header says
 * (evtx-format.md §1.14), holding at most `chunksPerRead` chunks in memory. Throws only when
 * the file has no EVTX header.
 */
export function scanEvtxFile(
  path: string,
  handlers: ScanHandlers,
  options: ScanOptions = {},
): FileScanResult {
  const cache = options.cache ?? new TemplateCache();
  const fd = openSync(path, 'r');
  try {
    const header = readEvtxHeader(fd, handlers.onProblem);
    const fileSize = fstatSync(fd).size;
    const blocks = Math.floor(Math.max(0, fileSize - fileHeaderSizeInBytes) / chunkSizeInBytes);
    const end = Math.min(blocks, options.endBlock ?? blocks);
    const buffer = Buffer.alloc(chunkSizeInBytes * chunksPerRead);
    for (let index = options.firstBlock ?? 0; index < end;) {
      const count = Math.min(chunksPerRead, end - index);
      const length = readSync(
        fd,
        buffer,
        0,
        count * chunkSizeInBytes,
        fileHeaderSizeInBytes + index * chunkSizeInBytes,
      );
      const whole = Math.floor(length / chunkSizeInBytes);
      for (let i = 0; i < whole; i++, index++) {
        const block = buffer.subarray(i * chunkSizeInBytes, (i + 1) * chunkSizeInBytes);
        const summary = scanBlock(block, index, cache, handlers, options.recover);
        handlers.onChunk?.(summary);
      }
      if (whole < count) break; // the file shrank while being read
    }
    if (end === blocks) {
      const tail = scanTruncatedTail(fd, fileSize, blocks, cache, handlers, options.recover);
      if (tail) handlers.onChunk?.(tail);
    }
    return { header, fileSize, blocks };
  } finally {
    closeSync(fd);
  }
}

/**
 * `scanEvtxFile` into a record handler that gathers output (`records`: see xml-chunks.ts): a
 * problem first passes on what was gathered before it, so damage reports stay next to the
 * records around them; at the end the rest is passed on.
 */
export function scanEvtxFileInto(
  path: string,
  records: { onRecord(record: EvtxRecord): void; flush(): void },
  onProblem: (problem: EvtxProblem) => void,
  options: ScanOptions & { onChunk?(chunk: ChunkSummary): void } = {},
): FileScanResult {
  const result = scanEvtxFile(
    path,
    {
      onRecord: records.onRecord,
      onProblem: (problem) => {
        records.flush();
        onProblem(problem);
      },
      ...(options.onChunk ? { onChunk: options.onChunk } : {}),
    },
    options,
  );
  records.flush();
  return result;
}

/**
 * Bytes after the last whole chunk are not part of the log (evtx-format.md §1.1), except when
 * they start with a chunk signature: then the file was cut inside a chunk (a half-copied log),
 * which is reported, and the records complete before the cut are read from the chunk padded
 * with zeros. Returns that chunk's summary, or null when there is no such partial chunk.
 */
export function scanTruncatedTail(
  fd: number,
  fileSize: number,
  blocks: number,
  cache: TemplateCache,
  handlers: ScanHandlers,
  recover = false,
): ChunkSummary | null {
  const fileOffset = fileHeaderSizeInBytes + blocks * chunkSizeInBytes;
  if (fileSize <= fileOffset) return null;
  const block = new Uint8Array(chunkSizeInBytes);
  const length = readSync(
    fd,
    block,
    0,
    Math.min(fileSize - fileOffset, chunkSizeInBytes),
    fileOffset,
  );
  if (classifyBlock(block) !== 'chunk') return null;
  handlers.onProblem({
    chunkIndex: blocks,
    chunkFileOffset: fileOffset,
    chunkOffset: length,
    message: `the file ends ${length} bytes into this chunk (cut short); records complete before the cut are read`,
  });
  return scanBlock(block, blocks, cache, handlers, recover);
}
