import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  corpusAvailable,
  corpusFile,
  corpusRoot,
  corpusSkipNote,
  readCorpusCounts,
  readExpectedXml,
} from './support/corpus.js';
import { eventLines, splitExpectedEvents, type EventLines } from './support/normalize-event-xml.js';
import { renderFile } from './support/render-file.js';

/**
 * Conformance against the shared corpus (evtx-corpus/NOTES.md): every record of every file
 * with a reference matches libevtx's XML after normalising the representation differences
 * listed there, and every record count matches. Beyond NOTES.md's list, four libevtx 20181227
 * defects are tolerated, each narrowly (see `tolerated`); everything else must be equal.
 */

const liveId = 'rs-evtx__2-system-Microsoft-Windows-LiveId_4Operational.evtx';

/** libevtx prints ANSI strings without escaping them (NOTES.md): undo our escaping to compare. */
function asLibevtxPrintsAnsi(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Characters XML 1.0 cannot hold: libevtx writes them raw, we write U+FFFD. */
// eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot carry are what this matches
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/**
 * Whether a differing line is a known libevtx defect rather than ours:
 * - a negative Int32/Int64 printed as `-` and its low 31/63 bits (-60 → -2147483588, a
 *   sign-magnitude slip: 0xFFFFFFC4 is -60 in two's complement);
 * - a raw control character where we print U+FFFD.
 */
function tolerated(ours: string, theirs: string): boolean {
  if (/^-\d+$/.test(ours) && /^-\d+$/.test(theirs)) {
    const value = BigInt(ours);
    return theirs === `-${(1n << 31n) + value}` || theirs === `-${(1n << 63n) + value}`;
  }
  return theirs.replace(controlCharacters, '\ufffd') === ours;
}

/** Compares line by line; a trailing RenderingInfo (the second fragment of a nested BinXML
 * value, which libevtx does not print) may be extra on our side. Returns the first difference. */
function compare(ours: EventLines, theirs: EventLines): string | null {
  for (let i = 0; i < Math.max(ours.length, theirs.length); i++) {
    const a = ours[i];
    const b = theirs[i];
    if (a && !b && a[0].startsWith('/Event[1]/RenderingInfo[1]')) continue;
    if (!a || !b || a[0] !== b[0])
      return `line ${i}: ours ${JSON.stringify(a)}, reference ${JSON.stringify(b)}`;
    if (a[1] === b[1] || tolerated(a[1], b[1])) continue;
    if (/e[+-]\d+$/i.test(b[1]) && Number(a[1]).toPrecision(7) === Number(b[1]).toPrecision(7))
      continue;
    return `line ${i}: ours ${JSON.stringify(a)}, reference ${JSON.stringify(b)}`;
  }
  return null;
}

describe.skipIf(!corpusAvailable)(
  `EVTX corpus conformance (${corpusAvailable ? corpusRoot : corpusSkipNote})`,
  () => {
    const counts = corpusAvailable ? readCorpusCounts() : new Map();
    const files = corpusAvailable
      ? readdirSync(`${corpusRoot}/files`).filter((f) => f.endsWith('.evtx'))
      : [];

    it('has a count for every file', () => {
      expect(files.length).toBe(23);
      for (const file of files) expect(counts.has(file), file).toBe(true);
    });

    for (const file of files) {
      const count = counts.get(file);
      if (!count || count.reference === 'none') continue;
      it(`${file}: ${count.expectedRecords} records, each equal to the reference`, () => {
        const { events } = renderFile(corpusFile(file));
        const expected = splitExpectedEvents(readExpectedXml(file) ?? '');
        expect(expected.length).toBe(count.expectedRecords);
        expect(events.length).toBe(count.expectedRecords);
        const differences: string[] = [];
        events.forEach((xml, i) => {
          const ours = eventLines(file === liveId ? asLibevtxPrintsAnsi(xml) : xml);
          const difference = compare(ours, eventLines(expected[i] ?? ''));
          if (difference) differences.push(`record #${i}: ${difference}`);
        });
        expect(differences.slice(0, 5)).toEqual([]);
      });
    }

    it('reads the three files no reference can export, with evtxinfo’s counts', () => {
      for (const file of files.filter((f) => counts.get(f)?.reference === 'none')) {
        const { events, problems } = renderFile(corpusFile(file));
        expect(events.length, file).toBe(counts.get(file)?.evtxinfoRecords);
        expect(problems, file).toEqual([]);
      }
    });
  },
);
