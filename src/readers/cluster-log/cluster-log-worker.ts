import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../../errors.js';
import type { ConfigRow } from '../../model/config-row.js';
import type { InputFile, ReadWarning } from '../reader.js';
import type { ClusterLogFileFacts } from './cluster-log-parser.js';
import { readClusterLog } from './cluster-log-reader.js';
import { RecordBatchEncoder, type RecordBatch } from './record-batch.js';
import type { ClusterLogTimeOption } from './time-basis.js';

/** What the worker is started with (as workerData). */
export interface ClusterLogWorkerTask {
  file: InputFile;
  timeOption?: ClusterLogTimeOption;
  /** One Int32: batches the reading thread has consumed; the worker waits when far ahead. */
  consumed: SharedArrayBuffer;
}

/** What the worker sends, in the order the reader produced it. */
export type ClusterLogWorkerMessage =
  | { kind: 'records'; batch: RecordBatch }
  | { kind: 'config'; row: ConfigRow }
  | { kind: 'warning'; warning: ReadWarning }
  | { kind: 'progress'; bytes: number }
  | { kind: 'done'; facts: ClusterLogFileFacts }
  | { kind: 'failed'; message: string };

/** Records per batch, and batches sent but not yet consumed before the worker waits. */
export const recordsPerBatch = 4096;
export const batchesInFlight = 4;

/**
 * Worker thread body: reads one cluster log and sends what the reader produces to the thread
 * that stores it. Records go in batches; anything else first sends the records before it, so
 * the other thread sees exactly the calls an in-thread read would make. Memory stays flat:
 * the worker stops reading while `batchesInFlight` batches wait to be stored.
 */
async function run(): Promise<void> {
  const port = parentPort;
  if (port === null) return;
  const task = workerData as ClusterLogWorkerTask;
  const consumed = new Int32Array(task.consumed);
  const encoder = new RecordBatchEncoder(recordsPerBatch);
  let sent = 0;
  const post = (message: ClusterLogWorkerMessage): void => port.postMessage(message);
  const sendRecords = (): void => {
    if (encoder.size === 0) return;
    for (;;) {
      const done = Atomics.load(consumed, 0);
      if (sent - done < batchesInFlight) break;
      Atomics.wait(consumed, 0, done, 1000);
    }
    post({ kind: 'records', batch: encoder.take() });
    sent++;
  };
  const send = (message: ClusterLogWorkerMessage): void => {
    sendRecords();
    post(message);
  };
  try {
    const facts = await readClusterLog(
      task.file,
      {
        event: () => undefined,
        clusterLogLine: (line) => {
          encoder.add(line);
          if (encoder.full) sendRecords();
        },
        configRow: (row) => send({ kind: 'config', row }),
        warning: (warning) => send({ kind: 'warning', warning }),
        progress: (bytes) => post({ kind: 'progress', bytes }),
      },
      task.timeOption,
    );
    send({ kind: 'done', facts });
  } catch (error) {
    send({ kind: 'failed', message: errorMessage(error) });
  }
}

void run();
