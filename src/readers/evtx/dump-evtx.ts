import { recordOutput } from './render/record-output.js';
import {
  scanEvtxFile,
  type EvtxProblem,
  type FileScanResult,
  type ScanOptions,
} from './binary/scan-evtx.js';

export type DumpFormat = 'xml' | 'json';

/**
 * Every record of an EVTX file as text, on this thread, in file order: one `<Event>` element
 * (xml) or one JSON object (json) per call of `onEvent`, without a line end. Damage goes to
 * `onProblem` and the rest of the file is read. Throws only when the file is not EVTX.
 */
export function dumpEvtx(
  path: string,
  format: DumpFormat,
  onEvent: (text: string) => void,
  onProblem: (problem: EvtxProblem) => void,
  options: ScanOptions = {},
): FileScanResult {
  const onRecord = recordOutput(format, (text) => onEvent(text as string));
  return scanEvtxFile(path, { onRecord, onProblem }, options);
}
