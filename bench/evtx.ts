/**
 * Benchmark of the EVTX reader (issue 3). Not a test. Usage: `npm run bench:evtx` (builds
 * first: the figures are for the compiled code, as users run it).
 *
 * On the 32 MiB synthetic file of the shared corpus (decompressed to a temp folder) and on the
 * largest real corpus file it measures: MB/s and events/s to structured events with one thread
 * and with workers, for two contracts: store rows (what ingest stores) and LogEvents; `lmdoctor evtx dump --format xml` to /dev/null; peak RSS;
 * and, when libevtx's `evtxexport` is installed, `evtxexport -f xml` on the same file in the
 * same run, as a ratio. MB = 10^6 bytes of input file.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  openSync,
  closeSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(repoRoot, '../shared/evtx-corpus');
const scanModule = pathToFileURL(join(repoRoot, 'dist/readers/evtx/threads/parallel-scan.js')).href;
const cli = join(repoRoot, 'dist/cli/main.js');

if (!existsSync(join(corpus, 'synthetic'))) {
  console.log(`bench:evtx skipped: the shared EVTX corpus is not at ${corpus}`);
  process.exit(0);
}
if (!existsSync(cli)) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}

/** Children run without tsx's loader hooks (NODE_OPTIONS), exactly as users run lmdoctor. */
const childEnv = { ...process.env, NODE_OPTIONS: '' };

/** Runs a command with stdout to /dev/null; wall time and (GNU time) peak RSS. */
function timed(
  command: string,
  args: string[],
): { seconds: number; rssMiB: number | null; stdout: string } {
  const gnuTime = existsSync('/usr/bin/time');
  const started = process.hrtime.bigint();
  const run = gnuTime
    ? spawnSync('/usr/bin/time', ['-v', command, ...args], {
        env: childEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      })
    : spawnSync(command, args, {
        env: childEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
  return { seconds, rssMiB: rss?.[1] ? Number(rss[1]) / 1024 : null, stdout: run.stdout };
}

/** User + system CPU seconds that GNU time -v reports (all threads of the process). */
function cpuSeconds(stderr: string): number | null {
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
  return user && system ? Number(user) + Number(system) : null;
}

/** Runs a shell-free pipeline `command > /dev/null`, timed. */
function timedToNull(
  command: string,
  args: string[],
): { seconds: number; rssMiB: number | null; cpu: number | null } {
  const devNull = openSync('/dev/null', 'w');
  try {
    const gnuTime = existsSync('/usr/bin/time');
    const started = process.hrtime.bigint();
    const run = spawnSync(
      gnuTime ? '/usr/bin/time' : command,
      gnuTime ? ['-v', command, ...args] : args,
      {
        stdio: ['ignore', devNull, 'pipe'],
        env: childEnv,
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr.slice(-500)}`);
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
    return {
      seconds,
      rssMiB: rss?.[1] ? Number(rss[1]) / 1024 : null,
      cpu: cpuSeconds(run.stderr),
    };
  } finally {
    closeSync(devNull);
  }
}

/**
 * In a fresh Node process: one cold run then `runs` warm runs of the reader to `mode` items:
 * 'rows' (store rows, what ingest stores: `ingestRow` of each event, on whichever thread decoded
 * it) or 'events' (LogEvents).
 */
function eventsRate(file: string, mode: 'rows' | 'events', jobs: number, runs: number) {
  const script = join(dir, 'events-rate.mjs');
  writeFileSync(
    script,
    `import { scanEvtxParallel } from ${JSON.stringify(scanModule)};
    import { readFileSync } from 'node:fs';
    // This thread's own CPU seconds (Linux: utime + stime of the task, in 1/100 s); NaN elsewhere.
    const threadCpu = () => {
      try {
        const stat = readFileSync('/proc/self/task/' + process.pid + '/stat', 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch { return NaN; }
    };
    const times = []; const cpu = []; let events = 0; let mainWarm = 0;
    for (let i = 0; i <= ${runs}; i++) {
      let n = 0;
      const t0 = process.hrtime.bigint();
      const c0 = process.cpuUsage();
      const m0 = threadCpu();
      await scanEvtxParallel(${JSON.stringify(file)}, ${JSON.stringify(mode)}, ${jobs}, { item() { n++; }, problem() {} });
      const c = process.cpuUsage(c0);
      if (i > 0) mainWarm += threadCpu() - m0;
      times.push(Number(process.hrtime.bigint() - t0) / 1e9);
      cpu.push((c.user + c.system) / 1e6);
      events = n;
    }
    console.log(JSON.stringify({ times, cpu, events, mainCpu: mainWarm / ${runs} }));`,
  );
  const run = timed(process.execPath, [script]);
  const { times, cpu, events, mainCpu } = JSON.parse(run.stdout) as {
    times: number[];
    cpu: number[];
    events: number;
    mainCpu: number | null;
  };
  const median = (list: number[]) =>
    [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] as number;
  return {
    cold: times[0] as number,
    median: median(times.slice(1)),
    /** CPU seconds of the process (all its threads), median of the warm runs. */
    cpuMedian: median(cpu.slice(1)),
    /** CPU seconds of the main thread alone, mean of the warm runs (null when unknown). */
    mainCpu: mainCpu === null || Number.isNaN(mainCpu) ? null : mainCpu,
    events,
    rssMiB: run.rssMiB,
  };
}

const mb = (bytes: number, seconds: number) => (bytes / 1e6 / seconds).toFixed(1);
const perSecond = (n: number, seconds: number) => Math.round(n / seconds).toLocaleString('en-US');
const rss = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(0)} MiB`);
const cpuText = (seconds: number | null) =>
  seconds === null ? 'CPU time n/a' : `${seconds.toFixed(2)} s CPU`;

const dir = mkdtempSync(join(tmpdir(), 'lmdoctor-bench-evtx-'));
try {
  const synthetic = join(dir, 'synthetic__concat-512-chunks.evtx');
  writeFileSync(
    synthetic,
    gunzipSync(readFileSync(join(corpus, 'synthetic/synthetic__concat-512-chunks.evtx.gz'))),
  );
  const largestReal = join(corpus, 'files/deepblue__smb-password-guessing-security.evtx');
  const haveEvtxexport = spawnSync('evtxexport', ['-V']).error === undefined;
  const cores = availableParallelism();
  console.log(
    `machine: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cores} cores; Node ${process.version}; ${new Date().toISOString().slice(0, 16)}Z; load average ${loadavg()[0]?.toFixed(1)}`,
  );

  const median = <T>(runs: T[], key: (run: T) => number): T =>
    [...runs].sort((a, b) => key(a) - key(b))[Math.floor(runs.length / 2)] as T;
  const startup = median(
    Array.from({ length: 5 }, () => timedToNull(process.execPath, [cli, '--version'])),
    (r) => r.seconds,
  );
  console.log(
    `lmdoctor --version (start-up): ${startup.seconds.toFixed(2)} s, ${cpuText(startup.cpu)} (median of 5)`,
  );

  for (const file of [synthetic, largestReal]) {
    const bytes = statSync(file).size;
    console.log(`\n${file.split('/').pop()} (${(bytes / 1e6).toFixed(1)} MB)`);
    const { minBlocksForWorkers } = (await import(scanModule)) as { minBlocksForWorkers: number };
    const blocks = Math.floor((bytes - 4096) / 65536);
    if (blocks < minBlocksForWorkers) {
      console.log(
        `  (${blocks} chunks: below the ${minBlocksForWorkers} that get worker threads; --jobs runs on one thread)`,
      );
    }
    // Both contracts, each measured the same way with one thread and with workers: store rows
    // (what ingest stores; workers build them and this thread only takes them over) and
    // LogEvents (workers post them by column and this thread rebuilds the objects).
    for (const mode of ['rows', 'events'] as const) {
      const what =
        mode === 'rows'
          ? 'to store rows (LogEvent, catalogue message, data JSON: what ingest stores)'
          : 'to LogEvents';
      console.log(`  ${what}:`);
      const rates = new Map<number, ReturnType<typeof eventsRate>>();
      for (const jobs of [...new Set([1, 2, cores])]) {
        const r = eventsRate(file, mode, jobs, 5);
        rates.set(jobs, r);
        console.log(
          `    ${jobs === 1 ? 'one thread' : `${jobs} workers `}: ${mb(bytes, r.median)} MB/s, ${perSecond(r.events, r.median)} events/s ` +
            `(median of 5 warm runs; first run ${mb(bytes, r.cold)} MB/s); ` +
            (jobs === 1
              ? `by CPU time ${mb(bytes, r.cpuMedian)} MB/s (${r.cpuMedian.toFixed(2)} s); `
              : `CPU time of all threads ${r.cpuMedian.toFixed(2)} s; `) +
            `${r.events} events; peak RSS ${rss(r.rssMiB)}`,
        );
      }
      const one = rates.get(1);
      const two = rates.get(2);
      if (one && two) {
        // What two free cores would give: the run takes as long as the busier of the main thread
        // (its own CPU time) and the two cores together (half of all threads' CPU time).
        // Only for files that get workers: the thread's CPU time is counted in 1/100 s.
        const twoCoreSeconds = Math.max(two.mainCpu ?? 0, two.cpuMedian / 2);
        const byCpu =
          blocks < minBlocksForWorkers
            ? ''
            : `; by CPU time ${(one.cpuMedian / twoCoreSeconds).toFixed(2)}×: one thread's CPU time over ` +
              `the larger of the main thread's own ${two.mainCpu === null ? 'n/a' : `${two.mainCpu.toFixed(2)} s`} ` +
              `and half of all threads' ${(two.cpuMedian / 2).toFixed(2)} s, the time two free cores would need`;
        console.log(
          `    two threads against one, wall clock: ${(one.median / two.median).toFixed(2)}× ` +
            `(CPU time of all threads ${(two.cpuMedian / one.cpuMedian).toFixed(2)}× one thread's${byCpu})`,
        );
      }
    }
    // Three rounds, each command once per round, so a burst of load hits all of them alike.
    const dumpArgs = (jobs: number) => [
      cli,
      'evtx',
      'dump',
      file,
      '--format',
      'xml',
      '--jobs',
      String(jobs),
    ];
    const rounds = Array.from({ length: 3 }, () => ({
      dump: timedToNull(process.execPath, dumpArgs(1)),
      dumpWorkers: timedToNull(process.execPath, dumpArgs(cores)),
      libevtx: haveEvtxexport ? timedToNull('evtxexport', ['-f', 'xml', file]) : null,
    }));
    const dump = median(
      rounds.map((r) => r.dump),
      (r) => r.seconds,
    );
    const dumpWorkers = median(
      rounds.map((r) => r.dumpWorkers),
      (r) => r.seconds,
    );
    console.log(
      `  lmdoctor evtx dump --format xml --jobs 1 > /dev/null: ${dump.seconds.toFixed(2)} s (${mb(bytes, dump.seconds)} MB/s, whole process; ${cpuText(dump.cpu)}), peak RSS ${rss(dump.rssMiB)} (median of 3)`,
    );
    console.log(
      `  lmdoctor evtx dump --format xml --jobs ${cores} > /dev/null: ${dumpWorkers.seconds.toFixed(2)} s (${mb(bytes, dumpWorkers.seconds)} MB/s; ${cpuText(dumpWorkers.cpu)}), peak RSS ${rss(dumpWorkers.rssMiB)} (median of 3)`,
    );
    if (haveEvtxexport) {
      const libevtx = median(
        rounds.map((r) => r.libevtx as NonNullable<typeof r.libevtx>),
        (r) => r.seconds,
      );
      const byCpu =
        libevtx.cpu !== null && dump.cpu !== null
          ? `; by CPU time ${(libevtx.cpu / dump.cpu).toFixed(1)}× with one thread`
          : '';
      console.log(
        `  evtxexport -f xml > /dev/null: ${libevtx.seconds.toFixed(2)} s (${mb(bytes, libevtx.seconds)} MB/s; ${cpuText(libevtx.cpu)}), peak RSS ${rss(libevtx.rssMiB)} (median of 3); ` +
          `lmdoctor dump is ${(libevtx.seconds / dump.seconds).toFixed(1)}× as fast with one thread, ${(libevtx.seconds / dumpWorkers.seconds).toFixed(1)}× with workers${byCpu}`,
      );
    } else {
      console.log('  evtxexport not installed (apt-get install libevtx-utils): no comparison');
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
