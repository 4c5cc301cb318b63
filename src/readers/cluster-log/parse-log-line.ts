/**
 * The line grammar shared by every cluster log version (reference: cluster-log.md §2):
 *
 *   [Channel] PPPPPPPP.TTTTTTTT::YYYY/MM/DD-HH:MM:SS.mmm LEVEL [COMPONENT] message
 *
 * The channel prefix is 2016+ only; the level is a token padded to six characters; the
 * component tag may be missing, may carry spaces (`[CHANNEL 10.0.0.1:~3343~]`) and may have a
 * function name glued in front of it (`rcm::RcmResource::OnlineWorker[RCM]`).
 */

import { scanLogLine } from './scan-log-line.js';

/** The parts of one line that matched the grammar. */
export interface ParsedLogLine {
  channel: string | null;
  pid: number;
  tid: number;
  /** `YYYY/MM/DD-HH:MM:SS.mmm` as written. */
  rawTime: string;
  /** Calendar fields of rawTime; month is 1-based. */
  fields: TimestampFields;
  level: string;
  component: string | null;
  /** The text after the level field (and after the component tag when there is one). */
  message: string;
}

export interface TimestampFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

// Whitespace between fields is `\s+` because copies in documents collapse the padding.
const linePattern =
  /^(?:\[([A-Za-z]+)\] )?([0-9A-Fa-f]{8})\.([0-9A-Fa-f]{8})::((\d{4})\/(\d{2})\/(\d{2})-(\d{2}):(\d{2}):(\d{2})\.(\d{3}))\s+([A-Z]{2,5})(?:( +)(.*))?$/;

const componentPattern = /^\s*((?:\w+::)+\w+)?\[([^\]]+)\]\s?(.*)$/;

/** Width of the level field: the token plus padding, so the message starts in a fixed column. */
const levelFieldWidth = 6;

/**
 * Parses one line; returns null when the line does not follow the grammar (the caller treats
 * it as a continuation). Pure. A calendar-impossible timestamp also returns null. Lines are
 * read by a hand-written scanner that gives what the pattern gives (a test compares the two).
 */
export function parseLogLine(text: string): ParsedLogLine | null {
  return hasLineTerminator(text) ? parseLogLineByPattern(text) : scanLogLine(text, splitComponent);
}

/** parseLogLine by the grammar's regular expression: the reference the scanner follows. Pure. */
export function parseLogLineByPattern(text: string): ParsedLogLine | null {
  const m = linePattern.exec(text);
  if (m === null) return null;
  const fields: TimestampFields = {
    year: Number(m[5]),
    month: Number(m[6]),
    day: Number(m[7]),
    hour: Number(m[8]),
    minute: Number(m[9]),
    second: Number(m[10]),
    millisecond: Number(m[11]),
  };
  if (!isPlausibleTimestamp(fields)) return null;
  const level = m[12] ?? '';
  const spaces = m[13] ?? '';
  const rest = m[14] ?? '';
  // Keep whatever padding goes beyond the level field: it is the message's own indentation.
  const padding = Math.max(1, levelFieldWidth - level.length);
  const afterLevel = spaces.length > padding ? spaces.slice(padding) + rest : rest;
  const { component, message } = splitComponent(afterLevel);
  return {
    channel: m[1] ?? null,
    pid: parseInt(m[2] ?? '', 16),
    tid: parseInt(m[3] ?? '', 16),
    rawTime: m[4] ?? '',
    fields,
    level,
    component,
    message,
  };
}

/**
 * Splits a leading `[COMPONENT]` tag off a message. A function name glued before the tag
 * stays in the message, so nothing of the line is lost. Pure.
 */
export function splitComponent(text: string): { component: string | null; message: string } {
  if (text.indexOf('[') < 0) return { component: null, message: text };
  const m = componentPattern.exec(text);
  if (m === null) return { component: null, message: text };
  const prefix = m[1];
  const body = m[3] ?? '';
  return {
    component: m[2] ?? null,
    message: prefix !== undefined ? `${prefix} ${body}` : body,
  };
}

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isPlausibleTimestamp(f: TimestampFields): boolean {
  return (
    f.month >= 1 &&
    f.month <= 12 &&
    f.day >= 1 &&
    f.day <= (daysInMonth[f.month - 1] ?? 0) &&
    f.hour <= 23 &&
    f.minute <= 59 &&
    f.second <= 60
  );
}

/** True when the text holds a character `.` does not match (a line terminator). Pure. */
function hasLineTerminator(text: string): boolean {
  return (
    text.indexOf('\r') >= 0 ||
    text.indexOf('\n') >= 0 ||
    text.indexOf('\u2028') >= 0 ||
    text.indexOf('\u2029') >= 0
  );
}
