import type { LogEvent } from '../../../model/log-event.js';

/**
 * Many short strings laid out for the trip between threads: structured cloning spends most of
 * its time on one small string after another, so the strings travel inside a few long texts
 * (each cloned as one copy, then cut back into pieces) with their lengths in a transferred
 * buffer; and the System numbers of events, in a Float64Array. Used by event-columns.ts and
 * row-columns.ts.
 */

/** Length codes besides a string's length. */
export const stringCode = {
  /** The value is null. */
  null: -1,
  /** The value is the one the reader passes as `previous` (e.g. the same field of the last row). */
  previous: -2,
} as const;

/**
 * Longest text the strings are gathered into (a longer string has a text of its own; no string
 * is split): long enough to clone cheaply, short enough to be young garbage rather than large
 * objects that only a full collection frees.
 */
const maxTextLength = 1 << 14;

/** Gathers strings into texts and lengths; `finish` gives them for sending. */
export class StringColumn {
  private lengths: Int32Array;
  private count = 0;
  private readonly texts: string[] = [];
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(expected: number) {
    this.lengths = new Int32Array(Math.max(16, expected));
  }

  /** Adds a length code of `stringCode` instead of a string. */
  code(code: number): void {
    if (this.count === this.lengths.length) this.grow();
    this.lengths[this.count++] = code;
  }

  add(text: string | null): void {
    if (text === null) {
      this.code(stringCode.null);
      return;
    }
    if (this.count === this.lengths.length) this.grow();
    const length = text.length;
    this.lengths[this.count++] = length;
    if (this.pendingLength + length > maxTextLength && this.pendingLength > 0) this.cut();
    this.pending.push(text);
    this.pendingLength += length;
  }

  private grow(): void {
    const grown = new Int32Array(this.lengths.length * 2);
    grown.set(this.lengths);
    this.lengths = grown;
  }

  private cut(): void {
    this.texts.push(this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }

  finish(): { texts: string[]; lengths: Int32Array } {
    if (this.pendingLength > 0) this.cut();
    return { texts: this.texts, lengths: this.lengths.slice(0, this.count) };
  }
}

/** Reads back, in order, the strings a StringColumn gathered. */
export class StringCursor {
  private s = 0; // next length
  private t = 0; // text holding the next string
  private text: string;
  private at = 0; // next character of text

  constructor(
    private readonly texts: readonly string[],
    private readonly lengths: Int32Array,
  ) {
    this.text = texts[0] ?? '';
  }

  /** The next string; `previous` for the code `stringCode.previous`. */
  next(previous: string | null = null): string | null {
    const length = this.lengths[this.s++] as number;
    if (length < 0) return length === stringCode.previous ? previous : null;
    if (this.at + length > this.text.length) {
      this.text = this.texts[++this.t] ?? '';
      this.at = 0;
    }
    const piece = this.text.slice(this.at, this.at + length);
    this.at += length;
    return piece;
  }
}

/** The numbers of an event (LogEvent or store row) that travel in a Float64Array. */
type SystemNumbers = Pick<
  LogEvent,
  'eventId' | 'level' | 'task' | 'opcode' | 'recordId' | 'processId' | 'threadId'
>;

/** Numbers per event in a numbers column: eventId, level, task, opcode, recordId, processId, threadId. */
export const numbersPerEvent = 7;

const num = (n: number | null) => (n === null ? NaN : n);

/** Writes the numbers of event number `i` (null as NaN). */
export function putSystemNumbers(numbers: Float64Array, i: number, e: SystemNumbers): void {
  const n = i * numbersPerEvent;
  numbers[n] = e.eventId;
  numbers[n + 1] = num(e.level);
  numbers[n + 2] = num(e.task);
  numbers[n + 3] = num(e.opcode);
  numbers[n + 4] = num(e.recordId);
  numbers[n + 5] = num(e.processId);
  numbers[n + 6] = num(e.threadId);
}

/** Reads back a number written by `putSystemNumbers` (NaN as null). */
export const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);
