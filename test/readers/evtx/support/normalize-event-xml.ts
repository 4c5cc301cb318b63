import { XMLParser } from 'fast-xml-parser';

/**
 * Format-independent view of one `<Event>` for conformance comparisons (evtx-corpus/NOTES.md
 * "For a format-independent comparison"): every element path with its attributes and text, after
 * removing the representation differences the references are known to have.
 */
export type EventLines = [key: string, text: string][];

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const guidPattern =
  /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;
const hexPattern = /^0x[0-9a-fA-F]+$/;
const timePattern = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.(\d+)Z$/;

/** Numeric character references (`&#10;`, `&#x9;`), which the parser above leaves alone. */
function decodeCharRefs(text: string): string {
  if (text.indexOf('&#') < 0) return text;
  return text.replace(/&#(x[0-9a-fA-F]+|[0-9]+);/g, (_, code: string) =>
    String.fromCodePoint(code.startsWith('x') ? parseInt(code.slice(1), 16) : Number(code)),
  );
}

/** One value without the known representation differences. Pure. */
export function normalizeText(raw: string): string {
  // Whitespace at the ends is trimmed (as the parser trims raw text) and line ends are LF.
  const text = decodeCharRefs(raw).replace(/\r\n?/g, '\n').trim();
  if (guidPattern.test(text)) return text.toLowerCase();
  if (hexPattern.test(text)) return BigInt(text).toString();
  const time = timePattern.exec(text);
  if (time) return `${time[1]}.${(time[2] ?? '').padEnd(9, '0').slice(0, 9)}Z`;
  return text;
}

/** True when the texts are equal, or are the same real number to 7 significant digits. */
export function sameText(ours: string, theirs: string): boolean {
  if (ours === theirs) return true;
  if (/e[+-]\d+$/i.test(theirs)) {
    const a = Number(ours);
    const b = Number(theirs);
    return Number.isFinite(a) && Number.isFinite(b) && a.toPrecision(7) === b.toPrecision(7);
  }
  return false;
}

/** Parses one event's XML into normalized lines; throws when the XML is not well formed. */
export function eventLines(xml: string): EventLines {
  const lines: EventLines = [];
  const walk = (nodes: OrderedNode[], path: string) => {
    const counts = new Map<string, number>();
    for (const node of nodes) {
      const name = Object.keys(node).find((key) => key !== ':@');
      if (name === undefined) continue;
      const children = node[name];
      if (name === '#text') {
        const text = normalizeText(String(children));
        if (text !== '') lines.push([`${path}#text`, text]); // whitespace-only text is layout
        continue;
      }
      const n = (counts.get(name) ?? 0) + 1;
      counts.set(name, n);
      const here = `${path}/${name}[${n}]`;
      lines.push([here, '']);
      for (const [attribute, value] of Object.entries(node[':@'] ?? {})) {
        if (value !== '') lines.push([`${here}@${attribute}`, normalizeText(value)]);
      }
      if (Array.isArray(children)) walk(children as OrderedNode[], here);
    }
  };
  walk(parser.parse(xml) as OrderedNode[], '');
  return lines;
}

/** The first difference between two events' lines, or null when they match. */
export function firstDifference(ours: EventLines, theirs: EventLines): string | null {
  const length = Math.max(ours.length, theirs.length);
  for (let i = 0; i < length; i++) {
    const a = ours[i];
    const b = theirs[i];
    if (!a || !b || a[0] !== b[0] || !sameText(a[1], b[1])) {
      return `line ${i}: ours ${JSON.stringify(a)} reference ${JSON.stringify(b)}`;
    }
  }
  return null;
}

/** Splits libevtx `evtxexport -f xml` output into one string per `<Event>`. Pure. */
export function splitExpectedEvents(text: string): string[] {
  const events: string[] = [];
  let at = text.indexOf('<Event');
  while (at >= 0) {
    const end = text.indexOf('</Event>', at);
    if (end < 0) break;
    events.push(text.slice(at, end + '</Event>'.length));
    at = text.indexOf('<Event', end);
  }
  return events;
}
