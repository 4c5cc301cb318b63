import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpEvtx } from '../../../src/readers/evtx/dump-evtx.js';
import { useTempDir } from '../../support/temp-dir.js';
import {
  buildFile,
  ChunkBuilder,
  guidBytes,
  value,
  type BinXmlWriter,
} from './support/evtx-bytes.js';
import { systemFields, writeEvent } from './support/event-template.js';

/** `evtx dump --format json`: one object per record with the XML's content. */
describe('JSON dump', () => {
  const tempDir = useTempDir();

  it('maps elements to keys, attributes to #attributes, repeated names to arrays, mixed text to #text', () => {
    const payload = (w: BinXmlWriter) =>
      w.instance(
        'json-data',
        guidBytes('{AAAAAAAA-0000-0000-0000-000000000020}'),
        (t) =>
          t.element('EventData', [], (e) => {
            e.element('Data', [['Name', (x) => x.text('A')]], (x) => x.substitution(0, 0x01));
            e.element('Data', [['Name', (x) => x.text('B')]], (x) =>
              x.text('x ', true).entityRef('amp').text(' y'),
            );
            e.element('Data', [], (x) => x.substitution(1, 0x81));
          }),
        [value.string('line 1\r\nline 2'), value.stringArray(['p', 'q'])],
      );
    const chunk = new ChunkBuilder();
    chunk.record(1, (w) => writeEvent(w, systemFields({ recordId: 9 }), payload));
    const path = join(tempDir(), 'json.evtx');
    writeFileSync(path, buildFile([chunk.finish()]));
    const lines: string[] = [];
    dumpEvtx(
      path,
      'json',
      (text) => lines.push(text),
      () => {},
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    const event = JSON.parse(lines[0] ?? '') as {
      Event: {
        '#attributes': { xmlns: string };
        System: Record<string, unknown>;
        EventData: { Data: unknown[] };
      };
    };
    expect(event.Event['#attributes'].xmlns).toBe(
      'http://schemas.microsoft.com/win/2004/08/events/event',
    );
    expect(event.Event.System.EventRecordID).toBe('9');
    expect(event.Event.System.Execution).toEqual({
      '#attributes': { ProcessID: '2468', ThreadID: '1357' },
    });
    expect(event.Event.System.Correlation).toBe('');
    expect(event.Event.EventData.Data).toEqual([
      { '#attributes': { Name: 'A' }, '#text': 'line 1\r\nline 2' },
      { '#attributes': { Name: 'B' }, '#text': 'x & y' },
      'p',
      'q',
    ]);
  });
});
