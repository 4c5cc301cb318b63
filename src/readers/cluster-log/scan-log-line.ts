/**
 * A hand-written scanner for the cluster log line grammar (parse-log-line.ts holds the
 * pattern that defines it). It gives exactly what the pattern gives for lines without line
 * terminators (`\r`, `\n`, U+2028, U+2029), which parseLogLine sends to the pattern instead,
 * and costs a fraction of it: no capture groups, no per-field substrings beyond the ones kept.
 */
import type { ParsedLogLine } from './parse-log-line.js';

const levelFieldWidth = 6;
const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses one line holding no line terminator; null when it does not follow the grammar. The
 * component is split off here when the tag opens the message (`[RCM] …`); other shapes go to
 * `splitRest`. Pure.
 */
export function scanLogLine(
  text: string,
  splitRest: (text: string) => { component: string | null; message: string },
): ParsedLogLine | null {
  let p = 0;
  let channel: string | null = null;
  if (text.charCodeAt(0) === 0x5b /* [ */) {
    p = 1;
    while (isAsciiLetter(text.charCodeAt(p))) p++;
    if (p === 1 || text.charCodeAt(p) !== 0x5d /* ] */ || text.charCodeAt(p + 1) !== 0x20)
      return null;
    channel = text.slice(1, p);
    p += 2;
  }
  // PPPPPPPP.TTTTTTTT::YYYY/MM/DD-HH:MM:SS.mmm is 42 characters, at fixed offsets.
  if (text.length < p + 42) return null;
  const pid = hex8(text, p);
  const tid = hex8(text, p + 9);
  if (pid < 0 || tid < 0) return null;
  if (
    text.charCodeAt(p + 8) !== 0x2e ||
    text.charCodeAt(p + 17) !== 0x3a ||
    text.charCodeAt(p + 18) !== 0x3a
  )
    return null;
  const t = p + 19;
  if (
    text.charCodeAt(t + 4) !== 0x2f ||
    text.charCodeAt(t + 7) !== 0x2f ||
    text.charCodeAt(t + 10) !== 0x2d ||
    text.charCodeAt(t + 13) !== 0x3a ||
    text.charCodeAt(t + 16) !== 0x3a ||
    text.charCodeAt(t + 19) !== 0x2e
  )
    return null;
  const year = digits(text, t, 4);
  const month = digits(text, t + 5, 2);
  const day = digits(text, t + 8, 2);
  const hour = digits(text, t + 11, 2);
  const minute = digits(text, t + 14, 2);
  const second = digits(text, t + 17, 2);
  const millisecond = digits(text, t + 20, 3);
  if ((year | month | day | hour | minute | second | millisecond) < 0) return null;
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > (daysInMonth[month - 1] ?? 0) ||
    hour > 23 ||
    minute > 59 ||
    second > 60
  )
    return null;
  // `\s+` then the level: two to five capitals, followed by the end or by spaces.
  let q = t + 23;
  if (!isPatternSpace(text.charCodeAt(q))) return null;
  while (isPatternSpace(text.charCodeAt(q))) q++;
  const levelStart = q;
  while (isCapital(text.charCodeAt(q))) q++;
  const levelLength = q - levelStart;
  if (levelLength < 2 || levelLength > 5) return null;
  const level = text.slice(levelStart, q);
  let afterLevel = '';
  if (q < text.length) {
    if (text.charCodeAt(q) !== 0x20) return null;
    let r = q;
    while (text.charCodeAt(r) === 0x20) r++;
    // Keep whatever padding goes beyond the level field: it is the message's own indentation.
    const padding = Math.max(1, levelFieldWidth - levelLength);
    afterLevel = text.slice(r - q > padding ? q + padding : r);
  }
  let component: string | null = null;
  let message = afterLevel;
  if (afterLevel.charCodeAt(0) === 0x5b /* [ */) {
    const close = afterLevel.indexOf(']', 1);
    if (close > 1) {
      component = afterLevel.slice(1, close);
      message = afterLevel.slice(
        isPatternSpace(afterLevel.charCodeAt(close + 1)) ? close + 2 : close + 1,
      );
    }
  } else if (afterLevel.indexOf('[') >= 0) {
    ({ component, message } = splitRest(afterLevel));
  }
  return {
    channel,
    pid,
    tid,
    rawTime: text.slice(t, t + 23),
    fields: { year, month, day, hour, minute, second, millisecond },
    level,
    component,
    message,
  };
}

/** Value of 8 hex digits at `at`; -1 when one is not a hex digit. */
function hex8(text: string, at: number): number {
  let value = 0;
  for (let i = at; i < at + 8; i++) {
    const c = text.charCodeAt(i);
    let d: number;
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (c >= 0x61 && c <= 0x66) d = c - 0x57;
    else if (c >= 0x41 && c <= 0x46) d = c - 0x37;
    else return -1;
    value = value * 16 + d;
  }
  return value;
}

/** Value of `count` ASCII digits at `at`; -1 when one is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isCapital(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/** What `\s` matches in a JavaScript pattern (line terminators never reach the scanner). */
function isPatternSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
