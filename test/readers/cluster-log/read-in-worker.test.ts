import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClusterLogLine } from '../../../src/model/cluster-log-line.js';
import type { ConfigRow } from '../../../src/model/config-row.js';
import type * as InWorker from '../../../src/readers/cluster-log/read-in-worker.js';
import type { ReadWarning, RecordSink } from '../../../src/readers/reader.js';
import {
  minBytesForWorker,
  readClusterLog,
} from '../../../src/readers/cluster-log/cluster-log-reader.js';
import { integrityCheck, runCliKilledWhen, tableDigests } from '../../support/database-digests.js';
import { repoRoot, runCli } from '../../support/run-cli.js';
import { useTempDir } from '../../support/temp-dir.js';

// The worker runs the built JavaScript (a worker cannot load TypeScript sources here), so this
// test reads dist/, which `npm test` builds first.
const distModule = join(repoRoot, 'dist', 'readers', 'cluster-log', 'read-in-worker.js');

type Call =
  | ['line', ClusterLogLine]
  | ['config', ConfigRow]
  | ['warning', ReadWarning]
  | ['progress', number];

/** Every sink call in order (progress only at its last value: its pace may differ). */
function recordingSink(calls: Call[]): RecordSink {
  return {
    event: () => undefined,
    clusterLogLine: (line) => calls.push(['line', line]),
    configRow: (row) => calls.push(['config', row]),
    warning: (warning) => calls.push(['warning', warning]),
    progress: (bytes) => calls.push(['progress', bytes]),
  };
}

/** The fallback of a worker that works: never called. */
function notCalled(): never {
  throw new Error('the worker failed and the file was read on this thread');
}

function withoutProgress(calls: Call[]): Call[] {
  return calls.filter((c) => c[0] !== 'progress');
}

/** A 2016+ log with every oddity the reader meets, long enough for many batches. */
function writeOddLog(path: string, records = 40_000): void {
  const parts: Buffer[] = [];
  const text = (s: string): void => void parts.push(Buffer.from(s, 'utf8'));
  text('[=== Cluster ===]\r\nBuild Number 17763\r\nCurrent node: name (HV07) id (3)\r\n');
  text(
    'The cluster log was generated using local time\r\nUTC = localtime + time zone offset;the time zone offset of this machine is -120 minutes, or -2 hours\r\n',
  );
  text('\r\n[=== Nodes ===]\r\nName,Id,comp,state\r\nHV07,3,x,Up\r\nHV08,4,x,Up\r\n');
  text('\r\n[=== Cluster Logs ===]\r\n');
  text('a line before the first record\r\n');
  for (let i = 0; i < records; i++) {
    const ms = String(i % 1000).padStart(3, '0');
    const prefix = `${(0x1320 + (i % 3)).toString(16).padStart(8, '0')}.00001700::2024/03/12-08:${String(Math.floor(i / 1000) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${ms}`;
    const channel = i % 7 === 0 ? '[Verbose] ' : '';
    text(`${channel}${prefix} INFO  [RCM] move of group VM${i % 300} to HV08 ünïcødé\r\n`);
    if (i % 50 === 0) text(`${channel}${prefix} INFO    <Delay>1000</Delay>\r\n`);
    if (i % 333 === 0) text('  a continuation line without the grammar\r\n');
    if (i % 997 === 0) text(`${prefix} ERR   lost quorum\r(status = 5925)\r\n`);
    if (i % 1999 === 0) text(`\0\0\0${prefix} WARN  [NETFT] zero-filled before\n`);
  }
  text(`00001320.00001700::2024/03/12-09:00:00.000 INFO  [BIG] ${'x'.repeat(1_200_000)}\r\n`);
  parts.push(Buffer.from([0x41, 0xc3, 0x28, 0xff, 0x0d, 0x0a]));
  text('00001320.00001700::2024/03/12-09:00:00.001 INFO  [RCM] after damage, no line end');
  writeFileSync(path, Buffer.concat(parts));
}

describe('reading a cluster log on a worker thread', () => {
  const tempDir = useTempDir();

  it('makes exactly the sink calls, in the same order, that reading on this thread makes', async () => {
    expect(existsSync(distModule), 'dist is missing: run `npm run build`').toBe(true);
    const { clusterLogWorkerUrl, readClusterLogInWorker } = (await import(
      distModule
    )) as typeof InWorker;
    const url = clusterLogWorkerUrl();
    expect(url?.pathname.endsWith('/dist/readers/cluster-log/cluster-log-worker.js')).toBe(true);
    if (url === null) return;
    const path = join(tempDir(), 'HV07_cluster.log');
    writeOddLog(path);
    const file = { path, displayPath: 'logs/HV07_cluster.log', size: 0 };
    for (const timeOption of [undefined, { basis: 'utc' } as const]) {
      const here: Call[] = [];
      const hereFacts = await readClusterLog(file, recordingSink(here), timeOption);
      const there: Call[] = [];
      const thereFacts = await readClusterLogInWorker(
        url,
        file,
        recordingSink(there),
        timeOption,
        notCalled,
      );
      expect(thereFacts).toEqual(hereFacts);
      expect(withoutProgress(there)).toEqual(withoutProgress(here));
      expect(there.at(-1)).toEqual(here.at(-1));
      // The file's oddities all showed up (records, tables, warnings).
      const kinds = new Set(here.map((c) => c[0]));
      expect([...kinds].sort()).toEqual(['config', 'line', 'progress', 'warning']);
      expect(hereFacts.records).toBeGreaterThan(40_000);
    }
  });

  it('fails as reading on this thread fails when the file cannot be read', async () => {
    const { clusterLogWorkerUrl, readClusterLogInWorker } = (await import(
      distModule
    )) as typeof InWorker;
    const url = clusterLogWorkerUrl();
    if (url === null) throw new Error('no worker script');
    const file = { path: join(tempDir(), 'missing_cluster.log'), displayPath: 'x', size: 0 };
    const here = await readClusterLog(file, recordingSink([])).catch((e: Error) => e.message);
    const there = await readClusterLogInWorker(
      url,
      file,
      recordingSink([]),
      undefined,
      notCalled,
    ).catch((e: Error) => e.message);
    expect(there).toBe(here);
    expect(here).toMatch(/ENOENT/);
  });

  it('reads on this thread when the worker cannot start', async () => {
    const { readClusterLogInWorker } = (await import(distModule)) as typeof InWorker;
    const path = join(tempDir(), 'HV09_cluster.log');
    writeOddLog(path, 100);
    const file = { path, displayPath: 'logs/HV09_cluster.log', size: 0 };
    const here: Call[] = [];
    const hereFacts = await readClusterLog(file, recordingSink(here));
    const there: Call[] = [];
    const sink = recordingSink(there);
    const missing = new URL('./no-such-worker.js', `file://${distModule}`);
    const thereFacts = await readClusterLogInWorker(missing, file, sink, undefined, () =>
      readClusterLog(file, sink),
    );
    expect(thereFacts).toEqual(hereFacts);
    expect(there).toEqual(here);
  });

  it('`ingest -j 2` stores exactly the rows of `ingest -j 1`, also after a SIGKILL', async () => {
    const dir = tempDir();
    const path = join(dir, 'HV07_cluster.log');
    writeOddLog(path, 90_000);
    expect(statSync(path).size).toBeGreaterThan(minBytesForWorker);
    const digests: Record<string, string>[] = [];
    for (const jobs of ['1', '2']) {
      const db = join(dir, `jobs-${jobs}.db`);
      const run = runCli(['ingest', path, '--db', db, '-q', '-j', jobs]);
      expect(run.status, run.stderr).toBe(0);
      digests.push(tableDigests(db));
    }
    expect(digests[1]).toEqual(digests[0]);
    expect(digests[0]?.cluster_log_lines).toMatch(/^9\d{4} rows/);
    expect(digests[0]?.ingest_errors).not.toMatch(/^0 rows/);

    // SIGKILLed while the worker reads and this thread stores (soon after the database
    // appears), or while it commits (the write-ahead log grows): the database stays consistent,
    // holds the whole file or none of it, and a rerun ends with the rows of an uninterrupted run.
    const whiles: ((db: string) => boolean)[] = [
      (db) => existsSync(db) && Date.now() - statSync(db).birthtimeMs > 150,
      (db) => existsSync(`${db}-wal`) && statSync(`${db}-wal`).size > 1 << 20,
    ];
    for (const [k, killWhen] of whiles.entries()) {
      const killed = join(dir, `killed-${k}.db`);
      await runCliKilledWhen(['ingest', path, '--db', killed, '-q', '-j', '2'], () =>
        killWhen(killed),
      );
      expect(integrityCheck(killed)).toBe('ok');
      expect(['0 rows', digests[0]?.cluster_log_lines]).toContain(
        tableDigests(killed).cluster_log_lines?.replace(/^0 rows .*/, '0 rows'),
      );
      const rerun = runCli(['ingest', path, '--db', killed, '-q', '-j', '2']);
      expect(rerun.status, rerun.stderr).toBe(0);
      expect(tableDigests(killed)).toEqual(digests[0]);
    }
  });
});
