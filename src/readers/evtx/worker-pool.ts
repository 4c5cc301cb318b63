import { Worker } from 'node:worker_threads';

/**
 * Idle EVTX worker threads kept between scans, so later files (and repeated runs) get workers
 * whose code is already compiled and warm. Idle workers are unref'd: they never keep the
 * process alive.
 */
const idle: Worker[] = [];

/** `count` workers for one scan: idle ones first, new ones for the rest. */
export function takeWorkers(url: URL, count: number): Worker[] {
  const taken: Worker[] = [];
  while (taken.length < count) {
    const worker = idle.pop() ?? new Worker(url);
    worker.ref();
    taken.push(worker);
  }
  return taken;
}

/** Returns healthy workers to the pool after a scan. */
export function releaseWorkers(workers: Worker[]): void {
  for (const worker of workers) {
    worker.removeAllListeners('message');
    worker.removeAllListeners('error');
    worker.unref();
    idle.push(worker);
  }
}

/** Ends workers that failed (or whose scan failed); they are not reused. */
export function discardWorkers(workers: Worker[]): void {
  for (const worker of workers) void worker.terminate();
}
