import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventXmlToLogEvent } from '../../../src/readers/xml-export/event-xml-to-log-event.js';
import { EventScanner } from '../../../src/readers/xml-export/scan-event.js';
import { eventXml } from '../../support/event-xml.js';

const sampleDir = join(import.meta.dirname, '..', '..', '..', 'sample-logs');

/** The `<Event>` elements of the UTF-8 or UTF-16 XML exports among the samples. */
function sampleEvents(): string[] {
  const events: string[] = [];
  for (const scenario of readdirSync(sampleDir)) {
    if (!statSync(join(sampleDir, scenario)).isDirectory()) continue;
    for (const name of readdirSync(join(sampleDir, scenario))) {
      if (!name.endsWith('.xml')) continue;
      const bytes = readFileSync(join(sampleDir, scenario, name));
      const text =
        bytes[0] === 0xff ? bytes.subarray(2).toString('utf16le') : bytes.toString('utf8');
      events.push(...(text.match(/<Event[\s>][\s\S]*?<\/Event>/g) ?? []));
    }
  }
  return events;
}

describe('EventScanner', () => {
  const scanner = new EventScanner();
  const scan = (xml: string) => scanner.scan(xml, 0, xml.length);

  it('reads every event of the samples itself, as the full parser does', () => {
    const events = sampleEvents();
    expect(events.length).toBeGreaterThan(100);
    for (const xml of events) expect(scan(xml), xml).toEqual(eventXmlToLogEvent(xml, 0));
  });

  it('reads EventData, VmlEventLog UserData and RenderingInfo itself', () => {
    const vml = eventXml({
      payload: `<UserData><VmlEventLog xmlns='http://www.microsoft.com/Windows/Virtualization/Events'><VmName>SQL01</VmName><VmId>4F1C</VmId></VmlEventLog></UserData>`,
      renderedMessage: 'Migration of &apos;SQL01&apos; failed',
    });
    expect(scan(vml)?.data).toEqual({ VmName: 'SQL01', VmId: '4F1C' });
    expect(scan(vml)?.message).toBe("Migration of 'SQL01' failed");
    expect(scan(eventXml({ payload: '<Data Name="A">1</Data><Binary>0a</Binary>' }))?.data).toEqual(
      {
        A: '1',
        Binary: '0A',
      },
    );
  });

  it('leaves to the full parser what it does not read exactly: comments, CDATA, prefixes, damage', () => {
    for (const payload of [
      '<Data>a<!-- c --></Data>',
      '<Data><![CDATA[x]]></Data>',
      '<ns:Data xmlns:ns="u">x</ns:Data>',
      '<Data Name="a">AT&T</Data>',
      '<Data Name="a">x</Dat>',
      '<Data Name=a>x</Data>',
    ]) {
      expect(scan(eventXml({ payload })), payload).toBeNull();
    }
  });
});
