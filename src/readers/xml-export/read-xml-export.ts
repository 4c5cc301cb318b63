import { errorMessage, ParseError } from '../../errors.js';
import type { Reader } from '../reader.js';
import { detectEncoding } from '../text/detect-encoding.js';
import { readTextChunks } from '../text/read-text-chunks.js';
import { eventXmlToLogEvent } from './event-xml-to-log-event.js';
import { EventSplitter } from './split-events.js';

/**
 * XML event exports: `wevtutil qe /f:xml` and `/f:RenderedXml`, Event Viewer "Save as XML"
 * (`<Events>` root) and PowerShell `ToXml()` output, in UTF-8 or UTF-16 with or without BOM.
 * Streamed event by event; a malformed event becomes a warning and the others are kept.
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
    const { encoding, chunks } = await readTextChunks(file.path);
    const splitter = new EventSplitter(encoding.encoding, encoding.bomLength);
    const onProblem = (p: { byteOffset: number; message: string }) =>
      sink.warning({ location: `byte ${p.byteOffset}`, message: p.message });
    const onEvent = (slice: { xml: string; byteOffset: number }) => {
      try {
        sink.event(eventXmlToLogEvent(slice.xml, slice.byteOffset));
      } catch (error) {
        const location = error instanceof ParseError ? error.location : `byte ${slice.byteOffset}`;
        sink.warning({ location, message: errorMessage(error) });
      }
    };
    for await (const chunk of chunks) {
      splitter.push(chunk.text, onEvent, onProblem);
      sink.progress(chunk.bytesRead);
    }
    splitter.finish(onProblem);
  },
};
