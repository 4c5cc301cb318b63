/**
 * Benchmark: `lmdoctor analyze` end to end on a generated collection of four nodes (.evtx
 * files and cluster logs, test/support/write-large-collection.ts), written to a temp folder
 * and deleted afterwards. Not a test. Prints MB/s, records/s and peak RSS end to end at each
 * size, then the ingest and replay stages apart (one process, bench/analyze-stages-runner.ts)
 * at the largest size.
 * Usage: npm run bench:analyze -- [--mb 100,1024] [--jobs 2]
 *
 * The program measured is compiled into .tmp/bench-analyze/ first, so a rebuild of dist/ during
 * the run (others' work in a shared tree) cannot swap the code under it, EVTX workers included.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  writeLargeCollection,
  type LargeCollection,
} from '../test/support/write-large-collection.js';
import { measureCommand, rate } from './measure-command.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '100,1024' },
    jobs: { type: 'string', default: String(availableParallelism()) },
  },
});
const sizesInMiB = (values.mb ?? '')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const jobs = values.jobs ?? '1';
const MiB = 1024 * 1024;

interface StageFigures {
  seconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
}
interface StagesOutput {
  ingest: StageFigures & { records: number; warnings: number };
  replay: StageFigures & { migrations: number };
}

function describeCollection(c: LargeCollection): string {
  return (
    `${(c.bytes / MiB).toFixed(0)} MiB: ${c.evtxFiles} .evtx (${c.evtxRecords.toLocaleString('en-US')} records), ` +
    `${c.clusterLogs} cluster logs (${c.clusterLogLines.toLocaleString('en-US')} lines)`
  );
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
    console.error(`tsc reported errors (the emitted code is used anyway):\n${tsc.stdout}`);
  symlinkSync(join(repoRoot, 'queries'), join(root, 'queries'));
  symlinkSync(join(repoRoot, 'package.json'), join(root, 'package.json'));
  return join(root, 'dist', 'cli', 'main.js');
}

const mainScript = buildSnapshot();
const rows: string[] = [];
for (const [index, mib] of sizesInMiB.entries()) {
  const folder = mkdtempSync(join(tmpdir(), 'lmdoctor-bench-analyze-'));
  try {
    const logs = join(folder, 'logs');
    const generatedAt = process.hrtime.bigint();
    const collection = writeLargeCollection(logs, mib * MiB);
    const generated = Number(process.hrtime.bigint() - generatedAt) / 1e9;
    const records = collection.evtxRecords + collection.clusterLogLines;
    console.log(
      `\ncollection ${describeCollection(collection)} (generated in ${generated.toFixed(1)} s)`,
    );

    const e2e = measureCommand(process.execPath, [
      mainScript,
      'analyze',
      logs,
      '--db',
      join(folder, 'case.db'),
      '--jobs',
      jobs,
      '-q',
    ]);
    if (e2e.status !== 0) throw new Error(`analyze failed:\n${e2e.stderr}`);
    const line =
      `analyze end to end (--jobs ${jobs}): ${e2e.seconds.toFixed(1)} s, ` +
      `${rate(collection.bytes / MiB, e2e.seconds)} MiB/s, ${rate(records, e2e.seconds)} records/s, ` +
      `peak RSS ${e2e.peakRssMiB?.toFixed(0) ?? 'n/a'} MiB`;
    console.log(line);
    rows.push(`${describeCollection(collection)} | ${line}`);

    if (index !== sizesInMiB.length - 1) continue;
    rmSync(join(folder, 'case.db'), { force: true });
    const stages = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repoRoot, 'bench', 'analyze-stages-runner.ts'),
        dirname(dirname(mainScript)),
        join(folder, 'stages.db'),
        jobs,
        logs,
      ],
      { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    if (stages.status !== 0) throw new Error(`stage runner failed:\n${stages.stderr}`);
    const out = JSON.parse(stages.stdout.trim().split('\n').at(-1) ?? '{}') as StagesOutput;
    const { ingest, replay } = out;
    console.log(
      `  ingest: ${ingest.seconds.toFixed(1)} s (${ingest.cpuSeconds.toFixed(1)} s CPU on the main thread), ` +
        `${rate(collection.bytes / MiB, ingest.seconds)} MiB/s, ${rate(ingest.records, ingest.seconds)} records/s, ` +
        `${ingest.warnings} warnings, peak RSS ${ingest.peakRssMiB.toFixed(0)} MiB`,
    );
    console.log(
      `  replay: ${replay.seconds.toFixed(1)} s, ${replay.migrations} migrations rebuilt, ` +
        `${rate(records, replay.seconds)} stored records/s, peak RSS by its end ${replay.peakRssMiB.toFixed(0)} MiB`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
console.log(`\nsummary\n${rows.join('\n')}`);
