import { describe, expect, it } from 'vitest';
import {
  EventSplitter,
  type EventSlice,
  type SliceProblem,
} from '../../../src/readers/xml-export/split-events.js';
import { eventXml } from '../../support/event-xml.js';

function split(pieces: string[], encoding: 'utf-8' | 'utf-16le' = 'utf-8', start = 0) {
  const splitter = new EventSplitter(encoding, start);
  const events: EventSlice[] = [];
  const problems: SliceProblem[] = [];
  for (const piece of pieces)
    splitter.push(
      piece,
      (e) => events.push(e),
      (p) => problems.push(p),
    );
  splitter.finish((p) => problems.push(p));
  return { events, problems };
}

describe('EventSplitter', () => {
  const a = eventXml({ recordId: 1 });
  const b = eventXml({ recordId: 2 });

  it('cuts bare events, an <Events> root and a declaration alike', () => {
    for (const text of [
      `${a}${b}`,
      `<?xml version="1.0"?>\n<Events>\n${a}\n${b}\n</Events>\n`,
      `\r\n${a}\r\n\r\n${b}\r\n`,
    ]) {
      const { events, problems } = split([text]);
      expect(events.map((e) => e.xml)).toEqual([a, b]);
      expect(problems).toEqual([]);
    }
  });

  it('joins events cut across chunk boundaries at every position', () => {
    const text = `<Events>${a}${b}</Events>`;
    for (let cut = 1; cut < text.length; cut += 7) {
      const { events } = split([text.slice(0, cut), text.slice(cut)]);
      expect(events.map((e) => e.xml)).toEqual([a, b]);
    }
  });

  it('reports UTF-8 byte offsets of each event', () => {
    const prefix = '<Events>é';
    const { events } = split([`${prefix}${a}${b}`], 'utf-8', 3);
    expect(events[0]?.byteOffset).toBe(3 + Buffer.byteLength(prefix));
    expect(events[1]?.byteOffset).toBe(3 + Buffer.byteLength(prefix + a));
  });

  it('reports UTF-16 byte offsets as two bytes per character after the BOM', () => {
    const { events } = split([`<Events>${a}${b}`], 'utf-16le', 2);
    expect(events[1]?.byteOffset).toBe(2 + 2 * (8 + a.length));
  });

  it('reports an event cut short by the next one and keeps both neighbours', () => {
    const cut = a.slice(0, 200);
    const { events, problems } = split([`${b}${cut}${a}`]);
    expect(events.map((e) => e.xml)).toEqual([b, a]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/not closed/);
    expect(problems[0]?.byteOffset).toBe(b.length);
  });

  it('reports a file that ends inside an event', () => {
    const { events, problems } = split([`${a}${b.slice(0, 100)}`]);
    expect(events).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/truncated/);
  });

  it('does not mistake <EventData> or <EventID> for an event start', () => {
    const { events, problems } = split([
      a.slice(0, a.indexOf('<EventData') + 6),
      a.slice(a.indexOf('<EventData') + 6),
    ]);
    expect(events).toHaveLength(1);
    expect(problems).toEqual([]);
  });
});
