/**
 * Child process of the ingest benchmarks: reads the given paths into a new database with the
 * ingest step alone (discovery, reading, storing, settling cluster log times), without the
 * replay that `lmdoctor ingest` runs afterwards, so the figure is the read-into-store rate.
 * Usage: node --import tsx bench/ingest-runner.ts [--jobs N] [--dist] DB PATH...
 * One job unless told; `--dist` runs the built JavaScript (`npm run build`) instead of the
 * TypeScript sources, as `lmdoctor` does (worker threads need it).
 */
import { readFileSync } from 'node:fs';
import type * as ProgressModule from '../src/case/progress.js';
import type * as IngestModule from '../src/case/ingest-case.js';
import type * as StoreModule from '../src/store/open-database.js';

const args = process.argv.slice(2);
const jobsAt = args.indexOf('--jobs');
const jobs = jobsAt >= 0 ? Number(args.splice(jobsAt, 2)[1]) : 1;
const distAt = args.indexOf('--dist');
const root = distAt >= 0 ? (args.splice(distAt, 1), '../dist') : '../src';
const [dbPath, ...paths] = args;
if (dbPath === undefined || paths.length === 0 || !(jobs >= 1)) {
  console.error('usage: ingest-runner [--jobs N] [--dist] DB PATH...');
  process.exit(2);
}
const { silentProgress } = (await import(`${root}/case/progress.js`)) as typeof ProgressModule;
const { ingestPaths } = (await import(`${root}/case/ingest-case.js`)) as typeof IngestModule;
const { openStore } = (await import(`${root}/store/open-database.js`)) as typeof StoreModule;
const db = openStore(dbPath);
const report = await ingestPaths(db, paths, { force: false, jobs }, silentProgress);
db.close();
console.log(
  JSON.stringify({
    records: report.records,
    warnings: report.warnings,
    mainThreadCpuSeconds: mainThreadCpuSeconds(),
  }),
);

/** CPU time of this (the storing) thread alone, from /proc on Linux; null elsewhere. */
function mainThreadCpuSeconds(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
