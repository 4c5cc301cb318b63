import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ingestRow, withCatalogMessage } from '../../../src/catalog/catalog-message.js';
import { eventRow, type EventRow } from '../../../src/model/event-row.js';
import { evtxReader } from '../../../src/readers/evtx/evtx-reader.js';
import { fromRowColumns, toRowColumns } from '../../../src/readers/evtx/threads/row-columns.js';
import type { RecordSink } from '../../../src/readers/reader.js';
import { openStore } from '../../../src/store/open-database.js';
import { SourceWriter } from '../../../src/store/source-writer.js';
import { CollectSink } from '../../support/collect-sink.js';
import { repoRoot } from '../../support/run-cli.js';
import { useTempDir } from '../../support/temp-dir.js';
import { corpusAvailable, corpusFile, corpusRoot, corpusSkipNote } from './support/corpus.js';
import { systemFields, writeEvent } from './support/event-template.js';
import { sampleEvent } from './support/sample-event.js';
import { buildFile, ChunkBuilder, type BinXmlWriter } from './support/evtx-bytes.js';

/**
 * Ingest without a `--query` filter takes EVTX events as store rows (`ingestRow`), built on the
 * worker threads that decode them; the rows must be exactly what the LogEvent path stores.
 */

const base: EventRow = eventRow(sampleEvent);

describe('row columns', () => {
  it('round-trip rows with nulls, empty strings, big numbers and fields repeated or not', () => {
    const rows: EventRow[] = [
      base,
      { ...base, recordId: 1 }, // every string field as in the row before
      { ...base, userSid: null, message: 'moved', level: null, data: '{}' },
      { ...base, userSid: null, message: 'moved', node: '', channel: '' },
      { ...base, userSid: 'S-1-5-18', message: null, activityId: '{0A0B0C0D-0102-0304}' },
      { ...base, keywords: null, activityId: '{0A0B0C0D-0102-0304}', processId: 0 },
    ];
    const columns = structuredClone(toRowColumns(rows));
    expect(fromRowColumns(columns)).toEqual(rows);
    // Nine string slots per row; the repeats cost no text.
    expect(columns.lengths).toHaveLength(rows.length * 9);
    expect(base.node).toBe('HV01');
    expect(columns.texts.join('')).not.toContain('HV01HV01');
  });

  it('round-trip a batch whose strings fill several texts, one string longer than a text', () => {
    const rows: EventRow[] = Array.from({ length: 400 }, (_, i) => ({
      ...base,
      node: i % 3 === 0 ? 'HV01' : 'HV02',
      recordId: i,
      data: JSON.stringify({ Script: 'x'.repeat(i * 7) }),
      message: i === 200 ? 'm'.repeat(40_000) : i % 5 === 0 ? null : `event ${i >> 2}`,
    }));
    const columns = structuredClone(toRowColumns(rows));
    expect(columns.texts.length).toBeGreaterThan(3);
    expect(fromRowColumns(columns)).toEqual(rows);
  });

  it('handle an empty batch', () => {
    expect(fromRowColumns(toRowColumns([]))).toEqual([]);
  });
});

const vmEventData = (name: string) => (w: BinXmlWriter) =>
  w.element('EventData', [], (d) => {
    d.element('Data', [['Name', (x) => x.text('VmName')]], (x) => x.text(name));
    d.element('Data', [['Name', (x) => x.text('VmId')]], (x) => x.text('1234'));
    d.element('Data', [['Name', (x) => x.text('Seconds')]], (x) => x.text('0.5'));
  });

/**
 * `chunks` chunks of five events each: nodes, channels, users and activity ids that change from
 * one record to the next or stay, events the catalogue gives a message; chunk 7 is junk and
 * chunk 20 has a record whose trailing size is wrong (damage reported between records).
 */
function variedLog(chunks: number): Buffer {
  const blocks: Buffer[] = [];
  let id = 1;
  for (let c = 0; c < chunks; c++) {
    if (c === 7) {
      blocks.push(Buffer.alloc(65536, 0x33));
      continue;
    }
    const chunk = new ChunkBuilder();
    const offsets: number[] = [];
    for (let r = 0; r < 5; r++, id++) {
      const fields = systemFields({
        recordId: id,
        eventId: r === 2 ? 1000 + c : 20417,
        computer: r < 3 ? 'HV01.contoso.local' : `HV0${2 + (c % 3)}`,
        channel: r === 4 ? 'System' : 'Microsoft-Windows-Hyper-V-VMMS-Admin',
        userSid: r % 2 === 0 ? 'S-1-5-18' : undefined,
        activityId: c % 4 === 0 ? '{0A0B0C0D-0102-0304-0506-0708090A0B0C}' : undefined,
      });
      offsets.push(
        chunk.record(id, (w) => writeEvent(w, fields, r === 3 ? null : vmEventData(`VM-${c}`))),
      );
    }
    const bytes = chunk.finish();
    if (c === 20) {
      const record = offsets[3] as number;
      bytes.writeUInt32LE(1, record + bytes.readUInt32LE(record + 4) - 4);
    }
    blocks.push(bytes);
  }
  return buildFile(blocks);
}

/** A sink that takes rows, as ingest's does without a `--query` filter. */
class RowSink extends CollectSink {
  rows: EventRow[] = [];
  eventRow(row: EventRow): void {
    this.rows.push(row);
  }
}

/** Reads `path` through the reader into rows (a sink that takes them) and into LogEvents. */
async function readBothWays(path: string) {
  const file = { path, displayPath: path, size: 0 };
  const viaEvents = new CollectSink();
  await evtxReader.read(file, viaEvents, { jobs: 1 });
  const viaRows = new RowSink();
  await evtxReader.read(file, viaRows, { jobs: 1 });
  return {
    events: viaEvents.events,
    eventWarnings: viaEvents.warnings,
    rows: viaRows.rows,
    warnings: viaRows.warnings,
    viaRows,
  };
}

describe('EVTX reader, rows for the store', () => {
  const tempDir = useTempDir();

  it('gives one row per event, equal to ingestRow of the LogEvent, and the same warnings', async () => {
    const path = join(tempDir(), 'varied.evtx');
    writeFileSync(path, variedLog(30));
    const { events, eventWarnings, rows, warnings, viaRows } = await readBothWays(path);
    expect(viaRows.events).toEqual([]); // every event came as a row
    expect(rows.length).toBe(events.length);
    expect(rows.length).toBe(29 * 5 - 2);
    expect(rows).toEqual(events.map(ingestRow));
    expect(warnings).toEqual(eventWarnings);
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    // The catalogue's message for VMMS 20417 is filled in, as ingest does for LogEvents.
    expect(rows[0]?.message).toContain('VM-0');
    expect(rows[0]?.node).toBe('HV01');
  });

  it('stores exactly the rows the LogEvent path stores', async () => {
    const path = join(tempDir(), 'varied.evtx');
    writeFileSync(path, variedLog(12));
    const stored = async (asRows: boolean) => {
      const db = openStore(':memory:');
      const writer = SourceWriter.begin(db, { path, kind: 'evtx', sha256: 'x', bytes: 1 });
      const sink: RecordSink = {
        event: (e) => writer.event(withCatalogMessage(e)),
        eventRow: asRows ? (row) => writer.eventRow(row) : undefined,
        clusterLogLine: () => {},
        configRow: () => {},
        warning: (w) => writer.warning(w),
        progress: () => {},
      };
      await evtxReader.read({ path, displayPath: path, size: 0 }, sink, { jobs: 1 });
      const totals = writer.commit();
      const rows = db.prepare('SELECT * FROM events ORDER BY id').all();
      const errors = db.prepare('SELECT * FROM ingest_errors ORDER BY id').all();
      db.close();
      return { totals, rows, errors };
    };
    const viaRows = await stored(true);
    expect(viaRows.rows.length).toBe(11 * 5); // chunk 7 is junk
    expect(viaRows).toEqual(await stored(false));
  });

  it.skipIf(!corpusAvailable)(
    `corpus files: rows equal ingestRow of the LogEvents${corpusAvailable ? '' : ` (${corpusSkipNote})`}`,
    async () => {
      const files = readdirSync(join(corpusRoot, 'files')).filter((f) => f.endsWith('.evtx'));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const { events, eventWarnings, rows, warnings } = await readBothWays(corpusFile(file));
        expect(rows, file).toEqual(events.map(ingestRow));
        expect(warnings, file).toEqual(eventWarnings);
      }
    },
  );

  /**
   * Worker threads exist only in the built code: a child process scans with `jobs` 2 into rows
   * and with one thread into LogEvents, and prints both (problems with the item count before
   * them, so their place among the records is compared too).
   */
  const scanInChild = (path: string) => {
    const script = join(tempDir(), 'rows-in-workers.mjs');
    const dist = (module: string) =>
      JSON.stringify(pathToFileURL(join(repoRoot, 'dist', module)).href);
    writeFileSync(
      script,
      `import { scanEvtxParallel } from ${dist('readers/evtx/threads/parallel-scan.js')};
      import { ingestRow } from ${dist('catalog/catalog-message.js')};
      const scan = async (mode, jobs, map, options) => {
        const items = []; const problems = [];
        await scanEvtxParallel(${JSON.stringify(path)}, mode, jobs, {
          item: (item) => items.push(map(item)),
          problem: (p) => problems.push([items.length, p.message]),
        }, options);
        return { items, problems };
      };
      const workers = await scan('rows', 2, (row) => row);
      const oneThread = await scan('events', 1, ingestRow);
      // This thread takes over every worker task not there at once (the late-worker path).
      const taken = await scan('rows', 2, (row) => row, { stealAfterMs: 0 });
      // As ingest scans: this thread only delivers (the worker decodes), or takes over late tasks.
      const stored = await scan('rows', 2, (row) => row, { busyConsumer: true });
      const storedTaken = await scan('rows', 2, (row) => row, { busyConsumer: true, stealAfterMs: 0 });
      console.log(JSON.stringify({ workers, oneThread, taken, stored, storedTaken }));`,
    );
    const run = spawnSync(process.execPath, [script], {
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 1 << 28,
    });
    expect(run.status, run.stderr).toBe(0);
    type Scan = { items: EventRow[]; problems: [number, string][] };
    return JSON.parse(run.stdout) as Record<
      'workers' | 'oneThread' | 'taken' | 'stored' | 'storedTaken',
      Scan
    >;
  };

  it('on worker threads (built code): the same rows and problems in the same places', () => {
    const path = join(tempDir(), 'varied-large.evtx');
    writeFileSync(path, variedLog(170)); // above minBlocksForWorkers
    const { workers, oneThread, taken, stored, storedTaken } = scanInChild(path);
    expect(workers.items.length).toBe(169 * 5 - 2);
    expect(workers.items).toEqual(oneThread.items);
    expect(workers.problems.length).toBeGreaterThanOrEqual(2);
    expect(workers.problems).toEqual(oneThread.problems);
    expect(taken).toEqual(oneThread);
    expect(stored).toEqual(oneThread);
    expect(storedTaken).toEqual(oneThread);
  });

  it.skipIf(!corpusAvailable)(
    `on worker threads (built code), the synthetic file: the same rows${corpusAvailable ? '' : ` (${corpusSkipNote})`}`,
    () => {
      const path = join(tempDir(), 'synthetic.evtx');
      const gz = join(corpusRoot, 'synthetic/synthetic__concat-512-chunks.evtx.gz');
      writeFileSync(path, gunzipSync(readFileSync(gz)));
      const { workers, oneThread, taken, stored, storedTaken } = scanInChild(path);
      expect(workers.items.length).toBe(40471);
      expect(workers.items).toEqual(oneThread.items);
      expect(workers.problems).toEqual(oneThread.problems);
      expect(taken).toEqual(oneThread);
      expect(stored).toEqual(oneThread);
      expect(storedTaken).toEqual(oneThread);
    },
  );

  it('as ingest scans (built code): a small file goes to a worker already started, same rows', () => {
    const path = join(tempDir(), 'varied-small.evtx');
    writeFileSync(path, variedLog(24)); // below minBlocksForWorkers, with both kinds of damage
    const script = join(tempDir(), 'small-in-worker.mjs');
    const dist = (module: string) =>
      JSON.stringify(pathToFileURL(join(repoRoot, 'dist', module)).href);
    writeFileSync(
      script,
      `import { scanEvtxParallel, startWorkersFor } from ${dist('readers/evtx/threads/parallel-scan.js')};
      import { endIdleWorkers, idleWorkers } from ${dist('readers/evtx/threads/worker-pool.js')};
      const scan = async (jobs, options) => {
        const items = []; const problems = []; let idleAtFirstItem = -1;
        await scanEvtxParallel(${JSON.stringify(path)}, 'rows', jobs, {
          item: (item) => {
            if (items.length === 0) idleAtFirstItem = idleWorkers();
            items.push(item);
          },
          problem: (p) => problems.push([items.length, p.message]),
        }, options);
        return { items, problems, idleAtFirstItem };
      };
      const noWorker = await scan(2, { busyConsumer: true });
      startWorkersFor(1 << 30, 2); // as ingest does when a large EVTX file is among its inputs
      const started = idleWorkers();
      const stored = await scan(2, { busyConsumer: true });
      const oneThread = await scan(1, {});
      await endIdleWorkers();
      console.log(JSON.stringify({ noWorker, started, stored, oneThread }));`,
    );
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    type Scan = { items: EventRow[]; problems: [number, string][]; idleAtFirstItem: number };
    const { noWorker, started, stored, oneThread } = JSON.parse(run.stdout) as {
      noWorker: Scan;
      started: number;
      stored: Scan;
      oneThread: Scan;
    };
    expect(started).toBe(1);
    expect(noWorker.idleAtFirstItem).toBe(0); // no worker started: read on this thread
    expect(stored.idleAtFirstItem).toBe(0); // the started worker was taken for the scan
    expect(oneThread.idleAtFirstItem).toBe(1); // and given back after it
    expect(oneThread.items.length).toBe(23 * 5 - 2);
    expect(oneThread.problems.length).toBeGreaterThanOrEqual(2);
    expect(stored.items).toEqual(oneThread.items);
    expect(stored.problems).toEqual(oneThread.problems);
    expect(noWorker.items).toEqual(oneThread.items);
  });

  it('lmdoctor ingest (built CLI, command thread) stores the same rows with one or two jobs', () => {
    const path = join(tempDir(), 'HV01-varied.evtx');
    writeFileSync(path, variedLog(170));
    const stored = (jobs: number) => {
      const db = join(tempDir(), `jobs-${jobs}.db`);
      const run = spawnSync(
        process.execPath,
        [
          join(repoRoot, 'dist/cli/main.js'),
          'ingest',
          '--db',
          db,
          '-q',
          '--jobs',
          String(jobs),
          path,
        ],
        { encoding: 'utf8', timeout: 60_000, env: { ...process.env, LMDOCTOR_DB: '' } },
      );
      expect(run.status, run.stderr).toBe(0);
      const store = openStore(db);
      const rows = store
        .prepare('SELECT * FROM events ORDER BY id')
        .all()
        .map((row) => ({ ...(row as Record<string, unknown>), source_id: undefined }));
      const errors = store.prepare('SELECT location, message FROM ingest_errors ORDER BY id').all();
      store.close();
      return { rows, errors };
    };
    const one = stored(1);
    expect(one.rows).toHaveLength(169 * 5 - 2);
    expect(one.errors.length).toBeGreaterThanOrEqual(2);
    expect(stored(2)).toEqual(one);
  });
});
