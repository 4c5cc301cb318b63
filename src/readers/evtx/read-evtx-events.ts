import type { LogEvent } from '../../model/log-event.js';
import type { ReadWarning } from '../reader.js';
import { recordOutput } from './render/record-output.js';
import { describeProblemLocation, scanEvtxFile, type ScanOptions } from './binary/scan-evtx.js';

/** What `readEvtxEvents` reports besides the events. */
export interface EvtxEventSink {
  event(event: LogEvent): void;
  warning(warning: ReadWarning): void;
  /** Called after each 64 KiB block with the file offset reached. */
  progress?(bytesDone: number): void;
}

/**
 * Reads an EVTX file into LogEvents in file order on this thread, without rendering XML.
 * Damage becomes warnings located by chunk index and offsets. Throws only when the file is not
 * EVTX.
 */
export function readEvtxEvents(path: string, sink: EvtxEventSink, options: ScanOptions = {}): void {
  scanEvtxFile(
    path,
    {
      onRecord: recordOutput('events', (event) => sink.event(event as LogEvent)),
      onProblem: (problem) =>
        sink.warning({ location: describeProblemLocation(problem), message: problem.message }),
      onChunk: (chunk) => sink.progress?.(chunk.fileOffset + 65536),
    },
    options,
  );
}
