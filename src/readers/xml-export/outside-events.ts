/**
 * Text between events that an export may hold besides whitespace: an XML declaration or other
 * processing instruction, comments, a DOCTYPE, and the `<Events>` root of Event Viewer's "Save
 * as XML". Anything else there is damage (a broken start tag, NUL bytes, text out of step) and
 * is reported, never skipped silently.
 */

/** Where a scan of text outside events stopped. */
export interface OutsideScan {
  /** Index of the first character that is not allowed between events, or −1. */
  junkAt: number;
  /** Index up to which the text was read (before `to` when markup is cut by the chunk end). */
  readTo: number;
}

/** Allowed markup cut by the end of what has been read longer than this is damage. */
const maxHeldMarkupInChars = 1 << 20;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
}

/**
 * Reads `s` from `from` to `to`. With `final` false, allowed markup cut at `to` is left unread
 * (`readTo` before it) to be read again with the text that follows. Pure.
 */
export function scanOutsideEvents(
  s: string,
  from: number,
  to: number,
  final: boolean,
): OutsideScan {
  let i = from;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c !== 60) return { junkAt: i, readTo: to };
    const end = markupEnd(s, i, to);
    if (end === -1) return { junkAt: i, readTo: to };
    if (end === -2) {
      if (final || to - i > maxHeldMarkupInChars) return { junkAt: i, readTo: to };
      return { junkAt: -1, readTo: i };
    }
    i = end;
  }
  return { junkAt: -1, readTo: to };
}

const openers = ['<?', '<!--', '<!DOCTYPE', '<Events', '</Events'];

/** End of the allowed markup at `i` (≤ `to`); −1 when it is not allowed, −2 when cut at `to`. */
function markupEnd(s: string, i: number, to: number): number {
  const head = s.slice(i, Math.min(to, i + 10));
  for (const opener of openers) {
    if (head.startsWith(opener)) {
      const after = i + opener.length;
      if (opener === '<?') return closedBy(s, '?>', after, to);
      if (opener === '<!--') return closedBy(s, '-->', after, to);
      if (opener === '<!DOCTYPE') return doctypeEnd(s, after, to);
      if (after >= to) return -2;
      const c = s.charCodeAt(after);
      if (!(isSpace(c) || c === 62 || (c === 47 && opener === '<Events'))) return -1;
      return closedBy(s, '>', after, to);
    }
    if (opener.startsWith(head)) return -2;
  }
  return -1;
}

function closedBy(s: string, terminator: string, from: number, to: number): number {
  const at = s.indexOf(terminator, from);
  return at < 0 || at + terminator.length > to ? -2 : at + terminator.length;
}

/** `<!DOCTYPE name [ internal subset ]>`: the `>` after the brackets close. */
function doctypeEnd(s: string, from: number, to: number): number {
  let depth = 0;
  let quote = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 91) depth++;
    else if (c === 93) depth--;
    else if (c === 62 && depth <= 0) return i + 1;
  }
  return -2;
}

/** The first characters at `at`, printable ASCII only, for a warning. Pure. */
export function preview(s: string, at: number, length = 24): string {
  let text = '';
  for (let i = at; i < s.length && i < at + length; i++) {
    const c = s.charCodeAt(i);
    text += c >= 32 && c < 127 ? s[i] : c === 0 ? '\\0' : '\\u' + c.toString(16).padStart(4, '0');
  }
  return text;
}
