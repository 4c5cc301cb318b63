/**
 * Child process of bench:analyze: the two stages of `lmdoctor analyze` one after the other in
 * one process, timed apart: ingest (discover, read, store, settle cluster log times) and replay
 * (rebuild and save the migrations). Prints one JSON line with seconds, CPU seconds and the
 * peak RSS reached by the end of each stage.
 * Usage: node --import tsx bench/analyze-stages-runner.ts DB JOBS PATH...
 */
import { Console } from '../src/cli/console.js';
import { ingestPaths } from '../src/cli/ingest-files.js';
import { rebuildMigrations } from '../src/cli/rebuild-migrations.js';
import { openStore } from '../src/store/open-database.js';

const [dbPath, jobsText, ...paths] = process.argv.slice(2);
if (dbPath === undefined || jobsText === undefined || paths.length === 0) {
  console.error('usage: analyze-stages-runner DB JOBS PATH...');
  process.exit(2);
}

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
