/**
 * Child process of bench:analyze: the stages of `lmdoctor analyze` one after the other in one
 * process, timed apart: ingest (discover, read, store, settle cluster log times), replay
 * (rebuild and save the migrations), summary, diagnosis. Prints one JSON line per stage
 * as it ends (seconds, CPU seconds, the stage's own peak RSS — the kernel's high-water mark is
 * reset before each stage, on Linux — and the peak so far), so a run stopped in a later stage
 * still reports the earlier ones. The program is loaded from DIST (the compiled snapshot that
 * bench:analyze made), typed by src/. The stages run on a worker thread with the limits of
 * lmdoctor's command thread (src/cli/command-thread.ts), as `lmdoctor analyze` runs them.
 * Usage: node --import tsx bench/analyze-stages-runner.ts DIST DB JOBS PATH...
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, Worker, workerData } from 'node:worker_threads';

const args = isMainThread ? process.argv.slice(2) : (workerData as string[]);
const [distRoot, dbPath, jobsText, ...paths] = args;
if (distRoot === undefined || dbPath === undefined || jobsText === undefined || !paths.length) {
  console.error('usage: analyze-stages-runner DIST DB JOBS PATH...');
  process.exit(2);
}
const load = (path: string) => import(pathToFileURL(join(distRoot, path)).href);

/** VmHWM of this process in MiB (Linux), or null. */
function highWaterMiB(): number | null {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return hwm?.[1] ? Number(hwm[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Resets VmHWM to the current RSS (Linux 4.0+: writing 5 to clear_refs); false elsewhere. */
function resetHighWater(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** The peak over the stages so far (resetting VmHWM also resets getrusage's maxRSS). */
let peakSoFar = 0;

async function stage(name: string, run: () => Promise<string> | string): Promise<void> {
  peakSoFar = Math.max(peakSoFar, highWaterMiB() ?? 0, process.resourceUsage().maxRSS / 1024);
  const reset = resetHighWater();
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const detail = await run();
  const used = process.cpuUsage(cpu);
  console.log(
    JSON.stringify({
      stage: name,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      cpuSeconds: (used.user + used.system) / 1e6,
      stagePeakRssMiB: reset ? highWaterMiB() : null,
      peakRssMiB: (peakSoFar = Math.max(
        peakSoFar,
        highWaterMiB() ?? 0,
        process.resourceUsage().maxRSS / 1024,
      )),
      detail,
    }),
  );
}

/** The stages, on the worker thread. */
async function runStages(dbFile: string, jobs: number, inputs: string[]): Promise<void> {
  const { silentProgress } = (await load(
    'case/progress.js',
  )) as typeof import('../src/case/progress.js');
  const { ingestPaths } = (await load(
    'case/ingest-case.js',
  )) as typeof import('../src/case/ingest-case.js');
  const { rebuildMigrations } = (await load(
    'case/rebuild-migrations.js',
  )) as typeof import('../src/case/rebuild-migrations.js');
  const { runDiagnosis } = (await load(
    'case/run-diagnosis.js',
  )) as typeof import('../src/case/run-diagnosis.js');
  const { openStore } = (await load(
    'store/open-database.js',
  )) as typeof import('../src/store/open-database.js');
  const { readCaseSummary } = (await load(
    'store/case-summary.js',
  )) as typeof import('../src/store/case-summary.js');

  const db = openStore(dbFile);
  await stage('ingest', async () => {
    const report = await ingestPaths(db, inputs, { force: false, jobs }, silentProgress);
    return `${report.records} records, ${report.warnings} warnings`;
  });
  await stage('replay', () => `${rebuildMigrations(db).migrations} migrations rebuilt`);
  await stage('summary', () => `${readCaseSummary(db).kinds.length} kinds of source summarised`);
  await stage('diagnosis', () => {
    const { diagnoses, findings, migrations } = runDiagnosis(db);
    return `${migrations} migrations, ${diagnoses.length} diagnoses, ${findings.length} findings`;
  });
  db.close();
}

if (isMainThread) {
  const { applyCommandHeapFlags, commandThreadLimits } = (await load(
    'cli/command-thread.js',
  )) as typeof import('../src/cli/command-thread.js');
  applyCommandHeapFlags();
  // This file again, on a worker that registers tsx first (node 20 does not pass it on).
  const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(code, {
    eval: true,
    workerData: args,
    resourceLimits: commandThreadLimits,
  });
  worker.on('error', (error) => {
    console.error(error);
    process.exitCode = 1;
  });
} else {
  await runStages(dbPath, Number(jobsText), paths);
}
