import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { writeEvtx } from '../sample-log-generator/evtx/write-evtx.js';
import { buildScenarioFiles } from '../sample-log-generator/generate-sample-logs.js';
import { toEvtxRecords, type GenEvent } from '../sample-log-generator/gen-event.js';
import type { Scenario } from '../sample-log-generator/scenario-types.js';
import { healthy } from '../sample-log-generator/scenarios/healthy-live-migrations.js';
import { nodes, vm, xeonGold } from '../sample-log-generator/scenarios/building-blocks.js';

/** What writeLargeCollection wrote. */
export interface LargeCollection {
  bytes: number;
  evtxFiles: number;
  evtxRecords: number;
  clusterLogs: number;
  clusterLogLines: number;
  /** Times the scenario's logs were repeated. */
  repetitions: number;
}

/** Four 2016 nodes, healthy migrations between all of them (the healthy scenario, widened). */
export const fourNodeScenario: Scenario = {
  ...healthy,
  folder: 'four-nodes',
  title: 'Four 2016 nodes: migrations between every pair',
  nodes: nodes(4, xeonGold, 'External', 60),
  vms: [
    ...healthy.vms,
    vm('SQL04', '9B17D9FA-3A5C-4E0A-9B6D-7F9B1D3F5779', 'HV03', 'External'),
    vm('APP04', 'AC28EA0B-4B6D-4F1B-8C7E-8A0C2E4A688A', 'HV04', 'External'),
  ],
  timeline: [
    ...healthy.timeline,
    ...(
      [
        ['SQL04', 'HV04'],
        ['APP04', 'HV03'],
        ['SQL04', 'HV01'],
        ['APP04', 'HV04'],
      ] as const
    ).map(([name, to], i) => ({
      at: `2019-01-26T23:${10 + i * 4}:00Z`,
      kind: 'live-migration' as const,
      vm: name,
      to,
      outcome: { result: 'succeeded' as const, durationS: 12 + i, blackoutS: 0.4 },
    })),
  ],
};

const fileHeaderSizeInBytes = 4096;
const maxRecordsPerWrite = 40_000;
const ticksPerMillisecond = 10_000n;

/**
 * Writes a large collection into `folder`: the four-node scenario's `.evtx` files and cluster
 * logs with their events repeated (each repetition shifted later in time, with fresh record
 * numbers) until about `targetBytes` are written, plus its configuration dumps once. Streams
 * to disk, so memory stays flat. For benchmarks and the interruption test.
 */
export function writeLargeCollection(folder: string, targetBytes: number): LargeCollection {
  mkdirSync(folder, { recursive: true });
  const { files, evtxEvents } = buildScenarioFiles(fourNodeScenario);
  // Two short trial runs give the size of one more repetition (fixed overheads cancel out).
  const small = writeRepetitions(folder, files, evtxEvents, 8);
  const trial = writeRepetitions(folder, files, evtxEvents, 16);
  const perRepetition = (trial.bytes - small.bytes) / 8;
  const repetitions = Math.max(1, Math.round(16 + (targetBytes - trial.bytes) / perRepetition));
  return repetitions === 16 ? trial : writeRepetitions(folder, files, evtxEvents, repetitions);
}

function writeRepetitions(
  folder: string,
  files: Map<string, Buffer>,
  evtxEvents: Map<string, GenEvent[]>,
  repetitions: number,
): LargeCollection {
  const spanMs = Date.parse(fourNodeScenario.end) - Date.parse(fourNodeScenario.start) + 3_600_000;
  const result: LargeCollection = {
    bytes: 0,
    evtxFiles: 0,
    evtxRecords: 0,
    clusterLogs: 0,
    clusterLogLines: 0,
    repetitions,
  };
  for (const [name, events] of evtxEvents) {
    const written = writeRepeatedEvtx(join(folder, name), events, repetitions, spanMs);
    result.bytes += written.bytes;
    result.evtxRecords += written.records;
    result.evtxFiles += 1;
  }
  for (const [name, bytes] of files) {
    if (name.endsWith('_cluster.log')) {
      const written = writeRepeatedClusterLog(join(folder, name), bytes, repetitions, spanMs);
      result.bytes += written.bytes;
      result.clusterLogLines += written.lines;
      result.clusterLogs += 1;
    } else if (name.startsWith('Get-') || name.endsWith('.txt')) {
      writeFileSync(join(folder, name), bytes);
      result.bytes += bytes.length;
    }
  }
  return result;
}

function writeRepeatedEvtx(
  path: string,
  events: readonly GenEvent[],
  repetitions: number,
  spanMs: number,
): { bytes: number; records: number } {
  const fd = openSync(path, 'w');
  const header = Buffer.alloc(fileHeaderSizeInBytes);
  writeSync(fd, header);
  let bytes = fileHeaderSizeInBytes;
  let chunks = 0;
  let records = 0;
  const perWrite = Math.max(1, Math.floor(maxRecordsPerWrite / Math.max(1, events.length)));
  try {
    for (let first = 0; first < repetitions; first += perWrite) {
      const batch: GenEvent[] = [];
      for (let r = first; r < Math.min(repetitions, first + perWrite); r++) {
        const shift = BigInt(r * spanMs) * ticksPerMillisecond;
        for (const event of events) {
          batch.push({
            ...event,
            time: event.time + shift,
            recordId: event.recordId + r * events.length,
          });
        }
      }
      const evtxRecords = toEvtxRecords(batch).map((record, i) => ({
        ...record,
        recordId: BigInt(records + i + 1),
      }));
      const written = writeEvtx(evtxRecords);
      if (chunks === 0) written.bytes.copy(header, 0, 0, fileHeaderSizeInBytes);
      const body = written.bytes.subarray(fileHeaderSizeInBytes);
      writeSync(fd, body);
      bytes += body.length;
      chunks += written.layout.chunks.length;
      records += evtxRecords.length;
    }
    // The file header as the EVTX writer lays it out, for the whole file (§1.2).
    header.writeBigUInt64LE(BigInt(chunks - 1), 16);
    header.writeBigUInt64LE(BigInt(records + 1), 24);
    header.writeUInt16LE(Math.min(chunks, 0xffff), 42);
    header.writeUInt32LE(crc32(header.subarray(0, 120)), 124);
    writeSync(fd, header, 0, fileHeaderSizeInBytes, 0);
  } finally {
    closeSync(fd);
  }
  return { bytes, records };
}

const timestampPattern = /::(\d{4})\/(\d{2})\/(\d{2})-(\d{2}):(\d{2}):(\d{2})\.(\d{3})/;

function writeRepeatedClusterLog(
  path: string,
  original: Buffer,
  repetitions: number,
  spanMs: number,
): { bytes: number; lines: number } {
  const utf16 = original[0] === 0xff && original[1] === 0xfe;
  const text = utf16 ? original.subarray(2).toString('utf16le') : original.toString('utf8');
  const allLines = text.split('\r\n');
  if (allLines.at(-1) === '') allLines.pop();
  const logStart = allLines.indexOf('[=== Cluster Logs ===]') + 1;
  const head = allLines.slice(0, logStart);
  const body = allLines.slice(logStart).map((line) => {
    const match = timestampPattern.exec(line);
    if (!match) return { line, at: -1, ms: 0 };
    const [, y, mo, d, h, mi, s, ms] = match.map(Number) as number[];
    return {
      line,
      at: match.index,
      ms: Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0, ms ?? 0),
    };
  });
  const encode = (value: string) => Buffer.from(value, utf16 ? 'utf16le' : 'utf8');
  const fd = openSync(path, 'w');
  let bytes = 0;
  const write = (buffer: Buffer) => {
    writeSync(fd, buffer);
    bytes += buffer.length;
  };
  try {
    if (utf16) write(Buffer.from([0xff, 0xfe]));
    write(encode(head.map((line) => `${line}\r\n`).join('')));
    for (let r = 0; r < repetitions; r++) {
      const shift = r * spanMs;
      const out = body.map(({ line, at, ms }) =>
        at < 0 ? line : line.slice(0, at) + formatStamp(ms + shift) + line.slice(at + 25),
      );
      write(encode(out.map((line) => `${line}\r\n`).join('')));
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, lines: body.length * repetitions };
}

/** `::2019/01/26-22:10:00.123` for a UTC millisecond count. */
function formatStamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `::${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}-${iso.slice(11, 23)}`;
}
