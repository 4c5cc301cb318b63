import type { PropertyBag } from './build-config-row.js';

/** A `Format-Table` capture: lower-cased column names and one property bag per row. */
export interface TextTable {
  columns: string[];
  rows: PropertyBag[];
  line: number;
}

interface Span {
  start: number;
  end: number;
}

/** True for the dashed underline under a table header (`----  -----  ------`). Pure. */
export function isUnderline(text: string): boolean {
  return /^\s*-+(\s+-+)*\s*$/.test(text);
}

/** Column spans of the dashed underline. Pure. */
export function underlineSpans(underline: string): Span[] {
  const spans: Span[] = [];
  for (const m of underline.matchAll(/-+/g)) {
    spans.push({ start: m.index, end: m.index + m[0].length - 1 });
  }
  return spans;
}

/**
 * Splits one table line into the columns of `spans`. Columns are found from the dashed
 * underline, not fixed widths: PowerShell right-aligns numbers and lets long values spill to
 * the left (`Partitioned` under `-----`), so each word goes to the column it overlaps, the
 * one it is aligned with when it overlaps two, and otherwise continues the word before it
 * (single space) or joins the nearest column. Pure.
 */
export function splitTableLine(text: string, spans: Span[]): string[] {
  const cells: string[][] = spans.map(() => []);
  let previousColumn = -1;
  let previousEnd = -2;
  for (const m of text.matchAll(/\S+/g)) {
    const word = { start: m.index, end: m.index + m[0].length - 1 };
    let column = pickColumn(word, spans);
    if (column < 0) {
      column =
        previousColumn >= 0 && word.start - previousEnd === 2
          ? previousColumn
          : nearest(word, spans);
    }
    cells[column]?.push(m[0]);
    previousColumn = column;
    previousEnd = word.end;
  }
  return cells.map((words) => words.join(' '));
}

function pickColumn(word: Span, spans: Span[]): number {
  const overlapping: number[] = [];
  spans.forEach((span, i) => {
    if (word.start <= span.end && word.end >= span.start) overlapping.push(i);
  });
  if (overlapping.length === 1) return overlapping[0] ?? -1;
  if (overlapping.length === 0) return -1;
  const aligned = overlapping.find((i) => {
    const span = spans[i];
    return span !== undefined && (span.end === word.end || span.start === word.start);
  });
  if (aligned !== undefined) return aligned;
  let best = -1;
  let bestOverlap = -1;
  for (const i of overlapping) {
    const span = spans[i];
    if (span === undefined) continue;
    const overlap = Math.min(span.end, word.end) - Math.max(span.start, word.start);
    if (overlap > bestOverlap) {
      best = i;
      bestOverlap = overlap;
    }
  }
  return best;
}

function nearest(word: Span, spans: Span[]): number {
  let best = 0;
  let bestDistance = Infinity;
  spans.forEach((span, i) => {
    const distance = word.end < span.start ? span.start - word.end : word.start - span.end;
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

/** Builds a table from its header line, underline and row lines. Pure. */
export function buildTextTable(
  header: string,
  underline: string,
  rowLines: string[],
  line: number,
): TextTable {
  const spans = underlineSpans(underline);
  const columns = splitTableLine(header, spans).map((c) => c.toLowerCase());
  const rows = rowLines.map((text) => {
    const bag: PropertyBag = new Map();
    splitTableLine(text, spans).forEach((value, i) => {
      const column = columns[i];
      if (column !== undefined && column.length > 0) bag.set(column, value);
    });
    return bag;
  });
  return { columns, rows, line };
}
