import type { DumpFormat } from './dump-evtx.js';
import type { ParallelScanOutput } from './threads/parallel-scan.js';
import { scanEvtxFileInto } from './binary/scan-evtx.js';
import { TemplateCache } from './binary/template-cache.js';
import { xmlChunks } from './render/xml-chunks.js';

/** Records are written about this many bytes at a time (as the parallel scan gathers them). */
const writeSize = 1 << 18;

/**
 * `evtx dump` of one file: text items (XML as UTF-8 chunks, JSON as strings; records each
 * followed by a line end) and problems, in file order. XML on one thread, the default, is
 * rendered here with only the modules it needs: a dump is one short process, and loading the
 * parallel scan with the other output modes (LogEvents, store rows, the event catalogue) cost
 * about 15 ms of its start. JSON and more jobs go through `scanEvtxParallel`, loaded when
 * asked for; both ways give the same items. Throws when the file is not EVTX.
 */
export async function dumpEvtxFile(
  path: string,
  format: DumpFormat,
  jobs: number,
  output: Pick<ParallelScanOutput, 'item' | 'problem'>,
  options: { recover?: boolean } = {},
): Promise<void> {
  if (format !== 'xml' || jobs > 1) {
    const { scanEvtxParallel } = await import('./threads/parallel-scan.js');
    await scanEvtxParallel(path, format, jobs, output, options);
    return;
  }
  scanEvtxFileInto(
    path,
    xmlChunks((chunk) => output.item(chunk), writeSize),
    (problem) => output.problem(problem),
    { cache: new TemplateCache(), recover: options.recover ?? false },
  );
}
