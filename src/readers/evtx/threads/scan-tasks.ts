import type { EventColumns } from './event-columns.js';
import type { OutputItem, OutputMode } from '../render/record-output.js';
import type { RowColumns } from './row-columns.js';
import type { TaskOutput } from './task-collector.js';

/**
 * What a scan's threads share (parallel-scan.ts hands out the tasks, evtx-worker.ts is the
 * worker). Kept apart from evtx-worker.ts, which starts serving its parent port when loaded:
 * importing it on any other thread (e.g. a command thread) would take over that thread's port.
 */

/** `workerData` of EVTX worker threads: evtx-worker.ts serves only a thread started with it. */
export const evtxWorkerMark = 'lmdoctor-evtx-worker';

/**
 * Slots of a scan's shared state (an Int32Array over `WorkerScan.shared`), which the threads of
 * a scan use to share out its tasks without a message per task.
 */
export const scanSlot = {
  /** The next task nobody has taken yet (taken with an atomic add or compare-exchange). */
  next: 0,
  /** How many tasks the scanning thread has delivered (it notifies waiters when it moves). */
  delivered: 1,
  /** Non-zero when the scan is over or failed: workers take no more tasks. */
  stop: 2,
} as const;
export const scanSlots = 3;

/**
 * Sent to a worker: take tasks of `path` until none are left. Task `t` is blocks
 * `[t × blocksPerTask, min(blocks, (t + 1) × blocksPerTask))`; a worker takes a task only when it
 * is fewer than `window` tasks ahead of the delivered ones, so results waiting for delivery
 * stay bounded.
 */
export interface WorkerScan {
  path: string;
  mode: OutputMode;
  recover: boolean;
  blocks: number;
  blocksPerTask: number;
  tasks: number;
  window: number;
  shared: SharedArrayBuffer;
}

/** Sent back for each task taken: its items and problems, in file order. */
export interface WorkerResult extends Omit<TaskOutput, 'items'> {
  task: number;
  /** Text chunks (xml as bytes, json as strings) as they are; LogEvents and rows by column. */
  items: OutputItem[] | EventColumns | RowColumns;
}

/** Sent back when the worker takes no more tasks of the scan. */
export interface WorkerFinished {
  finished: true;
}

/** Blocks `[start, end)` of task `task` (the last task may be shorter). */
export function taskBlocks(scan: Pick<WorkerScan, 'blocks' | 'blocksPerTask'>, task: number) {
  const start = task * scan.blocksPerTask;
  return { start, end: Math.min(scan.blocks, start + scan.blocksPerTask) };
}
