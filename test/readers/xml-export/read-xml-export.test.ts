import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xmlExportReader } from '../../../src/readers/xml-export/read-xml-export.js';
import { CollectSink } from '../../support/collect-sink.js';
import { encodeText, eventXml, eventXmlSeries } from '../../support/event-xml.js';
import { useTempDir } from '../../support/temp-dir.js';

async function readBytes(dir: string, bytes: Buffer): Promise<CollectSink> {
  const path = join(dir, 'export.xml');
  writeFileSync(path, bytes);
  const sink = new CollectSink();
  await xmlExportReader.read({ path, displayPath: 'export.xml', size: bytes.length }, sink, {
    jobs: 1,
  });
  return sink;
}

const events = eventXmlSeries(3, 10);

/** The shapes Windows writes: wevtutil /f:xml and /f:RenderedXml, Event Viewer, PowerShell ToXml(). */
const variants: Record<string, string> = {
  'wevtutil /f:xml': events.join(''),
  'wevtutil /f:RenderedXml': eventXmlSeries(3, 10, {
    renderedMessage: 'Started live migration',
  }).join(''),
  'Event Viewer Save as XML': `<?xml version="1.0" encoding="utf-16"?>\r\n<Events>\r\n${events.join('\r\n')}\r\n</Events>`,
  'PowerShell ToXml()': events.map((e) => e.replace(/'/g, '"')).join('\r\n\r\n'),
};

describe('xmlExportReader', () => {
  const tempDir = useTempDir();

  for (const [variant, text] of Object.entries(variants)) {
    for (const encoding of ['utf-8', 'utf-16le', 'utf-16be'] as const) {
      for (const bom of [true, false]) {
        it(`reads ${variant} in ${encoding}${bom ? ' with BOM' : ''}`, async () => {
          const bytes = encodeText(text, encoding, bom);
          expect(xmlExportReader.sniff(bytes.subarray(0, 65536), 'export.xml')).toBe(true);
          const sink = await readBytes(tempDir(), bytes);
          expect(sink.warnings).toEqual([]);
          expect(sink.events.map((e) => e.recordId)).toEqual([10, 11, 12]);
          expect(sink.events[0]?.data).toEqual({
            param1: '5B1E0C2A-7D6F-4B8E-9A1C-2E3F4A5B6C7D',
            param2: 'Virtual Machine SQL01',
          });
          expect(sink.events[2]?.time).toBe('2011-04-15T10:00:12.0000000Z');
          expect(sink.events[0]?.message).toBe(
            variant.includes('Rendered') ? 'Started live migration' : null,
          );
          expect(sink.lastProgress).toBe(bytes.length);
        });
      }
    }
  }

  it('keeps the good events around a malformed one and records where it was', async () => {
    const bad = eventXml({ recordId: 2 }).replace('</Computer>', '</Computr>');
    const text = `${eventXml({ recordId: 1 })}\n${bad}\n${eventXml({ recordId: 3 })}`;
    const sink = await readBytes(tempDir(), encodeText(text, 'utf-8', false));
    expect(sink.events.map((e) => e.recordId)).toEqual([1, 3]);
    expect(sink.warnings).toHaveLength(1);
    expect(sink.warnings[0]?.location).toBe(`byte ${eventXml({ recordId: 1 }).length + 1}`);
    expect(sink.warnings[0]?.message).toMatch(/malformed event XML/);
  });

  it('reads every event of a file larger than one read chunk', async () => {
    const many = eventXmlSeries(4000, 1);
    const sink = await readBytes(
      tempDir(),
      encodeText(`<Events>${many.join('\n')}</Events>`, 'utf-16le', true),
    );
    expect(sink.events).toHaveLength(4000);
    expect(new Set(sink.events.map((e) => e.recordId)).size).toBe(4000);
    expect(sink.warnings).toEqual([]);
  });

  it('records a truncated last event', async () => {
    const text = `${eventXml({ recordId: 1 })}${eventXml({ recordId: 2 }).slice(0, 300)}`;
    const sink = await readBytes(tempDir(), encodeText(text, 'utf-8', false));
    expect(sink.events).toHaveLength(1);
    expect(sink.warnings[0]?.message).toMatch(/ends inside an event/);
  });

  it('does not take text files that are not event XML', () => {
    expect(xmlExportReader.sniff(Buffer.from('<html><body></body></html>'), 'x.xml')).toBe(false);
    expect(
      xmlExportReader.sniff(
        Buffer.from('<?xml version="1.0"?><QueryList><Query/></QueryList>'),
        'q.xml',
      ),
    ).toBe(false);
    expect(xmlExportReader.sniff(Buffer.from('Name : HV01\r\nState : Up\r\n'), 'nodes.txt')).toBe(
      false,
    );
  });
});
