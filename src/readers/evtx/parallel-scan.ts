import { closeSync, fstatSync, openSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type { WorkerResult, WorkerTask } from './evtx-worker.js';
import { chunkSizeInBytes, fileHeaderSizeInBytes } from './limits.js';
import { recordOutput, type OutputItem, type OutputMode } from './record-output.js';
import { readEvtxHeader, scanEvtxFile, scanTruncatedTail, type EvtxProblem } from './scan-evtx.js';
import { TemplateCache } from './template-cache.js';
import { discardWorkers, releaseWorkers, takeWorkers } from './worker-pool.js';

/** Blocks per task handed to a worker; tasks in flight per worker before results are used. */
const blocksPerTask = 8;
const tasksInFlightPerWorker = 4;
const tasksQueuedPerWorker = 2;
/** Smaller files are read on this thread: starting workers would cost more than it saves. */
export const minBlocksForWorkers = 160;

export interface ParallelScanOutput {
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
 * 64 KiB blocks over `jobs` worker threads; with one job (or no worker script) it runs on this
 * thread. At most `jobs × tasksInFlightPerWorker` tasks are out at once, so memory stays flat.
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
    scanEvtxFile(
      path,
      {
        onRecord: recordOutput(mode, (item) => output.item(item)),
        onProblem: (problem) => output.problem(problem),
        onChunk: (chunk) => output.progress?.(chunk.fileOffset + chunkSizeInBytes),
      },
      { recover: options.recover ?? false },
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
  await runWorkers(
    url,
    { path, mode, recover: options.recover ?? false },
    workerCount,
    tasks,
    blocks,
    output,
  );
  // A file cut inside its last chunk: that chunk's complete records, as the one-thread scan does.
  const tailFd = openSync(path, 'r');
  try {
    scanTruncatedTail(
      tailFd,
      fstatSync(tailFd).size,
      blocks,
      new TemplateCache(),
      {
        onRecord: recordOutput(mode, (item) => output.item(item)),
        onProblem: (problem) => output.problem(problem),
      },
      options.recover ?? false,
    );
  } finally {
    closeSync(tailFd);
  }
}

type TaskSetup = Pick<WorkerTask, 'path' | 'mode' | 'recover'>;

function runWorkers(
  url: URL,
  setup: TaskSetup,
  workerCount: number,
  tasks: number,
  blocks: number,
  output: ParallelScanOutput,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers = takeWorkers(url, workerCount);
    const outstanding = new Map<Worker, number>(workers.map((w) => [w, 0]));
    const done = new Map<number, WorkerResult>();
    let nextTask = 0;
    let nextToDeliver = 0;
    let failed = false;

    const finish = (error?: unknown) => {
      if (error) {
        discardWorkers(workers);
        reject(error);
      } else {
        releaseWorkers(workers);
        resolve();
      }
    };
    // Each worker holds up to `tasksQueuedPerWorker` tasks, so it never waits for this thread;
    // results not yet delivered are bounded by the window.
    const dispatch = () => {
      for (const worker of workers) {
        while (
          (outstanding.get(worker) ?? 0) < tasksQueuedPerWorker &&
          nextTask < tasks &&
          nextTask - nextToDeliver < workerCount * tasksInFlightPerWorker
        ) {
          const start = nextTask * blocksPerTask;
          const task: WorkerTask = {
            ...setup,
            start,
            end: Math.min(blocks, start + blocksPerTask),
          };
          nextTask++;
          outstanding.set(worker, (outstanding.get(worker) ?? 0) + 1);
          worker.postMessage(task);
        }
      }
    };
    const deliver = () => {
      for (let result = done.get(nextToDeliver); result; result = done.get(nextToDeliver)) {
        done.delete(nextToDeliver);
        const { items, problems } = result;
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
        dispatch(); // delivering widened the window
      }
    };

    for (const worker of workers) {
      worker.on('message', (result: WorkerResult) => {
        if (failed) return;
        outstanding.set(worker, (outstanding.get(worker) ?? 1) - 1);
        done.set(result.start / blocksPerTask, result);
        dispatch(); // keep the worker busy before spending time on delivery
        try {
          deliver();
        } catch (error) {
          failed = true;
          finish(error);
          return;
        }
        if (nextToDeliver === tasks) finish();
      });
      worker.on('error', (error) => {
        if (failed) return;
        failed = true;
        finish(error);
      });
    }
    dispatch();
  });
}
