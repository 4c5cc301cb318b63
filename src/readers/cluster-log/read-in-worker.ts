import { Worker } from 'node:worker_threads';
import type { InputFile, RecordSink } from '../reader.js';
import type { ClusterLogFileFacts } from './cluster-log-parser.js';
import type { ClusterLogWorkerMessage, ClusterLogWorkerTask } from './cluster-log-worker.js';
import { decodeRecordBatch } from './record-batch.js';
import type { ClusterLogTimeOption } from './time-basis.js';

/**
 * The worker script next to this module, when this is the built JavaScript; null when running
 * from the TypeScript sources (tests, tsx): on Node 20 a worker thread does not get tsx's
 * loader, even when the process was started through tsx.
 */
export function clusterLogWorkerUrl(): URL | null {
  return import.meta.url.endsWith('.js')
    ? new URL('./cluster-log-worker.js', import.meta.url)
    : null;
}

/**
 * Reads a cluster log on a worker thread while this thread stores what it finds: the sink gets
 * exactly the calls, in the same order, that reading on this thread would make. Rejects as the
 * in-thread read would (with its message) when the file cannot be read to the end. When the
 * worker itself fails (it cannot start, or dies) before the sink got anything, `fallback`
 * reads the file on this thread instead.
 */
export function readClusterLogInWorker(
  url: URL,
  file: InputFile,
  sink: RecordSink,
  timeOption: ClusterLogTimeOption | undefined,
  fallback: () => Promise<ClusterLogFileFacts>,
): Promise<ClusterLogFileFacts> {
  const consumedBuffer = new SharedArrayBuffer(4);
  const consumed = new Int32Array(consumedBuffer);
  const task: ClusterLogWorkerTask = { file, timeOption, consumed: consumedBuffer };
  // A smaller young generation than the default keeps the worker's share of memory down.
  const worker = new Worker(url, {
    workerData: task,
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  return new Promise<ClusterLogFileFacts>((resolve, reject) => {
    let settled = false;
    let delivered = false;
    const workerFailed = (error: Error): void =>
      settle(() => (delivered ? reject(error) : fallback().then(resolve, reject)));
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      worker.removeAllListeners();
      void worker.terminate();
      outcome();
    };
    worker.on('message', (message: ClusterLogWorkerMessage) => {
      if (settled) return;
      if (message.kind !== 'progress') delivered = true;
      try {
        switch (message.kind) {
          case 'records':
            decodeRecordBatch(message.batch, (line) => sink.clusterLogLine(line));
            Atomics.add(consumed, 0, 1);
            Atomics.notify(consumed, 0);
            break;
          case 'config':
            sink.configRow(message.row);
            break;
          case 'warning':
            sink.warning(message.warning);
            break;
          case 'progress':
            sink.progress(message.bytes);
            break;
          case 'done':
            settle(() => resolve(message.facts));
            break;
          case 'failed':
            settle(() => reject(new Error(message.message)));
            break;
        }
      } catch (error) {
        settle(() => reject(error as Error));
      }
    });
    worker.on('error', workerFailed);
    worker.on('exit', (code) =>
      workerFailed(new Error(`the cluster log reader thread stopped (exit code ${code})`)),
    );
  });
}
