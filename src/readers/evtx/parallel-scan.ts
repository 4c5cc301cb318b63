import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type { WorkerResult, WorkerTask } from './evtx-worker.js';
import { taskCollector, textChunkSize } from './task-collector.js';
import { fromEventColumns, type EventColumns } from './event-columns.js';
import { chunkSizeInBytes, fileHeaderSizeInBytes } from './limits.js';
import { chunkedOutput, type OutputItem, type OutputMode } from './record-output.js';
import { fromRowColumns, type RowColumns } from './row-columns.js';
import {
  readEvtxHeader,
  scanBlock,
  scanEvtxFile,
  scanTruncatedTail,
  type EvtxProblem,
} from './scan-evtx.js';
import { TemplateCache } from './template-cache.js';
import { discardWorkers, releaseWorkers, takeWorkers } from './worker-pool.js';

/**
 * Blocks per task handed to a worker; tasks in flight per thread before results are used (each
 * task this thread decodes ahead holds its items until delivered: two keep the peak heap of a
 * two-thread scan some 40 MiB lower than three, at the same speed). Tasks of two blocks rather
 * than four keep fewer events alive at each young-generation collection of this thread, which
 * then stops growing its young generation: six two-thread scans of the 33.6 MB synthetic file
 * in one process peaked at 144-155 MiB in five runs of five, against 146-193 MiB (three runs of
 * eight at 189-193 MiB) with four, for 0-5 % more CPU time.
 */
const blocksPerTask = 2;
const tasksInFlightPerWorker = 2;
const tasksQueuedPerWorker = 2;
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

/**
 * The worker script next to this module. From TypeScript sources (tests, tsx) a worker would
 * need the TypeScript loader, so then only a process started through tsx gets workers.
 */
function workerUrl(): URL | null {
  if (import.meta.url.endsWith('.js')) return new URL('./evtx-worker.js', import.meta.url);
  const viaTsx = process.execArgv.some((arg) => arg.includes('tsx'));
  return viaTsx ? new URL('./evtx-worker.ts', import.meta.url) : null;
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
  options: { recover?: boolean } = {},
): Promise<void> {
  const fd = openSync(path, 'r');
  let blocks: number;
  try {
    readEvtxHeader(fd, () => {}); // fails early on a non-EVTX file; problems come below
    blocks = Math.floor(Math.max(0, fstatSync(fd).size - fileHeaderSizeInBytes) / chunkSizeInBytes);
  } finally {
    closeSync(fd);
  }
  const url = workerUrl();
  const tasks = Math.ceil(blocks / blocksPerTask);
  const workerCount = Math.min(jobs, tasks);
  if (workerCount <= 1 || url === null || blocks < minBlocksForWorkers) {
    const records = chunkedOutput(mode, (item) => output.item(item), textChunkSize);
    scanEvtxFile(
      path,
      {
        onRecord: records.onRecord,
        onProblem: (problem) => {
          records.flush(); // damage reports stay next to the records around them
          output.problem(problem);
        },
        onChunk: (chunk) => output.progress?.(chunk.fileOffset + chunkSizeInBytes),
      },
      { cache: threadCache, recover: options.recover ?? false },
    );
    records.flush();
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
    { path, mode, recover: options.recover ?? false },
    workerCount,
    tasks,
    blocks,
    output,
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

type TaskSetup = Pick<WorkerTask, 'path' | 'mode' | 'recover'>;

/** Decodes blocks `[start, end)` on this thread, into the same result shape as a worker's. */
function mainThreadDecoder(setup: TaskSetup): {
  decode(task: WorkerTask): WorkerResult;
  close(): void;
} {
  const fd = openSync(setup.path, 'r');
  const block = Buffer.alloc(chunkSizeInBytes);
  const collected = taskCollector(setup.mode);
  return {
    decode(task) {
      for (let index = task.start; index < task.end; index++) {
        const offset = fileHeaderSizeInBytes + index * chunkSizeInBytes;
        if (readSync(fd, block, 0, chunkSizeInBytes, offset) < chunkSizeInBytes) break;
        scanBlock(block, index, threadCache, collected.handlers, task.recover);
      }
      return collected.take(task.start);
    },
    close: () => closeSync(fd),
  };
}

/**
 * Spreads the tasks over `threads` threads: `threads − 1` workers, each kept two tasks ahead,
 * and this thread, which decodes the next task itself whenever the workers are supplied and
 * delivers every result in file order. Results waiting for delivery are bounded by a window
 * of `threads × tasksInFlightPerWorker` tasks.
 */
async function runPool(
  url: URL,
  setup: TaskSetup,
  threads: number,
  tasks: number,
  blocks: number,
  output: ParallelScanOutput,
): Promise<void> {
  const workers = takeWorkers(url, threads - 1);
  const outstanding = new Map<Worker, number>(workers.map((w) => [w, 0]));
  const done = new Map<number, WorkerResult>();
  const window = threads * tasksInFlightPerWorker;
  let nextTask = 0;
  let nextToDeliver = 0;
  const state: { failure: { error: unknown } | null } = { failure: null };
  let wake: (() => void) | null = null;
  const main = mainThreadDecoder(setup);

  const taskAt = (number: number): WorkerTask => {
    const start = number * blocksPerTask;
    return { ...setup, start, end: Math.min(blocks, start + blocksPerTask) };
  };
  const dispatch = () => {
    for (const worker of workers) {
      while (
        (outstanding.get(worker) ?? 0) < tasksQueuedPerWorker &&
        nextTask < tasks &&
        nextTask - nextToDeliver < window
      ) {
        outstanding.set(worker, (outstanding.get(worker) ?? 0) + 1);
        worker.postMessage(taskAt(nextTask++));
      }
    }
  };
  const deliver = () => {
    for (let result = done.get(nextToDeliver); result; result = done.get(nextToDeliver)) {
      done.delete(nextToDeliver);
      const { problems } = result;
      const items = Array.isArray(result.items)
        ? result.items
        : setup.mode === 'rows'
          ? fromRowColumns(result.items as RowColumns)
          : fromEventColumns(result.items as EventColumns);
      let p = 0;
      for (let i = 0; i < items.length; i++) {
        while (p < problems.length && (problems[p]?.before ?? 0) <= i) {
          output.problem((problems[p++] as WorkerResult['problems'][number]).problem);
        }
        output.item(items[i] as OutputItem);
      }
      while (p < problems.length) {
        output.problem((problems[p++] as WorkerResult['problems'][number]).problem);
      }
      nextToDeliver++;
      const blocksDone = Math.min(blocks, nextToDeliver * blocksPerTask);
      output.progress?.(fileHeaderSizeInBytes + blocksDone * chunkSizeInBytes);
    }
  };
  const listeners = workers.map((worker) => {
    const onMessage = (result: WorkerResult) => {
      outstanding.set(worker, (outstanding.get(worker) ?? 1) - 1);
      done.set(result.start / blocksPerTask, result);
      dispatch(); // keep the worker supplied before anything else
      wake?.();
    };
    const onError = (error: unknown) => {
      state.failure ??= { error };
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

  try {
    while (nextToDeliver < tasks) {
      dispatch();
      if (nextTask < tasks && nextTask - nextToDeliver < window) {
        const number = nextTask++;
        done.set(number, main.decode(taskAt(number)));
        deliver();
        // Let worker messages in before taking the next task.
        await new Promise<void>((resolve) => setImmediate(resolve));
      } else if (!done.has(nextToDeliver)) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
      }
      if (state.failure) throw state.failure.error;
      deliver();
    }
  } catch (error) {
    for (const stopListening of listeners) stopListening();
    discardWorkers(workers);
    throw error;
  } finally {
    main.close();
  }
  for (const stopListening of listeners) stopListening();
  releaseWorkers(workers);
}
