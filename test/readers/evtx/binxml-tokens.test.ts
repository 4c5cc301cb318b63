import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

/** Every BinXML token and substitution rule, on records built byte by byte. */

const xmlns = 'http://schemas.microsoft.com/win/2004/08/events/event';
const systemXml =
  '<System><Provider Name="Microsoft-Windows-Hyper-V-VMMS" Guid="{6066F867-7CA1-4418-85FD-36E3F9C0600C}"/>' +
  '<EventID>20417</EventID><Level>4</Level><Task>0</Task><Opcode>0</Opcode>' +
  '<Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime="2012-12-14T23:06:40.1234567Z"/>' +
  '<EventRecordID>42</EventRecordID><Correlation/><Execution ProcessID="2468" ThreadID="1357"/>' +
  '<Channel>Microsoft-Windows-Hyper-V-VMMS-Admin</Channel><Computer>HV01.contoso.local</Computer>' +
  '<Security UserID="S-1-5-18"/></System>';

describe('BinXML tokens and substitutions', () => {
  const tempDir = useTempDir();
  const render = (chunks: Buffer[]) => {
    const path = join(tempDir(), 'test.evtx');
    writeFileSync(path, buildFile(chunks));
    return renderFile(path);
  };
  const one = (body: (w: BinXmlWriter) => void) => {
    const chunk = new ChunkBuilder();
    chunk.record(1, body);
    const { events, problems } = render([chunk.finish()]);
    expect(problems).toEqual([]);
    expect(events).toHaveLength(1);
    return events[0];
  };

  it('renders a template instance: System values, optional attributes dropped when NULL', () => {
    const xml = one((w) => writeEvent(w, systemFields(), null));
    expect(xml).toBe(`<Event xmlns="${xmlns}">${systemXml}</Event>`);
  });

  it('drops an element whose only content is an optional NULL value, keeps normal NULL as empty', () => {
    const xml = one((w) =>
      writeEvent(
        w,
        systemFields({
          opcode: undefined,
          qualifiers: 16384,
          activityId: '{0A0B0C0D-0102-0304-0506-0708090A0B0C}',
        }),
        null,
      ),
    );
    expect(xml).not.toContain('<Opcode');
    expect(xml).toContain('<EventID Qualifiers="16384">20417</EventID>');
    expect(xml).toContain('<Correlation ActivityID="{0A0B0C0D-0102-0304-0506-0708090A0B0C}"/>');
  });

  it('reuses a template definition and names by offset in later records', () => {
    const chunk = new ChunkBuilder();
    const first = chunk.record(1, (w) => writeEvent(w, systemFields({ recordId: 1 }), null));
    const second = chunk.record(2, (w) =>
      writeEvent(w, systemFields({ recordId: 2, eventId: 7 }), null),
    );
    const bytes = chunk.finish();
    // The second record is much smaller: no inline definition, no inline names.
    expect(bytes.readUInt32LE(second + 4)).toBeLessThan(bytes.readUInt32LE(first + 4) / 2);
    const { events } = render([bytes]);
    expect(events).toHaveLength(2);
    expect(events[1]).toContain('<EventID>7</EventID>');
    expect(events[1]).toContain('<EventRecordID>2</EventRecordID>');
  });

  it('renders nested BinXML (0x21) in place: an instance of its own template', () => {
    const payload = (w: BinXmlWriter) =>
      w.instance(
        'data',
        guidBytes('{AAAAAAAA-0000-0000-0000-000000000001}'),
        (t) =>
          t.element('EventData', [], (e) => {
            e.element('Data', [['Name', (x) => x.text('VmName')]], (x) => x.substitution(0, 0x01));
            e.element('Data', [['Name', (x) => x.text('VmId')]], (x) => x.substitution(1, 0x01));
          }),
        [value.string('SQL01'), value.string('4B2A…')],
      );
    const xml = one((w) => writeEvent(w, systemFields(), payload));
    expect(xml).toBe(
      `<Event xmlns="${xmlns}">${systemXml}<EventData><Data Name="VmName">SQL01</Data><Data Name="VmId">4B2A…</Data></EventData></Event>`,
    );
  });

  it('renders nested BinXML that starts with an element (no dependency id)', () => {
    const payload = (w: BinXmlWriter) =>
      w.element('UserData', [], (u) =>
        u.element(
          'VmlEventLog',
          [['xmlns', (x) => x.text('http://www.microsoft.com/Windows/Virtualization/Events')]],
          (v) => v.element('VmName', [], (x) => x.text('SQL01')),
        ),
      );
    const xml = one((w) => writeEvent(w, systemFields(), payload));
    expect(xml).toContain(
      '<UserData><VmlEventLog xmlns="http://www.microsoft.com/Windows/Virtualization/Events"><VmName>SQL01</VmName></VmlEventLog></UserData></Event>',
    );
  });

  it('repeats the element for each item of an array value; an empty array gives one empty element', () => {
    const payload = (w: BinXmlWriter) =>
      w.instance(
        'arrays',
        guidBytes('{AAAAAAAA-0000-0000-0000-000000000002}'),
        (t) =>
          t.element('EventData', [], (e) => {
            e.element('Data', [], (x) => x.substitution(0, 0x81));
            e.element('Binary', [], (x) => x.substitution(1, 0x81));
          }),
        [value.stringArray(['a', '', 'c&d']), value.stringArray([])],
      );
    const xml = one((w) => writeEvent(w, systemFields(), payload));
    expect(xml).toContain(
      '<EventData><Data>a</Data><Data/><Data>c&amp;d</Data><Binary/></EventData>',
    );
  });

  it('writes template-less records: attributes, value text, CDATA, character and entity references, PI', () => {
    const xml = one((w) => {
      w.fragmentHeader();
      w.element('Event', [['xmlns', (x) => x.text(xmlns)]], (e) => {
        e.element('System', [], (s) => s.element('EventID', [], (x) => x.text('1')));
        e.element('EventData', [], (d) => {
          d.element(
            'Data',
            [['Name', (x) => x.text('a ', true).entityRef('quot').text('b', true).charRef(0x263a)]],
            (x) => x.text('x<y ', true).entityRef('amp').text(' z', true).charRef(65),
          );
          d.element('Data', [], (x) => x.cdata('<raw> & ]]>'));
          d.processingInstruction('target', 'some data');
        });
      });
      w.eof();
    });
    expect(xml).toBe(
      `<Event xmlns="${xmlns}"><System><EventID>1</EventID></System><EventData>` +
        '<Data Name="a &quot;b☺">x&lt;y &amp; z&#65;</Data>' +
        '<Data><![CDATA[<raw> & ]]]]><![CDATA[>]]></Data><?target some data?></EventData></Event>',
    );
  });

  it('renders every fragment of a record with several', () => {
    const xml = one((w) => {
      w.fragmentHeader();
      w.element('Event', [], (e) =>
        e.element('System', [], (s) => s.element('EventID', [], (x) => x.text('5'))),
      );
      w.eof();
      w.fragmentHeader();
      w.element('Extra', [], null);
      w.eof();
    });
    expect(xml).toBe('<Event><System><EventID>5</EventID></System></Event><Extra/>');
  });

  it('ignores leftover bytes after the last complete fragment', () => {
    const xml = one((w) => {
      w.fragmentHeader();
      w.element('Event', [], null);
      w.eof();
      w.raw([0x0f, 0x01, 0x01, 0x00, 0x0c, 0x48]); // the start of an older record's fragment
    });
    expect(xml).toBe('<Event/>');
  });
});
