import { dumpEvtx } from '../../../../src/readers/evtx/dump-evtx.js';
import type { EvtxProblem, ScanOptions } from '../../../../src/readers/evtx/binary/scan-evtx.js';

/** Every record of an EVTX file rendered as XML, in file order, with the problems reported. */
export function renderFile(
  path: string,
  options: ScanOptions = {},
): { events: string[]; problems: EvtxProblem[] } {
  const events: string[] = [];
  const problems: EvtxProblem[] = [];
  dumpEvtx(
    path,
    'xml',
    (xml) => events.push(xml),
    (problem) => problems.push(problem),
    options,
  );
  return { events, problems };
}
