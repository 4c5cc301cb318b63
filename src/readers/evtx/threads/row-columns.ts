import type { EventRow } from '../../../model/event-row.js';
import {
  numbersPerEvent,
  orNull,
  putSystemNumbers,
  StringColumn,
  StringCursor,
  stringCode,
} from './string-column.js';

/**
 * A batch of store rows laid out for the trip between threads (see string-column.ts): the
 * strings in a few long texts, numbers and lengths in transferred buffers. A field equal to the
 * same field of the row before (node, channel, provider and the like mostly are) travels as a
 * length code only, and the receiving side reuses the string it already has.
 */
export interface RowColumns {
  count: number;
  /** Per row: node, time, channel, provider, keywords, activityId, userSid, data, message. */
  texts: string[];
  lengths: Int32Array;
  /** Per row: eventId, level, task, opcode, recordId, processId, threadId (NaN = null). */
  numbers: Float64Array;
}

const stringsPerRow = 9;

/** Adds `value`, or the code for "same as `previous`". */
function addOrRepeat(strings: StringColumn, value: string | null, previous: string | null): void {
  if (value === previous && value !== null) strings.code(stringCode.previous);
  else strings.add(value);
}

/**
 * Gathers rows into columns one at a time as they are built (so a batch's rows need not be kept
 * as objects until it is sent); `finish` gives the batch and starts the next.
 */
export class RowColumnsWriter {
  count = 0;
  private numbers = new Float64Array(numbersPerEvent * 256);
  private strings = new StringColumn(stringsPerRow * 256);
  private last: EventRow | null = null;

  add(r: EventRow): void {
    const strings = this.strings;
    const last = this.last;
    addOrRepeat(strings, r.node, last && last.node);
    strings.add(r.time);
    addOrRepeat(strings, r.channel, last && last.channel);
    addOrRepeat(strings, r.provider, last && last.provider);
    addOrRepeat(strings, r.keywords, last && last.keywords);
    addOrRepeat(strings, r.activityId, last && last.activityId);
    addOrRepeat(strings, r.userSid, last && last.userSid);
    strings.add(r.data);
    addOrRepeat(strings, r.message, last && last.message);
    if ((this.count + 1) * numbersPerEvent > this.numbers.length) {
      const grown = new Float64Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    putSystemNumbers(this.numbers, this.count++, r);
    this.last = r;
  }

  finish(): RowColumns {
    const columns: RowColumns = {
      count: this.count,
      ...this.strings.finish(),
      numbers: this.numbers.slice(0, this.count * numbersPerEvent),
    };
    this.count = 0;
    this.strings = new StringColumn(stringsPerRow * 256);
    this.last = null;
    return columns;
  }
}

/** Rows → columns. Pure. */
export function toRowColumns(rows: readonly EventRow[]): RowColumns {
  const writer = new RowColumnsWriter();
  for (const row of rows) writer.add(row);
  return writer.finish();
}

/** Columns → rows, equal to the rows they were made from. Pure. */
export function fromRowColumns(c: RowColumns): EventRow[] {
  const rows: EventRow[] = [];
  const numbers = c.numbers;
  const strings = new StringCursor(c.texts, c.lengths);
  let node: string | null = null;
  let channel: string | null = null;
  let provider: string | null = null;
  let keywords: string | null = null;
  let activityId: string | null = null;
  let userSid: string | null = null;
  let message: string | null = null;
  for (let i = 0; i < c.count; i++) {
    const n = i * numbersPerEvent;
    node = strings.next(node);
    const time = strings.next();
    channel = strings.next(channel);
    provider = strings.next(provider);
    keywords = strings.next(keywords);
    activityId = strings.next(activityId);
    userSid = strings.next(userSid);
    const data = strings.next();
    message = strings.next(message);
    rows.push({
      node: node as string,
      time: time as string,
      channel: channel as string,
      provider: provider as string,
      eventId: numbers[n] as number,
      level: orNull(numbers[n + 1] as number),
      task: orNull(numbers[n + 2] as number),
      opcode: orNull(numbers[n + 3] as number),
      keywords,
      recordId: orNull(numbers[n + 4] as number),
      processId: orNull(numbers[n + 5] as number),
      threadId: orNull(numbers[n + 6] as number),
      activityId,
      userSid,
      data: data as string,
      message,
    });
  }
  return rows;
}

/** The buffers of `columns` that can be moved to another thread instead of copied. */
export function rowTransferables(columns: RowColumns): ArrayBuffer[] {
  return [columns.lengths.buffer as ArrayBuffer, columns.numbers.buffer as ArrayBuffer];
}
