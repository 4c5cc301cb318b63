import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ParseError, UserError } from '../../src/errors.js';
import { expandArchive } from '../../src/readers/archive/expand-archive.js';
import { removeExtractionFolders, type ZipLimits } from '../../src/readers/archive/extract-zip.js';
import { clusterLogReader } from '../../src/readers/cluster-log/cluster-log-reader.js';
import { configReader } from '../../src/readers/config/config-reader.js';
import { evtxReader } from '../../src/readers/evtx/evtx-reader.js';
import { EvtxDamage } from '../../src/readers/evtx/binary/limits.js';
import { compileQueryList } from '../../src/readers/query-list/compile-query-list.js';
import type { Reader, ReadWarning, RecordSink } from '../../src/readers/reader.js';
import { pickReader } from '../../src/readers/registry.js';
import { writeQueryRows } from '../../src/cli/query-rows.js';
import { openStore, type Store } from '../../src/store/open-database.js';
import { xmlExportReader } from '../../src/readers/xml-export/read-xml-export.js';

/** The formats the fuzzer feeds. */
export const fuzzTargetNames = [
  'evtx',
  'xml-export',
  'cluster-log',
  'config',
  'query-list',
  'zip',
  'query',
] as const;
export type FuzzTargetName = (typeof fuzzTargetNames)[number];

/**
 * What one input did. `refused` names the typed error (ParseError, UserError, EvtxDamage) for a
 * file that cannot be read at all, or `not-sniffed` when ingest would not hand it to the reader.
 */
export interface FuzzOutcome {
  records: number;
  warnings: number;
  /** Distinct warning messages with numbers blanked: a cheap stand-in for coverage. */
  signature: string;
  refused: string | null;
}

/** Small caps for fuzzed archives, so a mutated size field cannot fill the disk. */
const fuzzZipLimits: ZipLimits = { maxEntries: 64, maxTotalBytes: 8 * 1024 * 1024, maxDepth: 2 };

/** File names the readers see (some sniff by name as well as by content). */
const fileNames: Record<FuzzTargetName, string> = {
  evtx: 'fuzz.evtx',
  'xml-export': 'fuzz.xml',
  'cluster-log': 'fuzz_cluster.log',
  config: 'Get-ClusterNetwork.txt',
  'query-list': 'query.xml',
  zip: 'bundle.zip',
  query: 'query.sql',
};

const fileReaders: Partial<Record<FuzzTargetName, Reader>> = {
  evtx: evtxReader,
  'xml-export': xmlExportReader,
  'cluster-log': clusterLogReader,
  config: configReader,
};

class CountingSink implements RecordSink {
  records = 0;
  warnings = 0;
  readonly messages = new Set<string>();
  event(): void {
    this.records += 1;
  }
  clusterLogLine(): void {
    this.records += 1;
  }
  configRow(): void {
    this.records += 1;
  }
  warning(warning: ReadWarning): void {
    this.warnings += 1;
    if (typeof warning.message !== 'string' || typeof warning.location !== 'string') {
      throw new Error('warning without a message or location');
    }
    if (this.messages.size < 64) this.messages.add(warning.message.replace(/\d+/g, '#'));
  }
  progress(): void {}
}

/**
 * Feeds one input to one target the way ingest does: written to `folder`, sniffed, read into a
 * sink. Resolves with what came out; a typed error (ParseError, UserError) for a file that
 * cannot be read at all is an outcome, anything else thrown is a bug and propagates.
 */
export async function runFuzzTarget(
  target: FuzzTargetName,
  input: Uint8Array,
  folder: string,
): Promise<FuzzOutcome> {
  const path = join(folder, fileNames[target]);
  await writeFile(path, input);
  const sink = new CountingSink();
  let refused: string | null = null;
  try {
    await feed(target, path, input, sink);
  } catch (error) {
    if (error instanceof NotSniffed) refused = 'not-sniffed';
    else if (isTyped(error)) refused = error.name;
    else throw error;
  } finally {
    if (target === 'zip') await removeExtractionFolders();
  }
  const signature = [...sink.messages].sort().join('|') + (refused ? `|refused:${refused}` : '');
  return { records: sink.records, warnings: sink.warnings, signature, refused };
}

class NotSniffed extends Error {}

/** An in-memory case with a few rows, shared by the `query` inputs of one process. */
let queryStore: Store | null = null;

/** Output chunks (64 KiB) each format may write per input: an endless query stops here. */
const maxQueryChunks = 50;
const stopQuery = new Error('enough rows');

/**
 * Runs fuzzed SQL as `lmdoctor query` does (refusal, then rows in every format); returns the
 * output chunks written. The store must come out unchanged: a query that changed it is a bug.
 */
function runFuzzQuery(sql: string): number {
  if (queryStore === null) {
    queryStore = openStore(':memory:');
    queryStore.exec(`INSERT INTO sources (path, kind, sha256, bytes, ingested_at)
      VALUES ('a.xml', 'xml-events', 'h', 1, 'now')`);
    queryStore.exec(`INSERT INTO events (source_id, node, time, channel, provider, event_id, level, data)
      VALUES (1, 'HV01', '2026-01-01T00:00:00Z', 'System', '=cmd', 1, 2, '{}')`);
  }
  const db = queryStore;
  const before = db.prepare('SELECT COUNT(*) FROM events').pluck().get();
  let rows = 0;
  for (const format of ['json', 'ndjson', 'csv', 'table'] as const) {
    let written = 0;
    try {
      writeQueryRows(
        db,
        sql,
        { n: 1, vm: 'VM01', from: '2026', to: '2027', node: 'HV01' },
        format,
        () => {
          if (++written > maxQueryChunks) throw stopQuery;
        },
      );
    } catch (error) {
      if (error !== stopQuery) throw error;
    }
    rows += written;
  }
  if (db.prepare('SELECT COUNT(*) FROM events').pluck().get() !== before)
    throw new Error('a query changed the store');
  return rows;
}

function isTyped(error: unknown): error is Error {
  return error instanceof ParseError || error instanceof UserError || error instanceof EvtxDamage;
}

async function feed(
  target: FuzzTargetName,
  path: string,
  input: Uint8Array,
  sink: CountingSink,
): Promise<void> {
  const head = input.subarray(0, 64 * 1024);
  const reader = fileReaders[target];
  if (reader) {
    pickReader(head, basename(path));
    // Ingest hands a file only to a reader whose sniff accepts it.
    if (!reader.sniff(head, basename(path))) throw new NotSniffed();
    await reader.read({ path, displayPath: path, size: input.length }, sink, { jobs: 1 });
    return;
  }
  if (target === 'query') {
    sink.records += runFuzzQuery(new TextDecoder('utf-8', { fatal: false }).decode(input));
    return;
  }
  if (target === 'query-list') {
    const xml = new TextDecoder('utf-8', { fatal: false }).decode(input);
    compileQueryList(xml, { now: new Date(Date.UTC(2026, 10, 26)), source: 'query.xml' });
    return;
  }
  const files = await expandArchive(
    { path, displayPath: 'bundle.zip' },
    (warning) => sink.warning(warning),
    fuzzZipLimits,
  );
  for (const file of files) {
    const fileHead = (await readFile(file.path)).subarray(0, 64 * 1024);
    const inner = pickReader(fileHead, basename(file.path));
    if (inner) await inner.read(file, sink, { jobs: 1 });
  }
}
