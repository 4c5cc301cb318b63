import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../../src/model/log-event.js';
import { readEvtxEvents } from '../../../src/readers/evtx/read-evtx-events.js';
import { eventXmlToLogEvent } from '../../../src/readers/xml-export/event-xml-to-log-event.js';
import { corpusAvailable, corpusFile, corpusRoot, corpusSkipNote } from './support/corpus.js';
import { renderFile } from './support/render-file.js';

/**
 * The EVTX reader's fast path (LogEvents built from templates, no XML) must give exactly the
 * rows the XML export reader gives for the same events: every corpus record is rendered as XML,
 * read back by the XML reader, and compared with the fast path's LogEvent, key order included.
 */
describe.skipIf(!corpusAvailable)(
  `EVTX reader = XML reader on the corpus${corpusAvailable ? '' : ` (${corpusSkipNote})`}`,
  () => {
    const files = corpusAvailable
      ? readdirSync(`${corpusRoot}/files`).filter((f) => f.endsWith('.evtx'))
      : [];
    for (const file of files) {
      it(file, () => {
        const fast: LogEvent[] = [];
        readEvtxEvents(corpusFile(file), { event: (e) => fast.push(e), warning: () => {} });
        const viaXml = renderFile(corpusFile(file)).events.map((xml) => eventXmlToLogEvent(xml, 0));
        expect(fast.length).toBe(viaXml.length);
        expect(fast.length).toBeGreaterThan(0);
        const differing = fast.flatMap((event, i) =>
          JSON.stringify(event) === JSON.stringify(viaXml[i])
            ? []
            : [{ index: i, fast: event, xml: viaXml[i] }],
        );
        expect(differing.slice(0, 2)).toEqual([]);
      });
    }
  },
);
