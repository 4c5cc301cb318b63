import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xmlExportReader } from '../../src/readers/xml-export/read-xml-export.js';
import { CollectSink } from '../support/collect-sink.js';
import { eventXml } from '../support/event-xml.js';
import { useTempDir } from '../support/temp-dir.js';

// XML exports cut mid-event and damaged in the middle: the tests count the good events kept.

const eventCount = 40;
const events = Array.from({ length: eventCount }, (_, i) =>
  eventXml({ recordId: i + 1, renderedMessage: `Event ${i + 1} — résumé ✓` }),
);
const document = `<?xml version="1.0" encoding="UTF-8"?>\r\n<Events>\r\n${events.join('\r\n')}\r\n</Events>\r\n`;
/** Character offset where event i starts in `document`. */
const starts = events.map((event) => document.indexOf(event));
const ids = (sink: CollectSink) => sink.events.map((event) => event.recordId);
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('XML export damage', () => {
  const tempDir = useTempDir();
  let fileNumber = 0;

  async function read(bytes: Buffer): Promise<CollectSink> {
    const path = join(tempDir(), `events-${(fileNumber += 1)}.xml`);
    writeFileSync(path, bytes);
    const sink = new CollectSink();
    await xmlExportReader.read({ path, displayPath: path, size: bytes.length }, sink, { jobs: 1 });
    return sink;
  }

  it('reads the whole document', async () => {
    expect(ids(await read(Buffer.from(document, 'utf8')))).toEqual(oneTo(eventCount));
  });

  it('cut inside each event: every event before it is kept and the cut one is reported', async () => {
    for (let k = 0; k < eventCount; k += 3) {
      const start = starts[k] ?? 0;
      for (const into of [7, 40, (events[k]?.length ?? 2) - 2]) {
        const sink = await read(Buffer.from(document.slice(0, start + into), 'utf8'));
        expect(ids(sink)).toEqual(oneTo(k));
        expect(sink.warnings.length).toBe(1);
      }
    }
  });

  it('cut all through one event, in UTF-8 and UTF-16 (odd cuts split a code unit)', async () => {
    const k = 7;
    const start = starts[k] ?? 0;
    for (const encoding of ['utf8', 'utf16le'] as const) {
      const bom = encoding === 'utf16le' ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0);
      const whole = Buffer.concat([bom, Buffer.from(document, encoding)]);
      const from = Buffer.concat([bom, Buffer.from(document.slice(0, start), encoding)]).length;
      const to = Buffer.concat([
        bom,
        Buffer.from(document.slice(0, starts[k + 1]), encoding),
      ]).length;
      for (let cut = from; cut <= to; cut += encoding === 'utf8' ? 5 : 11) {
        const kept = ids(await read(whole.subarray(0, cut)));
        expect(kept.length === k || kept.length === k + 1).toBe(true);
        expect(kept).toEqual(oneTo(kept.length));
      }
    }
  });

  it('keeps every event around a mangled one, binary garbage and an event cut short by the next', async () => {
    const mangled = [...events];
    mangled[10] = (events[10] ?? '').replace('</System>', '</Sys\u0000tem>');
    mangled[20] = `${(events[20] ?? '').slice(0, 150)}`;
    const garbage = Buffer.from([0x00, 0xff, 0xfe, 0x3c, 0x00, 0x80, 0x81, 0x3e, 0x1b, 0x00]);
    const bytes = Buffer.concat([
      Buffer.from(`<Events>${mangled.slice(0, 30).join('')}`, 'utf8'),
      garbage,
      Buffer.from(`${mangled.slice(30).join('')}</Events>`, 'utf8'),
    ]);
    const sink = await read(bytes);
    const expected = oneTo(eventCount).filter((id) => id !== 11 && id !== 21);
    expect(ids(sink)).toEqual(expected);
    expect(sink.warnings.length).toBeGreaterThanOrEqual(2);
    expect(sink.warnings.every((w) => /^byte \d+/.test(w.location))).toBe(true);
  });
});
