import type { EventRow } from '../../model/event-row.js';
import type { LogEvent } from '../../model/log-event.js';
import type { Reader } from '../reader.js';
import { hasFileMagic } from './binary/file-header.js';
import { scanEvtxParallel, startWorkersFor } from './threads/parallel-scan.js';
import { endIdleWorkers } from './threads/worker-pool.js';
import { describeProblemLocation } from './binary/scan-evtx.js';

/**
 * Binary Windows event logs (`.evtx`), recognised by the `ElfFile\0` signature whatever the file
 * is called. Records become LogEvents straight from the BinXML templates (or, when the sink
 * takes them, store rows), on `jobs` worker threads for large files, delivered in file order;
 * damaged records and chunks become warnings and the rest of the file is read.
 */
export const evtxReader: Reader = {
  kind: 'evtx',
  description: 'Windows event log file (.evtx, binary)',

  sniff(head) {
    return hasFileMagic(head);
  },

  async read(file, sink, options) {
    // Rows when the sink takes them: worker threads then build them, and this thread only stores.
    const toRow = sink.eventRow?.bind(sink);
    await scanEvtxParallel(
      file.path,
      toRow ? 'rows' : 'events',
      options.jobs,
      {
        item: toRow ? (row) => toRow(row as EventRow) : (event) => sink.event(event as LogEvent),
        problem: (problem) =>
          sink.warning({ location: describeProblemLocation(problem), message: problem.message }),
        progress: (bytes) => sink.progress(bytes),
      },
      { busyConsumer: true },
    );
  },

  /** Starts the worker threads the largest file will use (none for small files or one job). */
  prepare(files, options) {
    const largest = files.reduce((size, file) => Math.max(size, file.size), 0);
    startWorkersFor(largest, options.jobs);
  },

  release: endIdleWorkers,
};
