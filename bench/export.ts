/**
 * Benchmark: `lmdoctor export` of a large stored case. The case is the `bench:analyze` one
 * (a generated collection of four nodes, test/support/write-large-collection.ts, analysed by
 * the built CLI), or an existing database given with --db. Prints, per format, wall and CPU
 * time, MB/s of stored data (the database file) and peak RSS. Not a test.
 * Usage: npm run bench:export -- [--mb 1024] [--db case.db] [--formats parquet,ecs,timesketch]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeLargeCollection } from '../test/support/write-large-collection.js';
import { measureCommand, rate } from './measure-command.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(repoRoot, 'dist', 'cli', 'main.js');
const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '1024' },
    db: { type: 'string' },
    formats: { type: 'string', default: 'parquet' },
  },
});
const MB = 1e6;
const MiB = 1024 * 1024;

const folder = mkdtempSync(join(tmpdir(), 'lmdoctor-bench-export-'));
try {
  let db = values.db;
  if (db === undefined) {
    db = join(folder, 'case.db');
    const logs = join(folder, 'logs');
    const collection = writeLargeCollection(logs, Number(values.mb) * MiB);
    console.log(`collection: ${(collection.bytes / MiB).toFixed(0)} MiB of logs; analysing…`);
    const analyze = spawnSync(process.execPath, [main, 'analyze', logs, '--db', db, '-q'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (analyze.status !== 0) throw new Error(`analyze failed (exit ${analyze.status})`);
    rmSync(logs, { recursive: true, force: true });
  }
  const stored = statSync(db).size;
  console.log(
    `case database: ${(stored / MB).toFixed(0)} MB; machine: ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  for (const format of (values.formats ?? '').split(',').filter(Boolean)) {
    const output = join(folder, `out-${format}`);
    const run = measureCommand(process.execPath, [
      main,
      'export',
      '--db',
      db,
      '--format',
      format,
      '-o',
      output,
      '-q',
    ]);
    const cpu = /User time \(seconds\): ([\d.]+)[\s\S]*System time \(seconds\): ([\d.]+)/.exec(
      run.stderr,
    );
    const cpuSeconds = cpu ? Number(cpu[1]) + Number(cpu[2]) : null;
    const written = spawnSync('du', ['-sb', output], { encoding: 'utf8' }).stdout.split('\t')[0];
    console.log(
      run.status !== 0
        ? `${format}: failed (exit ${run.status}): ${run.stderr.slice(-400)}`
        : `${format}: ${run.seconds.toFixed(1)} s wall (${rate(stored / MB, run.seconds)} MB/s), ` +
            `${cpuSeconds === null ? 'n/a' : cpuSeconds.toFixed(1)} s CPU (${cpuSeconds === null ? 'n/a' : rate(stored / MB, cpuSeconds)} MB/s per CPU-second), ` +
            `peak RSS ${run.peakRssMiB?.toFixed(0) ?? 'n/a'} MiB, wrote ${(Number(written) / MB).toFixed(0)} MB; load average now ${loadavg()[0]?.toFixed(1)}`,
    );
    rmSync(output, { recursive: true, force: true });
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
