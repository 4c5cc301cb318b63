/**
 * Fitting text to a terminal width: shortening in the middle (so the start and the end, where
 * names and file names live, stay), shortening paths by their folders (the file name stays
 * whole) and word-wrapping. Widths count UTF-16 code units, as the tables do. Pure.
 */

const ellipsis = '…';

/** `text` cut in the middle to at most `width` characters, an ellipsis where it was cut. */
export function shortenMiddle(text: string, width: number): string {
  if (text.length <= width) return text;
  if (width <= 1) return ellipsis.slice(0, Math.max(0, width));
  const kept = width - 1;
  const head = Math.ceil(kept / 2);
  return `${text.slice(0, head)}${ellipsis}${text.slice(text.length - (kept - head))}`;
}

/**
 * A path cut to at most `width` characters: folders go first (`…/logs/HV01_cluster.log`), the
 * file name is cut (in its middle) only when it alone is wider than `width`.
 */
export function shortenPath(path: string, width: number): string {
  if (path.length <= width) return path;
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const name = path.slice(cut + 1);
  if (cut < 0 || name.length + 2 > width) return shortenMiddle(name, width);
  return `${ellipsis}${path.slice(path.length - (width - 1))}`;
}

/**
 * `text` broken at spaces into lines of at most `width` characters; lines after the first start
 * with `indent`. A word wider than a line is cut in the middle rather than left to overflow.
 */
export function wrapText(text: string, width: number, indent = ''): string[] {
  if (!Number.isFinite(width) || visibleLength(text) <= width) return [text];
  const lead = /^ */.exec(text)![0];
  const words = text
    .slice(lead.length)
    .split(/ +/)
    .filter((w) => w !== '');
  const lines: string[] = [];
  let line = lead;
  let empty = true;
  for (const word of words) {
    const length = visibleLength(word);
    if (!empty && visibleLength(line) + 1 + length > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    const room = width - visibleLength(line) - (empty ? 0 : 1);
    // A coloured word is never cut (that could cut its colour codes).
    const fitted = length === word.length ? shortenMiddle(word, Math.max(1, room)) : word;
    line += `${empty ? '' : ' '}${fitted}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** Every line of `text` wrapped to `width`, continuation lines indented two more than the line. */
export function wrapBlock(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const lead = /^ */.exec(line)![0];
      return wrapText(line, width, `${lead}  `);
    })
    .join('\n');
}

/** The length of text as shown: colour codes take no room. */
export function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
  return text.replace(/\x1b\[[0-9;]*m/g, '').length;
}
