import { createReadStream } from 'node:fs';
import type { Reader } from '../reader.js';
import { detectEncoding, fixedBytesPerCodeUnit } from '../text/detect-encoding.js';
import { exportDecoder, type ExportDecoder } from './export-decoder.js';
import { ExportScanner } from './export-scanner.js';

const chunkSizeInBytes = 1 << 20;

/**
 * XML event exports: `wevtutil qe /f:xml` and `/f:RenderedXml`, Event Viewer "Save as XML"
 * (`<Events>` root) and PowerShell `ToXml()` output, in UTF-8 or UTF-16 with or without BOM.
 * Streamed event by event (export-scanner.ts); a malformed event, or damaged text between
 * events, becomes a warning and the other events are kept.
 */
export const xmlExportReader: Reader = {
  kind: 'xml-events',
  description: 'XML event export (wevtutil /f:xml or /f:RenderedXml, Event Viewer, ToXml())',

  sniff(head) {
    const { encoding, bomLength } = detectEncoding(head);
    const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
    const text = decoder.decode(head.subarray(bomLength, Math.min(head.length, 4096))).trimStart();
    if (text.startsWith('<Event') || text.startsWith('<Events')) return true;
    return text.startsWith('<?xml') && /<Events?[\s>]/.test(text);
  },

  async read(file, sink) {
    const stream = createReadStream(file.path, { highWaterMark: chunkSizeInBytes });
    let decoder: ExportDecoder | null = null;
    let bytesRead = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (decoder === null) {
        const { encoding, bomLength } = detectEncoding(chunk);
        const scanner = new ExportScanner(fixedBytesPerCodeUnit(encoding), bomLength, {
          event: (event) => sink.event(event),
          warning: (location, message) => sink.warning({ location, message }),
        });
        decoder = exportDecoder(encoding, bomLength, scanner);
        decoder.decode(chunk.subarray(bomLength));
      } else decoder.decode(chunk);
      bytesRead += chunk.length;
      sink.progress(bytesRead);
    }
    decoder?.end();
  },
};
