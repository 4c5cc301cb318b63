/**
 * Child process of bench:analyze: the two stages of `lmdoctor analyze` one after the other in
 * one process, timed apart: ingest (discover, read, store, settle cluster log times) and replay
 * (rebuild and save the migrations). Prints one JSON line with seconds, CPU seconds and the
 * peak RSS reached by the end of each stage.
 * The program is loaded from DIST (the compiled snapshot bench:analyze made), typed by src/.
 * Usage: node --import tsx bench/analyze-stages-runner.ts DIST DB JOBS PATH...
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [distRoot, dbPath, jobsText, ...paths] = process.argv.slice(2);
if (distRoot === undefined || dbPath === undefined || jobsText === undefined || !paths.length) {
  console.error('usage: analyze-stages-runner DIST DB JOBS PATH...');
  process.exit(2);
}
const load = (path: string) => import(pathToFileURL(join(distRoot, path)).href);
const { Console } = (await load('cli/console.js')) as typeof import('../src/cli/console.js');
const { ingestPaths } = (await load(
  'cli/ingest-files.js',
)) as typeof import('../src/cli/ingest-files.js');
const { rebuildMigrations } = (await load(
  'cli/rebuild-migrations.js',
)) as typeof import('../src/cli/rebuild-migrations.js');
const { openStore } = (await load(
  'store/open-database.js',
)) as typeof import('../src/store/open-database.js');

function stage<T>(run: () => T): { result: T; seconds: number; cpuSeconds: number } {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(cpu);
  return {
    result,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

const db = openStore(dbPath);
const ingestStarted = process.hrtime.bigint();
const ingestCpu = process.cpuUsage();
const report = await ingestPaths(
  db,
  paths,
  { force: false, jobs: Number(jobsText) },
  new Console(process.stderr, true),
);
const ingestUsed = process.cpuUsage(ingestCpu);
const ingest = {
  seconds: Number(process.hrtime.bigint() - ingestStarted) / 1e9,
  cpuSeconds: (ingestUsed.user + ingestUsed.system) / 1e6,
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
  records: report.records,
  warnings: report.warnings,
};
const replay = stage(() => rebuildMigrations(db));
db.close();
console.log(
  JSON.stringify({
    ingest,
    replay: {
      seconds: replay.seconds,
      cpuSeconds: replay.cpuSeconds,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      migrations: replay.result.migrations.length,
    },
  }),
);
