import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventRow } from '../../../src/model/event-row.js';
import { xmlExportReader } from '../../../src/readers/xml-export/read-xml-export.js';
import { CollectSink } from '../../support/collect-sink.js';
import { encodeText, eventXml, eventXmlSeries } from '../../support/event-xml.js';
import { readXmlExportAsBefore } from '../../support/legacy-xml-export-reader.js';
import { useTempDir } from '../../support/temp-dir.js';

// The streaming reader against the reader it replaced (test/support/legacy-xml-export-reader.ts):
// the same rows, in the same order, and the same warnings, on every sample file and on shapes
// and damage of every kind. The one intended difference: damaged text between events, which
// the old reader skipped silently, is now a warning of its own (/not part of any event/).

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const newKind = /not part of any event|out of step/;

interface Outcome {
  rows: string[];
  warnings: string[];
}

async function readBoth(path: string): Promise<{ now: Outcome; before: Outcome }> {
  const file = { path, displayPath: path, size: statSync(path).size };
  const now = new CollectSink();
  const before = new CollectSink();
  await xmlExportReader.read(file, now, { jobs: 1 });
  await readXmlExportAsBefore(file, before);
  const outcome = (sink: CollectSink): Outcome => ({
    rows: sink.events.map((e) => JSON.stringify(eventRow(e))),
    warnings: sink.warnings.map((w) => `${w.location}: ${w.message}`),
  });
  return { now: outcome(now), before: outcome(before) };
}

function xmlFilesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...xmlFilesUnder(path));
    else if (entry.name.endsWith('.xml')) {
      const head = readFileSync(path).subarray(0, 65536);
      if (xmlExportReader.sniff(head, entry.name)) found.push(path);
    }
  }
  return found;
}

/** Events of the shapes the scanner reads itself and of those it leaves to the full parser. */
function shapes(): string[] {
  const vml = (inner: string) =>
    `<UserData><VmlEventLog xmlns='http://www.microsoft.com/Windows/Virtualization/Events'>${inner}</VmlEventLog></UserData>`;
  return [
    eventXml({ recordId: 1 }),
    eventXml({ recordId: 2, renderedMessage: 'Rendered &amp; &lt;done&gt; &#65;&#x42;' }),
    eventXml({ recordId: 3, payload: vml('<VmName>SQL01</VmName><VmId>1234</VmId>') }),
    eventXml({
      recordId: 4,
      payload: vml(
        '<Parameter0>a</Parameter0><Nested><Inner x="1">b</Inner><Inner>c</Inner></Nested><Parameter0>d</Parameter0><Empty/><Attr only="yes"/>',
      ),
    }),
    eventXml({
      recordId: 5,
      payload: `<UserData><A q='1'><B>x</B></A><A><B>y</B></A></UserData>`,
    }),
    eventXml({
      recordId: 6,
      payload: `<UserData>\r\n  <W>\r\n    <X>multi\r\nline\rtext</X>\r\n  </W>\r\n</UserData>`,
    }),
    eventXml({
      recordId: 7,
      payload:
        '<Data Name="A">1</Data><Data Name="A">2</Data><Data>un</Data><Data Name="Binary">n</Data><Data Name="1">one</Data><Binary> 0a0b </Binary><Binary>ff</Binary>',
    }),
    eventXml({
      recordId: 8,
      payload: '<Data Name="e">a&amp;b&#x263A;&quot;</Data><Data/><Data></Data>',
    }),
    eventXml({
      recordId: 9,
      payload: '<Data Name="x"><Inner>skip</Inner>kept</Data><Other>z</Other>',
    }),
    eventXml({ recordId: 10, payload: '<Data Name="c"><![CDATA[a & <b>]]></Data>' }),
    eventXml({ recordId: 11, payload: '<Data Name="c">a<!-- note -->b</Data>' }),
    eventXml({ recordId: 12, payload: '<ns:Data xmlns:ns="u" Name="p">prefixed</ns:Data>' }),
    eventXml({ recordId: 13, payload: '<Data Name="a" Name="b">dup</Data>' }),
    eventXml({ recordId: 14, payload: '<Data Name="a">AT&T</Data>' }),
    eventXml({ recordId: 15, payload: '<Data Name=a>unquoted</Data>' }),
    eventXml({ recordId: 16, payload: '<Data Name="a"x="b">nospace</Data>' }),
    eventXml({ recordId: 17, payload: '<Data Name="a">x</Dat>' }),
    eventXml({ recordId: 18, payload: '<Data Name = "a">spaced</Data >' }),
    eventXml({ recordId: 19, payload: '<Data Name="a">&#;&#x;&abcdefghijklmnopqrstu;</Data>' }),
    eventXml({ recordId: 20, payload: '<Data Name="a">&amp</Data>' }),
    eventXml({ recordId: 21 }).replace('<System>', '<System><Provider Name="First"/>'),
    eventXml({ recordId: 22 }).replace(/<EventID[^<]*<\/EventID>/, '<EventID>0x5208</EventID>'),
    eventXml({ recordId: 23 }).replace(/<EventID[^<]*<\/EventID>/, '<EventID>abc</EventID>'),
    eventXml({ recordId: 24 }).replace(/<TimeCreated[^>]*>/, '<TimeCreated SystemTime="bad"/>'),
    eventXml({
      recordId: 25,
      qualifiers: 16384,
      activityId: '{9A1C2E3F-1111-2222-3333-444455556666}',
    }),
    eventXml({ recordId: 26 }).replace(/<Provider [^>]*>/, "<Provider EventSourceName='Legacy'/>"),
    eventXml({ recordId: 27 }).replace(
      '</System>',
      '</System><System><Computer>other</Computer></System>',
    ),
    eventXml({
      recordId: 28,
      payload: '<Data Name="a">x</Data></EventData><EventData><Data>y</Data>',
    }),
    eventXml({ recordId: 29 }).replace('<Event ', '<Event a="1" a="2" '),
    eventXml({ recordId: 30 }).replace(/<Computer>[^<]*</, '<Computer>HV02.&#x63;ontoso<'),
    eventXml({ recordId: 31, payload: '<Data Name="a">x</Data>' }).replace(
      '</Event>',
      'tail</Event>',
    ),
    eventXml({ recordId: 32 })
      .replace('<System>', '<System>\r\n  ')
      .replace(/<\/(\w+)>/g, '</$1>\r\n  '),
    eventXml({
      recordId: 33,
      payload: '<UserData><W><__proto__>p</__proto__><constructor>c</constructor></W></UserData>',
    }),
    eventXml({ recordId: 34, payload: '<UserData/>' }),
    eventXml({ recordId: 35, payload: '<UserData>text only</UserData>' }),
    eventXml({
      recordId: 36,
      payload: `<UserData><W a='1' xmlns:x='u'>leaf</W><V>v</V></UserData>`,
    }),
    eventXml({ recordId: 37 }).replace(/<Level>4</, '<Level> 4 <'),
    eventXml({ recordId: 38, payload: '<Data Name="é">ünïcode ✓</Data>' }),
    eventXml({ recordId: 39, payload: '<Data Name="a">\u0000\u0001</Data>' }),
    eventXml({ recordId: 40 })
      .replace('</RenderingInfo>', '')
      .replace('</System>', '</System><RenderingInfo><Message></Message></RenderingInfo>'),
    `<Event><System/></Event>`,
    `<Event/>`,
    `<Event xmlns='u'></Event>`,
  ];
}

describe('the streaming XML reader reads as the reader before it did', () => {
  const tempDir = useTempDir();

  async function compareText(text: string, encodings = ['utf-8', 'utf-16le'] as const) {
    for (const encoding of encodings) {
      const path = join(tempDir(), `case-${encoding}.xml`);
      writeFileSync(path, encodeText(text, encoding, encoding !== 'utf-8'));
      const { now, before } = await readBoth(path);
      expect(now.rows).toEqual(before.rows);
      expect(now.warnings).toEqual(before.warnings);
    }
  }

  it('on every XML export among the samples', async () => {
    const files = xmlFilesUnder(join(repoRoot, 'sample-logs'));
    expect(files.length).toBeGreaterThan(10);
    let rows = 0;
    for (const path of files) {
      const { now, before } = await readBoth(path);
      expect(now.rows, path).toEqual(before.rows);
      expect(now.warnings, path).toEqual(before.warnings);
      rows += now.rows.length;
    }
    expect(rows).toBeGreaterThan(100);
  });

  it('on each shape, one by one and all in one file', async () => {
    const all = shapes();
    for (const event of all) await compareText(`<Events>\r\n${event}\r\n</Events>`);
    await compareText(`<?xml version="1.0"?>\n<Events>${all.join('\n')}</Events>`);
  });

  it('on a file larger than one read chunk, in every encoding', async () => {
    const text = `<Events>${eventXmlSeries(3000, 1, { renderedMessage: 'm' }).join('\r\n')}</Events>`;
    for (const encoding of ['utf-8', 'utf-16le', 'utf-16be'] as const) {
      const path = join(tempDir(), `big-${encoding}.xml`);
      writeFileSync(path, encodeText(text, encoding, true));
      const { now, before } = await readBoth(path);
      expect(now.rows).toHaveLength(3000);
      expect(now.rows).toEqual(before.rows);
      expect(now.warnings).toEqual(before.warnings);
    }
  });

  it('on 400 damaged files: the same rows, and the same warnings besides the new kind', async () => {
    // Deterministic mutations (a small linear congruential generator, no Math.random).
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const base = shapes().slice(0, 12).join('\n');
    const pieces = [
      '<',
      '>',
      '/',
      '&',
      '"',
      "'",
      '</Event>',
      '<Event ',
      '\u0000',
      'x',
      ' ',
      '<!--',
      ']]>',
    ];
    for (let round = 0; round < 400; round++) {
      let text = `<Events>${base}</Events>`;
      for (let k = 1 + random(3); k > 0; k--) {
        const at = random(text.length);
        const cut = random(4) === 0 ? random(40) : 0;
        text = text.slice(0, at) + (pieces[random(pieces.length)] as string) + text.slice(at + cut);
      }
      const path = join(tempDir(), 'damaged.xml');
      writeFileSync(path, text);
      const { now, before } = await readBoth(path);
      expect(now.rows, text).toEqual(before.rows);
      expect(
        now.warnings.filter((w) => !newKind.test(w)),
        text,
      ).toEqual(before.warnings);
    }
  });
});
