import { describeFileFlags, type FileHeader } from './binary/file-header.js';
import { chunkSizeInBytes } from './binary/limits.js';
import { describeProblemLocation, scanEvtxFile, type ChunkSummary } from './binary/scan-evtx.js';

/** What `lmdoctor evtx info` reports about a file (libevtx `evtxinfo` and more). */
export interface EvtxInfo {
  path: string;
  fileSize: number;
  version: string;
  header: {
    firstChunkNumber: string;
    lastChunkNumber: string;
    nextRecordId: string;
    headerSize: number;
    headerBlockSize: number;
    flags: number;
    flagNames: string;
    crcOk: boolean;
    storedCrc: string;
    computedCrc: string;
  };
  chunks: {
    declared: number;
    blocks: number;
    valid: number;
    empty: number;
    withoutSignature: number;
    headerCrcFailures: number;
    dataCrcFailures: number;
  };
  records: { allocated: number; undecodable: number; recoverable: number; decoded: number };
  perChunk: {
    index: number;
    fileOffset: number;
    firstRecordId: string;
    lastRecordId: string;
    records: number;
    recoverable: number;
    undecodable: number;
    headerCrcOk: boolean;
    dataCrcOk: boolean;
    flags: number;
  }[];
  damage: { location: string; message: string }[];
}

const hex32 = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;

function headerInfo(header: FileHeader): EvtxInfo['header'] {
  return {
    firstChunkNumber: String(header.firstChunkNumber),
    lastChunkNumber: String(header.lastChunkNumber),
    nextRecordId: String(header.nextRecordId),
    headerSize: header.headerSize,
    headerBlockSize: header.headerBlockSize,
    flags: header.flags,
    flagNames: describeFileFlags(header.flags),
    crcOk: header.storedCrc === header.computedCrc,
    storedCrc: hex32(header.storedCrc),
    computedCrc: hex32(header.computedCrc),
  };
}

/** Scans a whole EVTX file (decoding every record) and summarises it. Throws when not EVTX. */
export function collectEvtxInfo(path: string): EvtxInfo {
  const chunks: ChunkSummary[] = [];
  const damage: EvtxInfo['damage'] = [];
  let decoded = 0;
  const result = scanEvtxFile(path, {
    onRecord: () => decoded++,
    onProblem: (problem) =>
      damage.push({ location: describeProblemLocation(problem), message: problem.message }),
    onChunk: (chunk) => chunks.push(chunk),
  });
  const valid = chunks.filter((c) => c.kind === 'chunk');
  const sum = (pick: (c: ChunkSummary) => number) => valid.reduce((total, c) => total + pick(c), 0);
  return {
    path,
    fileSize: result.fileSize,
    version: `${result.header.majorVersion}.${result.header.minorVersion}`,
    header: headerInfo(result.header),
    chunks: {
      declared: result.header.declaredChunkCount,
      blocks: result.blocks,
      valid: valid.length,
      empty: chunks.filter((c) => c.kind === 'empty').length,
      withoutSignature: chunks.filter((c) => c.kind === 'junk').length,
      headerCrcFailures: valid.filter(
        (c) => c.header && !c.header.headerCrcOk && !(c.header.flags & 0x4),
      ).length,
      dataCrcFailures: valid.filter(
        (c) => c.header && !c.header.dataCrcOk && !(c.header.flags & 0x4),
      ).length,
    },
    records: {
      allocated: sum((c) => c.records),
      undecodable: sum((c) => c.damagedRecords),
      recoverable: sum((c) => c.recoverable),
      decoded,
    },
    perChunk: valid.map((c) => ({
      index: c.index,
      fileOffset: c.fileOffset,
      firstRecordId: String(c.header?.firstRecordId ?? ''),
      lastRecordId: String(c.header?.lastRecordId ?? ''),
      records: c.records,
      recoverable: c.recoverable,
      undecodable: c.damagedRecords,
      headerCrcOk: c.header?.headerCrcOk ?? false,
      dataCrcOk: c.header?.dataCrcOk ?? false,
      flags: c.header?.flags ?? 0,
    })),
    damage,
  };
}

/** A chunk CRC result; chunks flagged 0x4 keep no CRCs, so theirs are not checked. */
function crcText(ok: boolean, flags: number): string {
  if (ok) return 'ok';
  return flags & 0x4 ? 'n/a' : 'BAD';
}

/** The info as text for a terminal. Pure. */
export function formatEvtxInfo(info: EvtxInfo): string {
  const h = info.header;
  const c = info.chunks;
  const r = info.records;
  const lines = [
    `File:                ${info.path}`,
    `Size:                ${info.fileSize} bytes (${Math.floor(Math.max(0, info.fileSize - 4096) / chunkSizeInBytes)} chunk-sized blocks)`,
    `Format version:      ${info.version}`,
    `Flags:               ${h.flagNames} (0x${h.flags.toString(16)})`,
    `Header CRC-32:       ${h.crcOk ? 'ok' : `${h.flags & 0x4 ? 'not kept (no-CRC flag)' : 'MISMATCH'}: stored ${h.storedCrc}, computed ${h.computedCrc}`}`,
    `First/last chunk:    ${h.firstChunkNumber} / ${h.lastChunkNumber}`,
    `Next record id:      ${h.nextRecordId}`,
    `Chunks:              ${c.valid} found, ${c.declared} declared in the header` +
      (c.empty || c.withoutSignature
        ? `; ${c.empty} empty blocks, ${c.withoutSignature} blocks without signature`
        : ''),
    `Chunk CRC-32:        ${c.headerCrcFailures} header and ${c.dataCrcFailures} data mismatches`,
    `Records:             ${r.allocated} allocated, ${r.decoded} decoded, ${r.undecodable} undecodable`,
    `Recoverable records: ${r.recoverable} (intact records after damage; read with evtx dump --recover)`,
    '',
    'Chunk  File offset  Record ids                 Records  Header CRC  Data CRC  Flags',
  ];
  for (const chunk of info.perChunk) {
    lines.push(
      [
        String(chunk.index).padStart(5),
        `0x${chunk.fileOffset.toString(16)}`.padStart(11),
        `${chunk.firstRecordId}-${chunk.lastRecordId}`.padEnd(25),
        String(chunk.records).padStart(8),
        crcText(chunk.headerCrcOk, chunk.flags).padStart(11),
        crcText(chunk.dataCrcOk, chunk.flags).padStart(9),
        `0x${chunk.flags.toString(16)}`.padStart(6),
      ].join('  '),
    );
  }
  lines.push('', info.damage.length ? 'Damaged spots:' : 'Damaged spots:       none');
  for (const spot of info.damage) lines.push(`  ${spot.location}: ${spot.message}`);
  return `${lines.join('\n')}\n`;
}
