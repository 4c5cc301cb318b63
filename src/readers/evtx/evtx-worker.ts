import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { chunkSizeInBytes, fileHeaderSizeInBytes } from './limits.js';
import { recordOutput, type OutputItem, type OutputMode } from './record-output.js';
import { scanBlock, type EvtxProblem } from './scan-evtx.js';
import { TemplateCache } from './template-cache.js';

/** Sent to a worker: decode blocks `[start, end)`. */
export interface WorkerTask {
  start: number;
  end: number;
}

/** Sent back: the items and problems of that range, in file order. */
export interface WorkerResult {
  start: number;
  items: OutputItem[];
  /** Problems interleaved with items: `before[i]` problems precede item `i`. */
  problems: { before: number; problem: EvtxProblem }[];
}

export interface WorkerSetup {
  path: string;
  mode: OutputMode;
  recover: boolean;
}

/**
 * Worker thread body: reads its blocks from the file itself (only indexes travel), decodes them
 * with its own template cache and posts the results.
 */
function serve(setup: WorkerSetup): void {
  const port = parentPort;
  if (!port) return;
  const fd = openSync(setup.path, 'r');
  const cache = new TemplateCache();
  const block = Buffer.alloc(chunkSizeInBytes);
  let items: OutputItem[] = [];
  let problems: WorkerResult['problems'] = [];
  const onRecord = recordOutput(setup.mode, (item) => items.push(item));
  const handlers = {
    onRecord,
    onProblem: (problem: EvtxProblem) => problems.push({ before: items.length, problem }),
  };
  port.on('message', (task: WorkerTask | null) => {
    if (task === null) {
      closeSync(fd);
      port.close();
      return;
    }
    items = [];
    problems = [];
    for (let index = task.start; index < task.end; index++) {
      const length = readSync(
        fd,
        block,
        0,
        chunkSizeInBytes,
        fileHeaderSizeInBytes + index * chunkSizeInBytes,
      );
      if (length < chunkSizeInBytes) break;
      scanBlock(block, index, cache, handlers, setup.recover);
    }
    const result: WorkerResult = { start: task.start, items, problems };
    port.postMessage(result);
  });
}

serve(workerData as WorkerSetup);
