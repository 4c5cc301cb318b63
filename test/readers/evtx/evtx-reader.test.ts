import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evtxReader } from '../../../src/readers/evtx/evtx-reader.js';
import { pickReader } from '../../../src/readers/registry.js';
import { eventXmlToLogEvent } from '../../../src/readers/xml-export/event-xml-to-log-event.js';
import { CollectSink } from '../../support/collect-sink.js';
import { useTempDir } from '../../support/temp-dir.js';
import {
  buildFile,
  ChunkBuilder,
  guidBytes,
  value,
  type BinXmlWriter,
} from './support/evtx-bytes.js';
import { systemFields, writeEvent } from './support/event-template.js';
import { renderFile } from './support/render-file.js';

/** The EVTX Reader: sniffing, LogEvents built from templates, and equality with the XML reader. */

const eventData = (w: BinXmlWriter) =>
  w.instance(
    'eventdata',
    guidBytes('{AAAAAAAA-0000-0000-0000-000000000010}'),
    (t) =>
      t.element('EventData', [], (e) => {
        e.element('Data', [['Name', (x) => x.text('VmName')]], (x) => x.substitution(0, 0x01));
        e.element('Data', [['Name', (x) => x.text('ErrorCode')]], (x) => x.substitution(1, 0x14));
        e.element('Data', [['Name', (x) => x.text('Detail')]], (x) => x.substitution(2, 0x01));
        e.element('Binary', [], (x) => x.substitution(3, 0x0e, true));
      }),
    [
      value.string('SQL01'),
      { type: 0x14, write: (x) => x.u32(0x8007274c) },
      value.string('line 1\r\nline 2\u0001'),
      value.bytes(0x0e, [0xde, 0xad]),
    ],
  );

const unnamedData = (w: BinXmlWriter) =>
  w.instance(
    'classic',
    guidBytes('{AAAAAAAA-0000-0000-0000-000000000011}'),
    (t) => t.element('EventData', [], (e) => e.element('Data', [], (x) => x.substitution(0, 0x81))),
    [value.stringArray(['first', '', 'third'])],
  );

const userData = (w: BinXmlWriter) =>
  w.element('UserData', [], (u) =>
    u.element(
      'VmlEventLog',
      [['xmlns', (x) => x.text('http://www.microsoft.com/Windows/Virtualization/Events')]],
      (v) => {
        v.element('VmName', [], (x) => x.text('SQL01'));
        v.element('VmId', [], (x) => x.text('A1B2'));
        v.element('Nic', [['Index', (x) => x.text('0')]], (n) => {
          n.element('Switch', [], (x) => x.text('External'));
          n.element('Switch', [], (x) => x.text('Internal'));
        });
        v.element('VmName', [], (x) => x.text('again'));
        v.element('Flag', [['On', (x) => x.text('true')]], null);
      },
    ),
  );

const withMessage = (w: BinXmlWriter) => {
  eventData(w);
  w.eof().fragmentHeader();
  w.element('RenderingInfo', [['Culture', (x) => x.text('en-US')]], (r) =>
    r.element('Message', [], (x) => x.text('The VM moved.')),
  );
};

describe('evtxReader', () => {
  const tempDir = useTempDir();
  const writeEvents = (payloads: (((w: BinXmlWriter) => void) | null)[]) => {
    const chunk = new ChunkBuilder();
    payloads.forEach((payload, i) =>
      chunk.record(i + 1, (w) => writeEvent(w, systemFields({ recordId: 100 + i }), payload)),
    );
    const path = join(tempDir(), 'HV01-VMMS.evtx');
    writeFileSync(path, buildFile([chunk.finish()]));
    return path;
  };
  const read = async (path: string) => {
    const sink = new CollectSink();
    await evtxReader.read({ path, displayPath: path, size: 0 }, sink, { jobs: 1 });
    return sink;
  };

  it('is picked by the ElfFile signature, whatever the file is called', () => {
    const head = buildFile([]).subarray(0, 64);
    expect(evtxReader.sniff(head, 'anything.log')).toBe(true);
    expect(pickReader(head, 'export.xml')?.kind).toBe('evtx');
    expect(evtxReader.sniff(Buffer.from('<Events><Event>'), 'System.evtx')).toBe(false);
  });

  it('builds LogEvents from the templates: System fields and named data', async () => {
    const sink = await read(writeEvents([eventData]));
    expect(sink.warnings).toEqual([]);
    expect(sink.events).toEqual([
      {
        time: '2012-12-14T23:06:40.1234567Z',
        computer: 'HV01.contoso.local',
        channel: 'Microsoft-Windows-Hyper-V-VMMS-Admin',
        provider: 'Microsoft-Windows-Hyper-V-VMMS',
        eventId: 20417,
        level: 4,
        task: 0,
        opcode: 0,
        keywords: '0x8000000000000000',
        recordId: 100,
        processId: 2468,
        threadId: 1357,
        activityId: null,
        userSid: 'S-1-5-18',
        data: {
          VmName: 'SQL01',
          ErrorCode: '0x8007274c',
          Detail: 'line 1\nline 2\ufffd',
          Binary: 'DEAD',
        },
        message: null,
      },
    ]);
    expect(sink.lastProgress).toBe(4096 + 65536);
  });

  it('names unnamed data by position and flattens UserData like the XML reader', async () => {
    const sink = await read(writeEvents([unnamedData, userData, withMessage]));
    expect(sink.events[0]?.data).toEqual({ param1: 'first', param2: '', param3: 'third' });
    expect(sink.events[1]?.data).toEqual({
      VmName: 'SQL01',
      VmName_2: 'again',
      VmId: 'A1B2',
      'Nic.Switch': 'External',
      'Nic.Switch_2': 'Internal',
      'Nic@Index': '0',
      Flag: '',
      'Flag@On': 'true',
    });
    expect(sink.events[2]?.message).toBe('The VM moved.');
  });

  it('gives exactly the LogEvents the XML reader gives for the same events', async () => {
    const path = writeEvents([eventData, unnamedData, userData, withMessage, null]);
    const sink = await read(path);
    const viaXml = renderFile(path).events.map((xml) => eventXmlToLogEvent(xml, 0));
    expect(sink.events).toHaveLength(5);
    expect(sink.events.map((e) => JSON.stringify(e))).toEqual(viaXml.map((e) => JSON.stringify(e)));
  });

  it('walks a System part its plan cannot take (an array value, an optional element) the same way', async () => {
    const chunk = new ChunkBuilder();
    const system = (keywords: number[], withLevel: boolean) => (w: BinXmlWriter) =>
      w
        .fragmentHeader()
        .instance(
          'odd-system',
          guidBytes('{AAAAAAAA-0000-0000-0000-000000000012}'),
          (t) =>
            t.element('Event', [], (e) =>
              e.element('System', [], (s) => {
                s.element('EventID', [], (x) => x.substitution(0, 0x06));
                s.element('Level', [], (x) => x.substitution(1, 0x04, true));
                s.element('Keywords', [], (x) => x.substitution(2, 0x95));
                s.element('TimeCreated', [['SystemTime', (x) => x.substitution(3, 0x11)]]);
              }),
            ),
          [
            value.u16(4624),
            withLevel ? value.u8(2) : value.null(),
            {
              type: keywords.length === 1 ? 0x15 : 0x95,
              write: (x) => keywords.forEach((k) => x.u32(k).u32(0)),
            },
            value.filetime(132000000000000000n),
          ],
        )
        .eof();
    chunk.record(1, system([0x10], true));
    chunk.record(2, system([0x20, 0x30], false));
    const path = join(tempDir(), 'odd.evtx');
    writeFileSync(path, buildFile([chunk.finish()]));
    const sink = await read(path);
    expect(sink.events.map((e) => [e.eventId, e.level, e.keywords])).toEqual([
      [4624, 2, '0x10'],
      [4624, null, '0x20'],
    ]);
    const viaXml = renderFile(path).events.map((xml) => eventXmlToLogEvent(xml, 0));
    expect(sink.events.map((e) => JSON.stringify(e))).toEqual(viaXml.map((e) => JSON.stringify(e)));
  });

  it('turns an event without System fields into a located warning and keeps going', async () => {
    const chunk = new ChunkBuilder();
    chunk.record(1, (w) =>
      w
        .fragmentHeader()
        .element('Event', [], (e) => e.element('EventData', [], null))
        .eof(),
    );
    chunk.record(2, (w) => writeEvent(w, systemFields({ recordId: 7 }), null));
    const path = join(tempDir(), 'odd.evtx');
    writeFileSync(path, buildFile([chunk.finish()]));
    const sink = await read(path);
    expect(sink.events.map((e) => e.recordId)).toEqual([7]);
    expect(sink.warnings).toEqual([
      {
        location: 'chunk 0 (file offset 0x1000), chunk offset 0x200',
        message: 'record skipped: event has no <System> element',
      },
    ]);
  });
});
