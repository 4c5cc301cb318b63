import type { LogEvent } from '../../model/log-event.js';
import type { ReadWarning } from '../reader.js';
import { LogEventBuilder } from './log-event-builder.js';
import { describeProblemLocation, scanEvtxFile, type ScanOptions } from './scan-evtx.js';
import { BinXmlWalker } from './walk-binxml.js';

/** What `readEvtxEvents` reports besides the events. */
export interface EvtxEventSink {
  event(event: LogEvent): void;
  warning(warning: ReadWarning): void;
  /** Called after each 64 KiB block with the file offset reached. */
  progress?(bytesDone: number): void;
}

/**
 * Reads an EVTX file into LogEvents in file order, one thread, without rendering XML. Damage
 * becomes warnings located by chunk index and offsets. Throws only when the file is not EVTX.
 */
export function readEvtxEvents(path: string, sink: EvtxEventSink, options: ScanOptions = {}): void {
  const builder = new LogEventBuilder();
  const walker = new BinXmlWalker(builder);
  scanEvtxFile(
    path,
    {
      onRecord(record) {
        try {
          walker.walk(record.decoder, record.nodes);
          sink.event(builder.take());
        } catch (error) {
          builder.reset();
          throw error; // EvtxDamage: scanChunk reports the record as skipped
        }
      },
      onProblem(problem) {
        sink.warning({ location: describeProblemLocation(problem), message: problem.message });
      },
      onChunk(chunk) {
        sink.progress?.(chunk.fileOffset + 65536);
      },
    },
    options,
  );
}
