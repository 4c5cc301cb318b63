import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import {
  scanSlot,
  scanSlots,
  taskBlocks,
  type WorkerFinished,
  type WorkerResult,
  type WorkerScan,
} from './scan-tasks.js';
import { taskCollector, textChunkSize } from './task-collector.js';
import { fromEventColumns, type EventColumns } from './event-columns.js';
import { chunkSizeInBytes, fileHeaderSizeInBytes } from '../binary/limits.js';
import { chunkedOutput, type OutputItem, type OutputMode } from '../render/record-output.js';
import { fromRowColumns, type RowColumns } from './row-columns.js';
import {
  readEvtxHeader,
  scanBlock,
  scanEvtxFileInto,
  scanTruncatedTail,
  type EvtxProblem,
} from '../binary/scan-evtx.js';
import { TemplateCache } from '../binary/template-cache.js';
import {
  discardWorkers,
  idleWorkers,
  releaseWorkers,
  startWorkers,
  takeWorkers,
} from './worker-pool.js';

/**
 * Blocks per task; tasks in flight per thread (no thread takes a task this many tasks per
 * thread ahead of the delivered ones: each task decoded ahead holds its items until delivered).
 * Tasks of two blocks rather than four keep fewer events alive at each young-generation
 * collection of this thread, which then stops growing its young generation: six two-thread
 * scans of the 33.6 MB synthetic file in one process peaked at 144-155 MiB in five runs of five,
 * against 146-193 MiB (three runs of eight at 189-193 MiB) with four, for 0-5 % more CPU time.
 */
const blocksPerTask = 2;
const tasksInFlightPerWorker = 2;
/**
 * This thread decodes a worker's task itself when it is next to deliver and has not come after
 * this many of this thread's task times (and at least `stealAfterMs`).
 */
const stealAfterTasks = 4;
const stealAfterMs = 4;
/** The same for a thread that only delivers (`busyConsumer`): long enough for a cold worker. */
const storeOnlyStealAfterMs = 250;
/** Smaller files are read on this thread: starting workers would cost more than it saves. */
export const minBlocksForWorkers = 160;

/**
 * Templates compiled on this thread, kept across files and scans as each worker keeps its own
 * (bounded: see TemplateCache), so a later file with the same templates starts warm.
 */
const threadCache = new TemplateCache();

export interface ParallelScanOutput {
  /**
   * A LogEvent or store row, or a chunk of text: records each followed by a line end (see
   * `chunkedOutput`).
   */
  item(item: OutputItem): void;
  problem(problem: EvtxProblem): void;
  /** File offset up to which everything has been delivered. */
  progress?(bytesDone: number): void;
}

export interface ParallelScanOptions {
  recover?: boolean;
  /** Wait this long (ms) for a late worker task before decoding it here (tests: 0). */
  stealAfterMs?: number;
  /**
   * The consumer of `output.item` has work of its own (ingest stores every row in SQLite): this
   * thread then only delivers, and the workers decode (`jobs − 1` of them, at least one). It
   * decodes a task itself only when a worker's has not come for `storeOnlyStealAfterMs`. A
   * second isolate warming up the decoder costs more CPU time than this thread's share of the
   * decoding saves (see README, issue 3).
   */
  busyConsumer?: boolean;
}

/**
 * The worker script next to this module. From TypeScript sources (tests, tsx) a worker would
 * need the TypeScript loader, so then only a process started through tsx gets workers.
 */
function workerUrl(): URL | null {
  if (import.meta.url.endsWith('.js')) return new URL('./evtx-worker.js', import.meta.url);
  const viaTsx = process.execArgv.some((arg) => arg.includes('tsx'));
  return viaTsx ? new URL('./evtx-worker.ts', import.meta.url) : null;
}

/** Whole 64 KiB blocks after the file header of a file of `bytes` bytes. */
function blocksIn(bytes: number): number {
  return Math.floor(Math.max(0, bytes - fileHeaderSizeInBytes) / chunkSizeInBytes);
}

/**
 * Worker threads a scan of `blocks` blocks with `jobs` jobs uses (0: it runs on this thread).
 * When this thread only stores (`busyConsumer`), workers already started take small files too
 * (as many as are idle), so that in a run only the workers warm up the decoder.
 */
function workerThreadsFor(blocks: number, jobs: number, storeOnly = false): number {
  const tasks = Math.ceil(blocks / blocksPerTask);
  if (storeOnly) {
    const threads = Math.min(jobs - 1, tasks);
    return blocks >= minBlocksForWorkers ? threads : Math.min(threads, idleWorkers());
  }
  const threads = Math.min(jobs, tasks);
  return threads <= 1 || blocks < minBlocksForWorkers ? 0 : threads - 1;
}

/**
 * Starts, ahead of time, the worker threads that a scan of a file of `bytes` bytes with `jobs`
 * jobs will take, so that they boot and load their code while the caller does other work (ingest
 * hashes the file first). Unused, they stay idle and never keep the process alive.
 */
export function startWorkersFor(bytes: number, jobs: number): void {
  const url = workerUrl();
  if (url !== null) startWorkers(url, workerThreadsFor(blocksIn(bytes), jobs));
}

/**
 * Decodes an EVTX file into items (LogEvents, XML or JSON text) in file order, spreading
 * 64 KiB blocks over `jobs` threads (this one and `jobs − 1` workers); with one job, a small
 * file or no worker script it all runs on this thread. At most `jobs × tasksInFlightPerWorker`
 * tasks are out at once, so memory stays flat.
 * Throws when the file is not EVTX.
 */
export async function scanEvtxParallel(
  path: string,
  mode: OutputMode,
  jobs: number,
  output: ParallelScanOutput,
  options: ParallelScanOptions = {},
): Promise<void> {
  const fd = openSync(path, 'r');
  let blocks: number;
  try {
    readEvtxHeader(fd, () => {}); // fails early on a non-EVTX file; problems come below
    blocks = blocksIn(fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
  const url = workerUrl();
  const tasks = Math.ceil(blocks / blocksPerTask);
  const workerThreads = workerThreadsFor(blocks, jobs, options.busyConsumer);
  if (url === null || workerThreads === 0) {
    scanEvtxFileInto(
      path,
      chunkedOutput(mode, (item) => output.item(item), textChunkSize),
      (problem) => output.problem(problem),
      {
        cache: threadCache,
        recover: options.recover ?? false,
        onChunk: (chunk) => output.progress?.(chunk.fileOffset + chunkSizeInBytes),
      },
    );
    return;
  }
  // The file header's own problems, reported first as the single-thread scan does.
  const headerFd = openSync(path, 'r');
  try {
    readEvtxHeader(headerFd, (problem) => output.problem(problem));
  } finally {
    closeSync(headerFd);
  }
  await runPool(
    url,
    { path, mode, recover: options.recover ?? false, blocks, blocksPerTask },
    workerThreads,
    tasks,
    output,
    options,
  );
  // A file cut inside its last chunk: that chunk's complete records, as the one-thread scan does.
  const tailFd = openSync(path, 'r');
  const records = chunkedOutput(mode, (item) => output.item(item), textChunkSize);
  try {
    scanTruncatedTail(
      tailFd,
      fstatSync(tailFd).size,
      blocks,
      threadCache,
      {
        onRecord: records.onRecord,
        onProblem: (problem) => {
          records.flush();
          output.problem(problem);
        },
      },
      options.recover ?? false,
    );
    records.flush();
  } finally {
    closeSync(tailFd);
  }
}

type TaskSetup = Pick<WorkerScan, 'path' | 'mode' | 'recover' | 'blocks' | 'blocksPerTask'>;

/** What one task gave, decoded here or by a worker (see WorkerResult). */
type TaskResult = Omit<WorkerResult, 'task'>;

/** Decodes task `task` on this thread, into the same result shape as a worker's. */
function mainThreadDecoder(setup: TaskSetup): {
  decode(task: number): TaskResult;
  close(): void;
} {
  const fd = openSync(setup.path, 'r');
  const block = Buffer.alloc(chunkSizeInBytes);
  const collected = taskCollector(setup.mode);
  return {
    decode(task) {
      const { start, end } = taskBlocks(setup, task);
      for (let index = start; index < end; index++) {
        const offset = fileHeaderSizeInBytes + index * chunkSizeInBytes;
        if (readSync(fd, block, 0, chunkSizeInBytes, offset) < chunkSizeInBytes) break;
        scanBlock(block, index, threadCache, collected.handlers, setup.recover);
      }
      return collected.take(start);
    },
    close: () => closeSync(fd),
  };
}

/** The items of a result, as `output.item` takes them. */
function resultItems(mode: OutputMode, items: TaskResult['items']): OutputItem[] {
  if (Array.isArray(items)) return items;
  return mode === 'rows'
    ? fromRowColumns(items as RowColumns)
    : fromEventColumns(items as EventColumns);
}

/**
 * Spreads the tasks over `workerThreads` workers and this thread (which decodes too unless
 * `busyConsumer`), which delivers every result in file order. Each thread takes the next task from a shared counter
 * whenever it is free, so none waits to be handed work and a slow worker takes fewer tasks;
 * nobody takes a task `window` or more ahead of the delivered ones, so results waiting for
 * delivery stay bounded. When the next task to deliver is a worker's and has not come for a
 * while (a worker that is still starting, or descheduled), this thread decodes it too and the
 * worker's copy is dropped: a starting worker costs time on its own core, not waiting here.
 */
async function runPool(
  url: URL,
  setup: TaskSetup,
  workerThreads: number,
  tasks: number,
  output: ParallelScanOutput,
  options: Pick<ParallelScanOptions, 'stealAfterMs' | 'busyConsumer'>,
): Promise<void> {
  const stealAfter = options.stealAfterMs;
  const storeOnly = options.busyConsumer ?? false;
  const workers = takeWorkers(url, workerThreads);
  const state = new Int32Array(new SharedArrayBuffer(scanSlots * Int32Array.BYTES_PER_ELEMENT));
  const window = (workerThreads + 1) * tasksInFlightPerWorker;
  const done = new Map<number, TaskResult>();
  let nextToDeliver = 0;
  let finishedWorkers = 0;
  const failure: { error: unknown }[] = [];
  let wake: (() => void) | null = null;
  const main = mainThreadDecoder(setup);
  let mainTaskMs = 1; // running average of this thread's time per task

  const deliver = () => {
    for (let result = done.get(nextToDeliver); result; result = done.get(nextToDeliver)) {
      done.delete(nextToDeliver);
      const { problems } = result;
      const items = resultItems(setup.mode, result.items);
      let p = 0;
      for (let i = 0; i < items.length; i++) {
        while (p < problems.length && (problems[p]?.before ?? 0) <= i) {
          output.problem((problems[p++] as TaskResult['problems'][number]).problem);
        }
        output.item(items[i] as OutputItem);
      }
      while (p < problems.length) {
        output.problem((problems[p++] as TaskResult['problems'][number]).problem);
      }
      nextToDeliver++;
      const blocksDone = Math.min(setup.blocks, nextToDeliver * setup.blocksPerTask);
      output.progress?.(fileHeaderSizeInBytes + blocksDone * chunkSizeInBytes);
    }
    Atomics.store(state, scanSlot.delivered, nextToDeliver);
    Atomics.notify(state, scanSlot.delivered);
  };
  const decodeHere = (task: number) => {
    const started = performance.now();
    done.set(task, main.decode(task));
    mainTaskMs = 0.8 * mainTaskMs + 0.2 * (performance.now() - started);
  };
  /** Takes the next task if it is inside the window; its number, or −1. */
  const take = (): number => {
    const next = Atomics.load(state, scanSlot.next);
    if (next >= tasks || next - nextToDeliver >= window) return -1;
    return Atomics.compareExchange(state, scanSlot.next, next, next + 1) === next ? next : -1;
  };
  /** Resolves on a worker's message, or after `ms`; true when something came. */
  const waitForWorkers = (ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve(false);
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve(true);
      };
    });

  const listeners = workers.map((worker) => {
    const onMessage = (message: WorkerResult | WorkerFinished) => {
      if ('finished' in message) finishedWorkers++;
      // A task this thread decoded too (see above) is already delivered or waiting: dropped.
      else if (message.task >= nextToDeliver && !done.has(message.task)) {
        done.set(message.task, message);
      }
      wake?.();
    };
    const onError = (error: unknown) => {
      if (failure.length === 0) failure.push({ error });
      wake?.();
    };
    // A worker that ends without an error (killed, out of memory) must not leave us waiting.
    const onExit = (code: number) =>
      onError(new Error(`an EVTX worker thread stopped (exit code ${code})`));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    return () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
  });
  const scan: WorkerScan = { ...setup, tasks, window, shared: state.buffer as SharedArrayBuffer };
  for (const worker of workers) worker.postMessage(scan);

  try {
    while (nextToDeliver < tasks) {
      if (failure[0]) throw failure[0].error;
      const task = storeOnly ? -1 : take();
      if (task >= 0) {
        decodeHere(task);
        deliver();
        // Let worker messages in before taking the next task.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      if (done.has(nextToDeliver)) {
        deliver();
        continue;
      }
      // The next task to deliver is a worker's: wait for it, and decode it here if it is late.
      const came = await waitForWorkers(
        stealAfter ??
          (storeOnly
            ? storeOnlyStealAfterMs
            : Math.max(stealAfterMs, stealAfterTasks * mainTaskMs)),
      );
      if (!came && !done.has(nextToDeliver)) {
        if (nextToDeliver < Atomics.load(state, scanSlot.next)) decodeHere(nextToDeliver);
        else if (storeOnly) {
          // No worker has taken even the next task for that long (one that does not start).
          const untaken = take();
          if (untaken >= 0) decodeHere(untaken);
        }
      }
      deliver();
    }
    // Every task is delivered: workers stop taking (none is left) and say when they are done.
    Atomics.store(state, scanSlot.stop, 1);
    Atomics.notify(state, scanSlot.delivered);
    while (finishedWorkers < workers.length) {
      if (failure[0]) throw failure[0].error;
      await waitForWorkers(1000);
    }
  } catch (error) {
    Atomics.store(state, scanSlot.stop, 1);
    Atomics.notify(state, scanSlot.delivered);
    for (const stopListening of listeners) stopListening();
    discardWorkers(workers);
    throw error;
  } finally {
    main.close();
  }
  for (const stopListening of listeners) stopListening();
  releaseWorkers(workers);
}
