import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../../src/model/log-event.js';
import { ExportScanner } from '../../../src/readers/xml-export/export-scanner.js';
import { eventXml } from '../../support/event-xml.js';

function scan(pieces: string[], bytesPerChar: number | null = null, start = 0) {
  const events: LogEvent[] = [];
  const warnings: { location: string; message: string }[] = [];
  const scanner = new ExportScanner(bytesPerChar, start, {
    event: (e) => events.push(e),
    warning: (location, message) => warnings.push({ location, message }),
  });
  for (const piece of pieces) scanner.push(piece);
  scanner.finish();
  return { ids: events.map((e) => e.recordId), warnings };
}

describe('ExportScanner', () => {
  const a = eventXml({ recordId: 1 });
  const b = eventXml({ recordId: 2 });

  it('reads bare events, an <Events> root, a declaration, a comment and a DOCTYPE alike', () => {
    for (const text of [
      `${a}${b}`,
      `<?xml version="1.0"?>\n<Events>\n${a}\n${b}\n</Events>\n`,
      `\r\n${a}\r\n\r\n${b}\r\n`,
      `\uFEFF<!-- exported --><!DOCTYPE Events [<!ENTITY x "y">]><Events xmlns="u">${a}<Events/>${b}</Events>`,
    ]) {
      const { ids, warnings } = scan([text]);
      expect(ids).toEqual([1, 2]);
      expect(warnings).toEqual([]);
    }
  });

  it('joins events and the markup around them cut across chunk boundaries at every position', () => {
    const text = `<?xml version="1.0"?>\r\n<Events>${a}${b}</Events>`;
    for (let cut = 1; cut < text.length; cut += 3) {
      const { ids, warnings } = scan([text.slice(0, cut), text.slice(cut)]);
      expect(ids).toEqual([1, 2]);
      expect(warnings).toEqual([]);
    }
  });

  it('gives UTF-8 byte offsets in warnings', () => {
    const prefix = '<Events><!-- é -->';
    const bad = b.replace('</Computer>', '</Computr>');
    const { warnings } = scan([`${prefix}${a}${bad}`], null, 3);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.location).toBe(`byte ${3 + Buffer.byteLength(prefix + a)}`);
  });

  it('gives UTF-16 byte offsets as two bytes per character after the BOM', () => {
    const bad = b.replace('</Computer>', '</Computr>');
    const { warnings } = scan([`<Events>${a}`, bad], 2, 2);
    expect(warnings[0]?.location).toBe(`byte ${2 + 2 * (8 + a.length)}`);
  });

  it('reports an event cut short by the next one and keeps both neighbours', () => {
    const cut = a.slice(0, 200);
    const { ids, warnings } = scan([`${b}${cut}${a}`]);
    expect(ids).toEqual([2, 1]);
    expect(warnings).toEqual([
      {
        location: `byte ${b.length}`,
        message: 'event element is not closed before the next event starts',
      },
    ]);
  });

  it('reports a file that ends inside an event', () => {
    const { ids, warnings } = scan([`${a}${b.slice(0, 100)}`]);
    expect(ids).toEqual([1]);
    expect(warnings[0]?.message).toMatch(/truncated/);
  });

  it('does not mistake <EventData> or <EventID> for an event start', () => {
    const { ids, warnings } = scan([
      a.slice(0, a.indexOf('<EventData') + 6),
      a.slice(a.indexOf('<EventData') + 6),
    ]);
    expect(ids).toEqual([1]);
    expect(warnings).toEqual([]);
  });

  it('reports text between events that is not allowed there, once per gap, with its offset', () => {
    const { ids, warnings } = scan([
      `<Events>${a}\r\n<Evxnt x="1">junk</Event>\r\n`,
      `garbage${b}</Events>`,
    ]);
    expect(ids).toEqual([1, 2]);
    expect(warnings).toHaveLength(1);
    const at = `<Events>${a}\r\n`.length;
    expect(warnings[0]?.location).toBe(`byte ${at}`);
    expect(warnings[0]?.message).toBe(
      `${`<Evxnt x="1">junk</Event>\r\ngarbage`.length} bytes of text that is not part of any event skipped (a damaged event or foreign text), starting "<Evxnt x="1">junk</Event"`,
    );
  });

  it('reports markup left open at the end of the file', () => {
    const { ids, warnings } = scan([`${a}<!-- never closed`]);
    expect(ids).toEqual([1]);
    expect(warnings[0]?.location).toBe(`byte ${a.length}`);
    expect(warnings[0]?.message).toMatch(/not part of any event/);
  });
});
