import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { LogEvent } from '../../model/log-event.js';
import { toEventColumns, type EventColumns } from './event-columns.js';
import { chunkSizeInBytes, fileHeaderSizeInBytes } from './limits.js';
import { recordOutput, type OutputItem, type OutputMode } from './record-output.js';
import { scanBlock, type EvtxProblem, type ScanHandlers } from './scan-evtx.js';
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
export interface WorkerResult {
  start: number;
  /** Text items (xml, json) as they are; LogEvents by column (event-columns.ts). */
  items: OutputItem[] | EventColumns;
  /** Problems interleaved with items: each precedes item number `before`. */
  problems: { before: number; problem: EvtxProblem }[];
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
  let items: OutputItem[] = [];
  let problems: WorkerResult['problems'] = [];
  const outputs = new Map<OutputMode, ScanHandlers>();
  const handlersFor = (mode: OutputMode): ScanHandlers => {
    let handlers = outputs.get(mode);
    if (!handlers) {
      handlers = {
        onRecord: recordOutput(mode, (item) => items.push(item)),
        onProblem: (problem) => problems.push({ before: items.length, problem }),
      };
      outputs.set(mode, handlers);
    }
    return handlers;
  };
  port.on('message', (task: WorkerTask) => {
    if (task.path !== openPath) {
      if (fd >= 0) closeSync(fd);
      fd = openSync(task.path, 'r');
      openPath = task.path;
    }
    items = [];
    problems = [];
    const handlers = handlersFor(task.mode);
    for (let index = task.start; index < task.end; index++) {
      const offset = fileHeaderSizeInBytes + index * chunkSizeInBytes;
      if (readSync(fd, block, 0, chunkSizeInBytes, offset) < chunkSizeInBytes) break;
      scanBlock(block, index, cache, handlers, task.recover);
    }
    if (task.mode === 'events') {
      const columns = toEventColumns(items as LogEvent[]);
      const result: WorkerResult = { start: task.start, items: columns, problems };
      const buffers = [columns.refs, columns.numbers, columns.dataCounts, columns.dataKeys];
      port.postMessage(
        result,
        buffers.map((column) => column.buffer as ArrayBuffer),
      );
    } else {
      const result: WorkerResult = { start: task.start, items, problems };
      port.postMessage(result);
    }
  });
}

serve();
