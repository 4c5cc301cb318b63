import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { reportInternalError } from './internal-error.js';
import { terminalFacts, type TerminalFacts } from './terminal.js';

/**
 * The commands that read a whole case (ingest, replay, diagnosis, reports). They run on a
 * worker thread of the same process, whose young generation can be bounded: V8 lets a
 * worker's heap limits be set when it starts, while the main thread's are fixed by node's
 * command line (v8.setFlagsFromString at run time does not shrink it).
 */
const heavyCommands = new Set([
  'analyze',
  'ingest',
  'migrations',
  'diagnose',
  'timeline',
  'report',
  'export',
]);

/**
 * The command thread's young generation in MiB: three semi-spaces of 4 MiB instead of V8's
 * 16 MiB on 64-bit systems. Replay and ingest make a lot of short-lived garbage; with the
 * default young generation its pages alone added about 40 MiB to the peak RSS of a 1 GB
 * analyze, for no measurable gain in speed (bench:analyze, README).
 */
export const commandThreadLimits = { maxYoungGenerationSizeMb: 12 };

/**
 * V8 lets the old generation grow to up to four times what survived the last full collection
 * before it collects again; a case's live heap is small (about 30 MiB in replay at 1 GB) and
 * its garbage plenty, so the heap stood at 110-150 MiB. Growing it at most twofold keeps it at
 * 60-90 MiB; full collections of the small live heap cost about 1.4 s more over the 2 min run
 * (--trace-gc; bench:analyze and the README have the end-to-end figures). The factor is
 * read at each collection, so setting it at run time works (unlike the young generation's
 * size, fixed when an isolate starts); it is process-wide, EVTX and cluster log workers included.
 */
const heapGrowingPercent = 100;

/** Sets the V8 heap flags of a process that runs a heavy command; call before it starts. */
export function applyCommandHeapFlags(): void {
  setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
}

/** What the main thread hands the command thread. */
export interface CommandThreadData {
  argv: string[];
  terminal: TerminalFacts;
}

/** True when the command line `args` (after the script) names a command run on its own thread. */
export function runsOnCommandThread(args: readonly string[]): boolean {
  const named = args.find((arg) => !arg.startsWith('-'));
  return named !== undefined && heavyCommands.has(named);
}

/**
 * Runs `entry` (the CLI's main module) on a worker thread with `argv` and this terminal's
 * facts, and resolves to its exit code once it has ended. The worker's stdout and stderr go to
 * this process's (node drains them before the 'exit' event); an error the worker did not
 * handle is reported as an internal error with exit code 1.
 */
export function runOnCommandThread(entry: URL, argv: string[]): Promise<number> {
  applyCommandHeapFlags();
  return new Promise((resolve) => {
    const data: CommandThreadData = { argv, terminal: terminalFacts() };
    const worker = new Worker(entry, { workerData: data, resourceLimits: commandThreadLimits });
    let failed = false;
    worker.on('error', (error) => {
      failed = true;
      reportInternalError(error);
    });
    worker.on('exit', (code) => resolve(failed && code === 0 ? 1 : code));
  });
}
