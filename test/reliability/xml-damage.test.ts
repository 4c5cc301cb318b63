import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xmlExportReader } from '../../src/readers/xml-export/read-xml-export.js';
import { maxAttributesPerElement } from '../../src/readers/xml-export/scan-event.js';
import { CollectSink } from '../support/collect-sink.js';
import { encodeText, eventXml } from '../support/event-xml.js';
import { useTempDir } from '../support/temp-dir.js';

// Issue 17 items 5 and 12: damage in an XML export must never lose events silently. Skipped
// text becomes a warning with its byte offset; UTF-16 out of step resynchronises on `<Event`;
// an element with a flood of attributes is capped with a warning.

describe('damaged XML exports', () => {
  const tempDir = useTempDir();
  const events = [1, 2, 3].map((recordId) => eventXml({ recordId }));

  async function read(bytes: Buffer): Promise<CollectSink> {
    const path = join(tempDir(), 'damaged.xml');
    writeFileSync(path, bytes);
    const sink = new CollectSink();
    await xmlExportReader.read({ path, displayPath: path, size: bytes.length }, sink, { jobs: 1 });
    return sink;
  }

  const ids = (sink: CollectSink) => sink.events.map((e) => e.recordId);
  const offsetOf = (text: string, part: string) =>
    Buffer.byteLength(text.slice(0, text.indexOf(part)));

  it('reports an event whose start tag is damaged (<Evxnt), at its byte offset', async () => {
    const damaged = (events[1] as string).replace('<Event ', '<Evxnt ');
    const text = `<Events>\r\n${events[0]}\r\n${damaged}\r\n${events[2]}\r\n</Events>`;
    const sink = await read(encodeText(text, 'utf-8', false));
    expect(ids(sink)).toEqual([1, 3]);
    expect(sink.warnings).toHaveLength(1);
    expect(sink.warnings[0]?.location).toBe(`byte ${offsetOf(text, '<Evxnt')}`);
    expect(sink.warnings[0]?.message).toMatch(/not part of any event.*"<Evxnt xmlns=/);
  });

  it('reports a NUL-filled event, at its byte offset', async () => {
    for (const encoding of ['utf-8', 'utf-16le'] as const) {
      const nul = '\u0000'.repeat((events[1] as string).length);
      const text = `${events[0]}\r\n${nul}\r\n${events[2]}`;
      const sink = await read(encodeText(text, encoding, true));
      expect(ids(sink)).toEqual([1, 3]);
      expect(sink.warnings).toHaveLength(1);
      const [unit, bom] = encoding === 'utf-8' ? [1, 3] : [2, 2];
      expect(sink.warnings[0]?.location).toBe(`byte ${bom + unit * text.indexOf('\u0000')}`);
      expect(sink.warnings[0]?.message).toMatch(/not part of any event.*"\\0\\0/);
    }
  });

  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    for (const [where, change] of [
      ['a stray byte inside the first event', 'insert'],
      ['a missing byte inside the first event', 'delete'],
      ['a stray byte between events', 'between'],
    ] as const) {
      it(`resynchronises ${encoding} after ${where} and keeps the events after it`, async () => {
        const text = `<Events>\r\n${events.join('\r\n')}\r\n</Events>`;
        const clean = encodeText(text, encoding, true);
        const at =
          2 +
          2 *
            (change === 'between'
              ? text.indexOf(events[1] as string) - 1
              : text.indexOf('<Computer>'));
        const bytes =
          change === 'delete'
            ? Buffer.concat([clean.subarray(0, at), clean.subarray(at + 1)])
            : Buffer.concat([clean.subarray(0, at), Buffer.from([0x41]), clean.subarray(at)]);
        const sink = await read(bytes);
        expect(ids(sink)).toEqual(change === 'between' ? [1, 2, 3] : [2, 3]);
        expect(sink.warnings).toHaveLength(1);
        const resumesAt =
          2 + 2 * text.indexOf(events[1] as string) + (change === 'delete' ? -1 : 1);
        expect(sink.warnings[0]?.message).toContain(
          `out of step (a byte missing or added?) up to byte ${resumesAt}`,
        );
        if (change !== 'between') {
          expect(sink.warnings[0]?.location).toBe(
            `byte ${2 + 2 * text.indexOf(events[0] as string)}`,
          );
          expect(sink.warnings[0]?.message).toMatch(/^event element cut short/);
        } else {
          expect(sink.warnings[0]?.message).toMatch(/not part of any event/);
        }
      });
    }
  }

  it('caps the attributes of one element with a warning, keeping the event', async () => {
    const flood = Array.from({ length: 20_000 }, (_, k) => ` a${k}='${k}'`).join('');
    const crowded = eventXml({
      recordId: 2,
      payload: `<UserData><W><Item${flood}>x</Item></W></UserData>`,
    });
    const text = `${events[0]}${crowded}${events[2]}`;
    const sink = await read(encodeText(text, 'utf-8', false));
    expect(ids(sink)).toEqual([1, 2, 3]);
    expect(sink.warnings).toEqual([
      {
        location: `byte ${(events[0] as string).length}`,
        message: `element <Item> has more than ${maxAttributesPerElement} attributes; the rest were not read`,
      },
    ]);
    const data = sink.events[1]?.data ?? {};
    expect(data.Item).toBe('x');
    expect(Object.keys(data)).toHaveLength(1 + maxAttributesPerElement);
    expect(data[`Item@a${maxAttributesPerElement - 1}`]).toBe(String(maxAttributesPerElement - 1));
  });

  it('skips, with the warning, a crowded event that only the full parser could read', async () => {
    const flood = Array.from({ length: 20_000 }, (_, k) => ` a${k}='${k}'`).join('');
    const crowded = eventXml({ recordId: 2, payload: `<Data${flood}><!-- c -->x</Data>` });
    const sink = await read(encodeText(`${events[0]}${crowded}${events[2]}`, 'utf-8', false));
    expect(ids(sink)).toEqual([1, 3]);
    expect(sink.warnings).toHaveLength(1);
    expect(sink.warnings[0]?.message).toMatch(/more than \d+ attributes.*event.*skipped/);
  });
});
