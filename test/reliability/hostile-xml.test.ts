import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { compileQueryList } from '../../src/readers/query-list/compile-query-list.js';
import { xmlExportReader } from '../../src/readers/xml-export/read-xml-export.js';
import { CollectSink } from '../support/collect-sink.js';
import { eventXml } from '../support/event-xml.js';
import { useTempDir } from '../support/temp-dir.js';

// Hostile XML: entity expansion bombs and external entities are never expanded (the XML reader
// decodes only the five predefined entities and numeric references), deep nesting is bounded.

/** "Billion laughs": &l9; would expand to 10^9 characters. */
const laughs = [
  '<!ENTITY l0 "lol">',
  ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`),
].join('');
const secret = 'TOP-SECRET-CONTENT-4711';

describe('hostile XML exports', () => {
  const tempDir = useTempDir();

  async function read(text: string): Promise<CollectSink> {
    const path = join(tempDir(), 'hostile.xml');
    writeFileSync(path, text, 'utf8');
    const sink = new CollectSink();
    await xmlExportReader.read({ path, displayPath: path, size: text.length }, sink, { jobs: 1 });
    return sink;
  }

  it('does not expand an entity bomb or an external entity, and decodes the predefined ones', async () => {
    const secretPath = join(tempDir(), 'secret.txt');
    writeFileSync(secretPath, secret);
    const doctype = `<!DOCTYPE Events [${laughs}<!ENTITY xxe SYSTEM "file://${secretPath}"><!ENTITY % pe SYSTEM "file://${secretPath}">%pe;]>`;
    const sink = await read(
      `<?xml version="1.0"?>\n${doctype}\n<Events>` +
        eventXml({ recordId: 1, payload: '<Data Name="a">&l9;</Data>' }) +
        eventXml({ recordId: 2, payload: '<Data Name="a">&xxe;</Data>' }) +
        eventXml({
          recordId: 3,
          payload: '<Data Name="a">&amp;&lt;&gt;&quot;&apos;&#65;&#x42;</Data>',
        }) +
        '</Events>',
    );
    expect(sink.events.map((e) => e.data.a)).toEqual(['&l9;', '&xxe;', '&<>"\'AB']);
    expect(JSON.stringify(sink.events)).not.toContain(secret);
    expect(JSON.stringify(sink.events)).not.toContain('lollol');
  });

  it('bounds deep nesting: a 200,000-level UserData is skipped with a warning, its neighbours kept', async () => {
    const depth = 200_000;
    const deep = `<UserData>${'<x>'.repeat(depth)}y${'</x>'.repeat(depth)}</UserData>`;
    const sink = await read(
      `<Events>${eventXml({ recordId: 1 })}${eventXml({ recordId: 2, payload: deep })}${eventXml({ recordId: 3 })}</Events>`,
    );
    expect(sink.events.map((e) => e.recordId)).toEqual([1, 3]);
    expect(sink.warnings).toHaveLength(1);
    expect(sink.warnings[0]?.message).toMatch(/nested/i);
  });

  it('skips an event longer than the event size cap, keeping the next one', async () => {
    const huge = `<Data Name="a">${'A'.repeat(17 * 1024 * 1024)}</Data>`;
    const sink = await read(
      `<Events>${eventXml({ recordId: 1, payload: huge })}${eventXml({ recordId: 2 })}</Events>`,
    );
    expect(sink.events.map((e) => e.recordId)).toEqual([2]);
    expect(sink.warnings.map((w) => w.message).join('\n')).toMatch(/longer than/);
  });
});

describe('hostile QueryList files', () => {
  const compile = (xml: string) =>
    compileQueryList(xml, { now: new Date(Date.UTC(2026, 10, 26)), source: 'query.xml' });

  it('refuses a QueryList with an entity bomb or an external entity, without expanding it', () => {
    const bomb = `<!DOCTYPE QueryList [${laughs}]><QueryList><Query Id="0"><Select Path="&l9;">*</Select></Query></QueryList>`;
    const external = `<!DOCTYPE QueryList [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><QueryList><Query Id="0"><Select Path="&xxe;">*</Select></Query></QueryList>`;
    // fast-xml-parser leaves an entity whose value holds references unexpanded…
    expect(compile(bomb).channels).toEqual(['&l9;']);
    // …and refuses external entities outright.
    expect(() => compile(external)).toThrow(UserError);
    expect(() => compile(external)).toThrow(/External entities are not supported/);
  });
});
