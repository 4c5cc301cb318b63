import { closeSync, fstatSync, openSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type { WorkerResult, WorkerTask } from './evtx-worker.js';
import { chunkSizeInBytes, fileHeaderSizeInBytes } from './limits.js';
import { recordOutput, type OutputItem, type OutputMode } from './record-output.js';
import { readEvtxHeader, scanEvtxFile, type EvtxProblem } from './scan-evtx.js';
import { discardWorkers, releaseWorkers, takeWorkers } from './worker-pool.js';

/** Blocks per task handed to a worker; tasks in flight per worker before results are used. */
const blocksPerTask = 8;
const tasksInFlightPerWorker = 3;
/** Smaller files are read on this thread: starting workers would cost more than it saves. */
const minBlocksForWorkers = 32;

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
    const done = new Map<number, WorkerResult>();
    let nextTask = 0;
    let nextToDeliver = 0;
    let failed = false;
    const idle: Worker[] = [];

    const finish = (error?: unknown) => {
      if (error) {
        discardWorkers(workers);
        reject(error);
      } else {
        releaseWorkers(workers);
        resolve();
      }
    };
    const dispatch = () => {
      while (
        idle.length &&
        nextTask < tasks &&
        nextTask - nextToDeliver < workerCount * tasksInFlightPerWorker
      ) {
        const worker = idle.pop() as Worker;
        const start = nextTask * blocksPerTask;
        const task: WorkerTask = { ...setup, start, end: Math.min(blocks, start + blocksPerTask) };
        nextTask++;
        worker.postMessage(task);
      }
    };
    const deliver = () => {
      for (let result = done.get(nextToDeliver); result; result = done.get(nextToDeliver)) {
        done.delete(nextToDeliver);
        let p = 0;
        const items = result.items;
        items.forEach((item, i) => {
          while (p < result.problems.length && (result.problems[p]?.before ?? 0) <= i) {
            output.problem((result.problems[p++] as WorkerResult['problems'][number]).problem);
          }
          output.item(item);
        });
        while (p < result.problems.length)
          output.problem((result.problems[p++] as WorkerResult['problems'][number]).problem);
        nextToDeliver++;
        output.progress?.(
          fileHeaderSizeInBytes +
            Math.min(blocks, nextToDeliver * blocksPerTask) * chunkSizeInBytes,
        );
      }
    };

    for (const worker of workers) {
      idle.push(worker);
      worker.on('message', (result: WorkerResult) => {
        if (failed) return;
        done.set(result.start / blocksPerTask, result);
        idle.push(worker);
        try {
          deliver();
        } catch (error) {
          failed = true;
          finish(error);
          return;
        }
        if (nextToDeliver === tasks) finish();
        else dispatch();
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
