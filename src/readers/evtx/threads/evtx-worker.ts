import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { LogEvent } from '../../../model/log-event.js';
import { toEventColumns, transferableBuffers } from './event-columns.js';
import { chunkSizeInBytes, fileHeaderSizeInBytes } from '../binary/limits.js';
import type { OutputMode } from '../render/record-output.js';
import { rowTransferables, type RowColumns } from './row-columns.js';
import { scanBlock, type ScanHandlers } from '../binary/scan-evtx.js';
import {
  evtxWorkerMark,
  scanSlot,
  taskBlocks,
  type WorkerFinished,
  type WorkerResult,
  type WorkerScan,
} from './scan-tasks.js';
import { rowColumnsCollector, taskCollector } from './task-collector.js';
import { TemplateCache } from '../binary/template-cache.js';

/*
 * Only the worker thread imports this module: at load it starts serving its parent port. What
 * the scanning thread shares with it is in scan-tasks.ts.
 */

/**
 * Worker thread body. Workers live in a pool and serve scans of any file: each reads its blocks
 * itself (only indexes travel), takes its tasks from the scan's shared counter as it becomes
 * free (a slow worker takes fewer), and keeps its template cache (and warmed-up code) across
 * scans and files.
 */
function serve(): void {
  const port = parentPort;
  // Not a thread started by worker-pool.ts (e.g. a command thread that imported this by mistake).
  if (!port || workerData !== evtxWorkerMark) return;
  const cache = new TemplateCache();
  const block = Buffer.alloc(chunkSizeInBytes);
  const collectors = new Map<OutputMode, ReturnType<typeof taskCollector>>();
  let rows: ReturnType<typeof rowColumnsCollector> | null = null;

  const decode = (fd: number, scan: WorkerScan, task: number, handlers: ScanHandlers) => {
    const { start, end } = taskBlocks(scan, task);
    for (let index = start; index < end; index++) {
      const offset = fileHeaderSizeInBytes + index * chunkSizeInBytes;
      if (readSync(fd, block, 0, chunkSizeInBytes, offset) < chunkSizeInBytes) break;
      scanBlock(block, index, cache, handlers, scan.recover);
    }
    return start;
  };

  const runTask = (fd: number, scan: WorkerScan, task: number) => {
    if (scan.mode === 'rows') {
      rows ??= rowColumnsCollector();
      const start = decode(fd, scan, task, rows.handlers);
      const result: WorkerResult = { ...rows.take(start), task };
      port.postMessage(result, rowTransferables(result.items as RowColumns));
      return;
    }
    let collector = collectors.get(scan.mode);
    if (!collector) {
      collector = taskCollector(scan.mode);
      collectors.set(scan.mode, collector);
    }
    const output = collector.take(decode(fd, scan, task, collector.handlers));
    if (scan.mode === 'events') {
      const columns = toEventColumns(output.items as LogEvent[]);
      const result: WorkerResult = { ...output, items: columns, task };
      port.postMessage(result, transferableBuffers(columns));
    } else {
      // XML chunks own their memory (ByteWriter.take): moved, not copied.
      const transfer = output.items.flatMap((item) =>
        item instanceof Uint8Array ? [item.buffer as ArrayBuffer] : [],
      );
      const result: WorkerResult = { ...output, task };
      port.postMessage(result, transfer);
    }
  };

  port.on('message', (scan: WorkerScan) => {
    const state = new Int32Array(scan.shared);
    const fd = openSync(scan.path, 'r');
    try {
      while (Atomics.load(state, scanSlot.stop) === 0) {
        const task = Atomics.add(state, scanSlot.next, 1);
        if (task >= scan.tasks) break;
        // Wait (the scan's thread notifies each delivery) until the task is inside the window.
        for (
          let delivered = Atomics.load(state, scanSlot.delivered);
          task - delivered >= scan.window && Atomics.load(state, scanSlot.stop) === 0;
          delivered = Atomics.load(state, scanSlot.delivered)
        ) {
          Atomics.wait(state, scanSlot.delivered, delivered, 100);
        }
        runTask(fd, scan, task);
      }
    } finally {
      closeSync(fd);
      const finished: WorkerFinished = { finished: true };
      port.postMessage(finished);
    }
  });
}

serve();
