import { JsonRenderer } from './json-renderer.js';
import {
  scanEvtxFile,
  type EvtxProblem,
  type FileScanResult,
  type ScanOptions,
} from './scan-evtx.js';
import { BinXmlWalker, type BinXmlVisitor } from './walk-binxml.js';
import { XmlRenderer } from './xml-renderer.js';

export type DumpFormat = 'xml' | 'json';

/**
 * Every record of an EVTX file as text, in file order: one `<Event>` element (xml) or one JSON
 * object (json) per call of `onEvent`, without a line end. Damage goes to `onProblem` and the
 * rest of the file is read. Throws only when the file is not EVTX.
 */
export function dumpEvtx(
  path: string,
  format: DumpFormat,
  onEvent: (text: string) => void,
  onProblem: (problem: EvtxProblem) => void,
  options: ScanOptions = {},
): FileScanResult {
  const xml = new XmlRenderer();
  const json = new JsonRenderer();
  const visitor: BinXmlVisitor = format === 'xml' ? xml : json;
  const take = format === 'xml' ? () => xml.take() : () => JSON.stringify(json.take());
  const walker = new BinXmlWalker(visitor);
  return scanEvtxFile(
    path,
    {
      onRecord(record) {
        try {
          walker.walk(record.decoder, record.nodes);
        } catch (error) {
          take(); // drop the partly rendered record
          throw error; // EvtxDamage: reported by the scan as a skipped record
        }
        onEvent(take());
      },
      onProblem,
    },
    options,
  );
}
