import type { LogEvent } from '../../../model/log-event.js';
import {
  numbersPerEvent,
  orNull,
  putSystemNumbers,
  StringColumn,
  StringCursor,
} from './string-column.js';

/**
 * A batch of LogEvents laid out for the trip between threads. Structured cloning of one object
 * per event spends most of its time on property names and on one small string after another;
 * here the strings of the batch travel as a StringColumn (string-column.ts), numbers and
 * lengths in transferred buffers.
 */
export interface EventColumns {
  count: number;
  /** The strings of every event, in the order `fromEventColumns` reads them (StringColumn). */
  texts: string[];
  /** Length of each string; −1 for null. */
  lengths: Int32Array;
  /** Per event: eventId, level, task, opcode, recordId, processId, threadId (NaN = null). */
  numbers: Float64Array;
  /** Per event: how many data fields (their values follow the event's own strings). */
  dataCounts: Int32Array;
  /**
   * The distinct data keys of the batch, each once (a batch repeats a few dozen keys in every
   * event: sent once, they are also turned into property keys once on the receiving side).
   */
  keys: string[];
  /** Per data field, in order: its key's index in `keys`. */
  keyIds: Int32Array;
}

const stringsPerEvent = 8;

/** LogEvents → columns. Pure. */
export function toEventColumns(events: LogEvent[]): EventColumns {
  const count = events.length;
  const numbers = new Float64Array(count * numbersPerEvent);
  const dataCounts = new Int32Array(count);
  const strings = new StringColumn(count * (stringsPerEvent + 8));
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  let keyIds = new Int32Array(Math.max(16, count * 8));
  let fieldCount = 0;
  for (let i = 0; i < count; i++) {
    const e = events[i] as LogEvent;
    strings.add(e.time);
    strings.add(e.computer);
    strings.add(e.channel);
    strings.add(e.provider);
    strings.add(e.keywords);
    strings.add(e.activityId);
    strings.add(e.userSid);
    strings.add(e.message);
    putSystemNumbers(numbers, i, e);
    let fields = 0;
    const data = e.data;
    for (const key in data) {
      let id = keyIndex.get(key);
      if (id === undefined) {
        id = keys.length;
        keys.push(key);
        keyIndex.set(key, id);
      }
      if (fieldCount === keyIds.length) {
        const grown = new Int32Array(keyIds.length * 2);
        grown.set(keyIds);
        keyIds = grown;
      }
      keyIds[fieldCount++] = id;
      strings.add(data[key] as string);
      fields++;
    }
    dataCounts[i] = fields;
  }
  return {
    count,
    ...strings.finish(),
    numbers,
    dataCounts,
    keys,
    keyIds: keyIds.slice(0, fieldCount),
  };
}

/** Columns → LogEvents, equal (key order included) to the events they were made from. Pure. */
export function fromEventColumns(c: EventColumns): LogEvent[] {
  const events: LogEvent[] = [];
  const { numbers, keys, keyIds } = c;
  const strings = new StringCursor(c.texts, c.lengths);
  const next = () => strings.next();
  let f = 0; // next key id
  for (let i = 0; i < c.count; i++) {
    const n = i * numbersPerEvent;
    const time = next() as string;
    const computer = next() as string;
    const channel = next() as string;
    const provider = next() as string;
    const keywords = next();
    const activityId = next();
    const userSid = next();
    const message = next();
    const data: Record<string, string> = {};
    for (let k = c.dataCounts[i] as number; k > 0; k--) {
      data[keys[keyIds[f++] as number] as string] = next() as string;
    }
    events.push({
      time,
      computer,
      channel,
      provider,
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
      data,
      message,
    });
  }
  return events;
}

/** The buffers of `columns` that can be moved to another thread instead of copied. */
export function transferableBuffers(columns: EventColumns): ArrayBuffer[] {
  return [columns.lengths, columns.numbers, columns.dataCounts, columns.keyIds].map(
    (column) => column.buffer as ArrayBuffer,
  );
}
