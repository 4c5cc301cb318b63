import { Worker } from 'node:worker_threads';
import { evtxWorkerMark } from './scan-tasks.js';

/**
 * Idle EVTX worker threads kept between scans, so later files (and repeated runs) get workers
 * whose code is already compiled and warm. Idle workers are unref'd: they never keep the
 * process alive.
 */
const idle: Worker[] = [];

/**
 * A worker's young generation, smaller than V8's default: a worker's garbage is short-lived
 * (one task's records), and every isolate's young generation adds to the process's memory.
 */
const workerLimits = { maxYoungGenerationSizeMb: 16 };

const newWorker = (url: URL) =>
  new Worker(url, { resourceLimits: workerLimits, workerData: evtxWorkerMark });

/** `count` workers for one scan: idle ones first, new ones for the rest. */
export function takeWorkers(url: URL, count: number): Worker[] {
  const taken: Worker[] = [];
  while (taken.length < count) {
    const worker = idle.pop() ?? newWorker(url);
    if (worker.threadId === -1) continue; // ended while idle (threadId is -1 once it stops)
    worker.ref();
    taken.push(worker);
  }
  return taken;
}

/** How many started workers are waiting for a scan. */
export function idleWorkers(): number {
  return idle.length;
}

/** Starts idle workers until `count` are idle, for a scan that will take them soon. */
export function startWorkers(url: URL, count: number): void {
  while (idle.length < count) {
    const worker = newWorker(url);
    worker.unref();
    idle.push(worker);
  }
}

/** Returns healthy workers to the pool after a scan (the caller has removed its listeners). */
export function releaseWorkers(workers: Worker[]): void {
  for (const worker of workers) {
    worker.unref();
    idle.push(worker);
  }
}

/** Ends workers that failed (or whose scan failed); they are not reused. */
export function discardWorkers(workers: Worker[]): void {
  for (const worker of workers) void worker.terminate();
}

/** Ends every idle worker (each holds a heap of its own); later scans start new ones. */
export async function endIdleWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((worker) => worker.terminate()));
}
