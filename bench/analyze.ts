/**
 * Benchmark: `lmdoctor analyze` on a generated collection of four nodes (.evtx files and
 * cluster logs, test/support/write-large-collection.ts), written to a temp folder and deleted
 * afterwards. Not a test. At each size: analyze end to end (MiB/s, records/s, peak RSS); at the
 * largest: its stages apart in one process (bench/analyze-stages-runner.ts): ingest, replay,
 * summary, diagnosis. A run longer than --timeout seconds is stopped and reported so.
 * Usage: npm run bench:analyze -- [--mb 100,1024] [--jobs 2] [--timeout 600]
 *
 * The program measured is compiled into .tmp/bench-analyze/ first, so a rebuild of dist/ during
 * the run (others' work in a shared tree) cannot swap the code under it, EVTX workers included.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  writeLargeCollection,
  type LargeCollection,
} from '../test/support/write-large-collection.js';
import { rate } from './measure-command.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '100,1024' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    timeout: { type: 'string', default: '600' },
  },
});
const sizesInMiB = (values.mb ?? '')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const jobs = values.jobs ?? '1';
const timeoutInMs = Number(values.timeout) * 1000;
const MiB = 1024 * 1024;

/** What a watched child did: its output, wall time and peak RSS (VmHWM, Linux). */
interface Watched {
  stdout: string;
  stderr: string;
  seconds: number;
  peakRssMiB: number | null;
  timedOut: boolean;
  status: number | null;
}

/** Runs node with `args`, reading its peak RSS from /proc while it runs; kills it at the timeout. */
function runWatched(args: string[]): Promise<Watched> {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    let peakKiB: number | null = null;
    let timedOut = false;
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString('utf8')));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
    const readPeak = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm?.[1]) peakKiB = Math.max(peakKiB ?? 0, Number(hwm[1]));
      } catch {
        // Not Linux, or the process has just ended.
      }
    };
    const poll = setInterval(readPeak, 200);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutInMs);
    child.on('error', reject);
    child.on('exit', (status) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolvePromise({
        stdout,
        stderr,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        peakRssMiB: peakKiB === null ? null : peakKiB / 1024,
        timedOut,
        status,
      });
    });
  });
}

/** Compiles src/ into .tmp/bench-analyze/dist with queries/ and package.json beside it. */
function buildSnapshot(): string {
  const root = join(repoRoot, '.tmp', 'bench-analyze');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const tsc = spawnSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      'tsconfig.build.json',
      '--outDir',
      join(root, 'dist'),
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  if (tsc.status !== 0)
    console.error(`tsc reported errors (the emitted code is used):\n${tsc.stdout}`);
  symlinkSync(join(repoRoot, 'queries'), join(root, 'queries'));
  symlinkSync(join(repoRoot, 'package.json'), join(root, 'package.json'));
  return join(root, 'dist');
}

function describeCollection(c: LargeCollection): string {
  return (
    `${(c.bytes / MiB).toFixed(0)} MiB: ${c.evtxFiles} .evtx (${c.evtxRecords.toLocaleString('en-US')} records), ` +
    `${c.clusterLogs} cluster logs (${c.clusterLogLines.toLocaleString('en-US')} lines)`
  );
}

const peak = (run: Watched) =>
  run.peakRssMiB === null ? 'n/a' : `${run.peakRssMiB.toFixed(0)} MiB`;

interface StageLine {
  stage: string;
  seconds: number;
  cpuSeconds: number;
  /** The stage's own peak (null where the high-water mark cannot be reset). */
  stagePeakRssMiB: number | null;
  peakRssMiB: number;
  detail: string;
}

const dist = buildSnapshot();
console.log(
  `machine: ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)} at the start`,
);
const rows: string[] = [];
for (const [index, mib] of sizesInMiB.entries()) {
  const folder = mkdtempSync(join(tmpdir(), 'lmdoctor-bench-analyze-'));
  try {
    const logs = join(folder, 'logs');
    const generatedAt = process.hrtime.bigint();
    const collection = writeLargeCollection(logs, mib * MiB);
    const generated = Number(process.hrtime.bigint() - generatedAt) / 1e9;
    const records = collection.evtxRecords + collection.clusterLogLines;
    const mibIn = collection.bytes / MiB;
    console.log(
      `\ncollection ${describeCollection(collection)} (generated in ${generated.toFixed(1)} s)`,
    );

    const e2e = await runWatched([
      join(dist, 'cli', 'main.js'),
      'analyze',
      logs,
      '--db',
      join(folder, 'case.db'),
      '--jobs',
      jobs,
      '-q',
    ]);
    const line = e2e.timedOut
      ? `analyze end to end (--jobs ${jobs}): not finished within ${values.timeout} s, peak RSS ${peak(e2e)} so far`
      : e2e.status !== 0
        ? `analyze end to end failed (exit ${e2e.status}): ${e2e.stderr.slice(-500)}`
        : `analyze end to end (--jobs ${jobs}): ${e2e.seconds.toFixed(1)} s, ${rate(mibIn, e2e.seconds)} MiB/s, ` +
          `${rate(records, e2e.seconds)} records/s, peak RSS ${peak(e2e)}`;
    console.log(line);
    rows.push(`${describeCollection(collection)} | ${line}`);
    rmSync(join(folder, 'case.db'), { force: true });
    rmSync(join(folder, 'case.db-wal'), { force: true });
    rmSync(join(folder, 'case.db-shm'), { force: true });

    if (index !== sizesInMiB.length - 1) continue;
    const stages = await runWatched([
      '--import',
      'tsx',
      join(repoRoot, 'bench', 'analyze-stages-runner.ts'),
      dist,
      join(folder, 'stages.db'),
      jobs,
      logs,
    ]);
    const done = stages.stdout
      .split('\n')
      .filter((text) => text.startsWith('{'))
      .map((text) => JSON.parse(text) as StageLine);
    for (const stage of done) {
      const speed =
        stage.stage === 'ingest' || stage.stage === 'replay'
          ? `, ${rate(mibIn, stage.seconds)} MiB/s, ${rate(records, stage.seconds)} records/s`
          : '';
      const own =
        stage.stagePeakRssMiB === null ? '' : `peak RSS ${stage.stagePeakRssMiB.toFixed(0)} MiB, `;
      console.log(
        `  ${stage.stage}: ${stage.seconds.toFixed(1)} s (${stage.cpuSeconds.toFixed(1)} s CPU, all threads)${speed}, ` +
          `${stage.detail}, ${own}peak RSS so far ${stage.peakRssMiB.toFixed(0)} MiB`,
      );
    }
    if (stages.timedOut) {
      console.log(
        `  stopped after ${values.timeout} s during the stage after ${done.at(-1)?.stage ?? 'start'}; peak RSS ${peak(stages)}`,
      );
    } else if (stages.status !== 0) {
      console.log(`  stage runner failed (exit ${stages.status}): ${stages.stderr.slice(-500)}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
console.log(`\nsummary\n${rows.join('\n')}`);
