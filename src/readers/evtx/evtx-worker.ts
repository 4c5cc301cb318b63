import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { LogEvent } from '../../model/log-event.js';
import { toEventColumns, transferableBuffers, type EventColumns } from './event-columns.js';
import { chunkSizeInBytes, fileHeaderSizeInBytes } from './limits.js';
import type { OutputItem, OutputMode } from './record-output.js';
import { rowTransferables, type RowColumns } from './row-columns.js';
import { scanBlock, type ScanHandlers } from './scan-evtx.js';
import { rowColumnsCollector, taskCollector, type TaskOutput } from './task-collector.js';
import { TemplateCache } from './template-cache.js';

/** Sent to a worker: decode blocks `[start, end)` of `path` into `mode` items. */
export interface WorkerTask {
  path: string;
  mode: OutputMode;
  recover: boolean;
  start: number;
  end: number;
}

/** Sent back: the items and problems of that range, in file order. */
export interface WorkerResult extends Omit<TaskOutput, 'items'> {
  /** Text chunks (xml as bytes, json as strings) as they are; LogEvents and rows by column. */
  items: OutputItem[] | EventColumns | RowColumns;
}

/**
 * Worker thread body. Workers live in a pool and serve tasks for any file: each reads its
 * blocks itself (only indexes travel), keeps the file open between tasks of the same file and
 * keeps its template cache (and warmed-up code) across tasks and files.
 */
function serve(): void {
  const port = parentPort;
  if (!port) return;
  const cache = new TemplateCache();
  const block = Buffer.alloc(chunkSizeInBytes);
  let openPath = '';
  let fd = -1;
  const collectors = new Map<OutputMode, ReturnType<typeof taskCollector>>();
  let rows: ReturnType<typeof rowColumnsCollector> | null = null;
  const scan = (task: WorkerTask, handlers: ScanHandlers) => {
    for (let index = task.start; index < task.end; index++) {
      const offset = fileHeaderSizeInBytes + index * chunkSizeInBytes;
      if (readSync(fd, block, 0, chunkSizeInBytes, offset) < chunkSizeInBytes) break;
      scanBlock(block, index, cache, handlers, task.recover);
    }
  };
  port.on('message', (task: WorkerTask) => {
    if (task.path !== openPath) {
      if (fd >= 0) closeSync(fd);
      fd = openSync(task.path, 'r');
      openPath = task.path;
    }
    if (task.mode === 'rows') {
      rows ??= rowColumnsCollector();
      scan(task, rows.handlers);
      const result: WorkerResult = rows.take(task.start);
      port.postMessage(result, rowTransferables(result.items as RowColumns));
      return;
    }
    let collector = collectors.get(task.mode);
    if (!collector) {
      collector = taskCollector(task.mode);
      collectors.set(task.mode, collector);
    }
    scan(task, collector.handlers);
    const output = collector.take(task.start);
    if (task.mode === 'events') {
      const columns = toEventColumns(output.items as LogEvent[]);
      const result: WorkerResult = { ...output, items: columns };
      port.postMessage(result, transferableBuffers(columns));
    } else {
      // XML chunks own their memory (ByteWriter.take): moved, not copied.
      const transfer = output.items.flatMap((item) =>
        item instanceof Uint8Array ? [item.buffer as ArrayBuffer] : [],
      );
      port.postMessage(output, transfer);
    }
  });
}

serve();
