/**
 * The EVTX file writer: file header, 64 KiB chunks with their string and template tables and
 * CRC-32 checksums, and records (evtx-format.md §1.1–§1.6). Deterministic: the same records give
 * the same bytes.
 */
import { crc32 } from 'node:zlib';
import {
  encodeRecordBinXml,
  templateIdentity,
  type ChunkDictionaries,
  type TemplateElement,
  type TemplateIdentity,
} from './binxml.js';
import type { EvtxValue } from './values.js';

export const fileHeaderSizeInBytes = 4096;
export const chunkSizeInBytes = 65536;
const chunkHeaderSizeInBytes = 512;
const recordOverheadInBytes = 28;

/** One event record: header fields and the template instance that renders it. */
export interface EvtxRecord {
  recordId: bigint;
  /** FILETIME of the record header (time written). */
  written: bigint;
  template: TemplateElement;
  values: EvtxValue[];
}

/** Where each record landed, for tests and for damage injection. */
export interface EvtxLayout {
  chunks: { firstRecordId: bigint; lastRecordId: bigint; records: number }[];
}

interface OpenChunk {
  buf: Buffer;
  pos: number;
  lastRecordPos: number;
  dict: ChunkDictionaries;
  nameBuckets: number[];
  templateBuckets: number[];
  firstId: bigint | null;
  lastId: bigint;
  count: number;
}

function newChunk(): OpenChunk {
  return {
    buf: Buffer.alloc(chunkSizeInBytes),
    pos: chunkHeaderSizeInBytes,
    lastRecordPos: chunkHeaderSizeInBytes,
    dict: { names: new Map(), templates: new Map() },
    nameBuckets: new Array<number>(64).fill(0),
    templateBuckets: new Array<number>(32).fill(0),
    firstId: null,
    lastId: 0n,
    count: 0,
  };
}

/** Tries to append a record; returns false (chunk unchanged) when it does not fit. */
function appendRecord(chunk: OpenChunk, record: EvtxRecord, identity: TemplateIdentity): boolean {
  const { bytes, added } = encodeRecordBinXml(
    chunk.pos + 24,
    chunk.dict,
    record.template,
    identity,
    record.values,
  );
  const size = recordOverheadInBytes + bytes.length;
  if (chunk.pos + size > chunkSizeInBytes) return false;
  const at = chunk.pos;
  const b = chunk.buf;
  b.writeUInt32LE(0x00002a2a, at);
  b.writeUInt32LE(size, at + 4);
  b.writeBigUInt64LE(record.recordId, at + 8);
  b.writeBigUInt64LE(record.written, at + 16);
  bytes.copy(b, at + 24);
  b.writeUInt32LE(size, at + size - 4);
  for (const n of added.names) {
    const bucket = b.readUInt16LE(n.offset + 4) % 64;
    b.writeUInt32LE(chunk.nameBuckets[bucket] ?? 0, n.offset);
    chunk.nameBuckets[bucket] = n.offset;
    chunk.dict.names.set(n.name, n.offset);
  }
  for (const t of added.templates) {
    const bucket = t.templateId % 32;
    b.writeUInt32LE(chunk.templateBuckets[bucket] ?? 0, t.offset);
    chunk.templateBuckets[bucket] = t.offset;
    chunk.dict.templates.set(t.key, t.offset);
  }
  chunk.lastRecordPos = at;
  chunk.pos = at + size;
  chunk.firstId ??= record.recordId;
  chunk.lastId = record.recordId;
  chunk.count += 1;
  return true;
}

/** Writes the chunk header and both checksums (§1.3). */
function sealChunk(chunk: OpenChunk): Buffer {
  const b = chunk.buf;
  const first = chunk.firstId ?? 0n;
  b.write('ElfChnk\0', 0, 'latin1');
  b.writeBigUInt64LE(first, 8);
  b.writeBigUInt64LE(chunk.lastId, 16);
  b.writeBigUInt64LE(first, 24);
  b.writeBigUInt64LE(chunk.lastId, 32);
  b.writeUInt32LE(128, 40);
  b.writeUInt32LE(chunk.lastRecordPos, 44);
  b.writeUInt32LE(chunk.pos, 48);
  chunk.nameBuckets.forEach((off, i) => b.writeUInt32LE(off, 128 + 4 * i));
  chunk.templateBuckets.forEach((off, i) => b.writeUInt32LE(off, 384 + 4 * i));
  b.writeUInt32LE(crc32(b.subarray(chunkHeaderSizeInBytes, chunk.pos)), 52);
  b.writeUInt32LE(0, 120);
  b.writeUInt32LE(headerCrc(b), 124);
  return b;
}

/** CRC-32 of chunk header bytes 0–119 followed by 128–511. */
export function headerCrc(chunk: Buffer): number {
  return crc32(
    Buffer.concat([chunk.subarray(0, 120), chunk.subarray(128, chunkHeaderSizeInBytes)]),
  );
}

/** Recomputes a chunk's data CRC after its records were changed (damage injection). */
export function resealChunkDataCrc(file: Buffer, chunkIndex: number): void {
  const at = fileHeaderSizeInBytes + chunkIndex * chunkSizeInBytes;
  const chunk = file.subarray(at, at + chunkSizeInBytes);
  chunk.writeUInt32LE(crc32(chunk.subarray(chunkHeaderSizeInBytes, chunk.readUInt32LE(48))), 52);
  chunk.writeUInt32LE(headerCrc(chunk), 124);
}

/**
 * Records → the bytes of an `.evtx` file. Records are packed into chunks in order; a record that
 * does not fit starts a new chunk, which defines its names and templates again. Pure.
 */
export function writeEvtx(records: readonly EvtxRecord[]): { bytes: Buffer; layout: EvtxLayout } {
  const identities = new Map<TemplateElement, TemplateIdentity>();
  const sealed: Buffer[] = [];
  const layout: EvtxLayout = { chunks: [] };
  let chunk = newChunk();
  const close = () => {
    sealed.push(sealChunk(chunk));
    layout.chunks.push({
      firstRecordId: chunk.firstId ?? 0n,
      lastRecordId: chunk.lastId,
      records: chunk.count,
    });
  };
  for (const record of records) {
    let identity = identities.get(record.template);
    if (!identity) {
      identity = templateIdentity(record.template);
      identities.set(record.template, identity);
    }
    if (appendRecord(chunk, record, identity)) continue;
    if (chunk.count === 0)
      throw new Error(`record ${record.recordId} does not fit in an empty chunk`);
    close();
    chunk = newChunk();
    if (!appendRecord(chunk, record, identity)) {
      throw new Error(`record ${record.recordId} does not fit in an empty chunk`);
    }
  }
  if (chunk.count > 0 || sealed.length === 0) close();

  const header = Buffer.alloc(fileHeaderSizeInBytes);
  const lastId = layout.chunks.at(-1)?.lastRecordId ?? 0n;
  header.write('ElfFile\0', 0, 'latin1');
  header.writeBigUInt64LE(0n, 8);
  header.writeBigUInt64LE(BigInt(sealed.length - 1), 16);
  header.writeBigUInt64LE(lastId + 1n, 24);
  header.writeUInt32LE(128, 32);
  header.writeUInt16LE(1, 36);
  header.writeUInt16LE(3, 38);
  header.writeUInt16LE(fileHeaderSizeInBytes, 40);
  header.writeUInt16LE(sealed.length, 42);
  header.writeUInt32LE(0, 120);
  header.writeUInt32LE(crc32(header.subarray(0, 120)), 124);
  return { bytes: Buffer.concat([header, ...sealed]), layout };
}
