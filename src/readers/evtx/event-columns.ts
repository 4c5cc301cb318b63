import type { LogEvent } from '../../model/log-event.js';

/**
 * A batch of LogEvents laid out for the trip between threads. Structured cloning of one object
 * per event spends most of its time on property names and on one small string after another;
 * here the strings of the batch travel inside a few long strings (each cloned as one copy,
 * then cut back into pieces), numbers and lengths in transferred buffers.
 */
export interface EventColumns {
  count: number;
  /**
   * The strings of every event, one after the other, in the order `fromEventColumns` reads
   * them, gathered into texts of at most `maxTextLength` characters (a longer string has a text
   * of its own; no string is split): long enough to clone cheaply, short enough to be young
   * garbage rather than large objects that only a full collection frees.
   */
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

const numbersPerEvent = 7;
const stringsPerEvent = 8;
const maxTextLength = 1 << 14;

/** Gathers the strings of a batch into texts and lengths (see EventColumns). */
class StringColumn {
  lengths: Int32Array;
  count = 0;
  readonly texts: string[] = [];
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(expected: number) {
    this.lengths = new Int32Array(Math.max(16, expected));
  }

  add(text: string | null): void {
    if (this.count === this.lengths.length) {
      const grown = new Int32Array(this.lengths.length * 2);
      grown.set(this.lengths);
      this.lengths = grown;
    }
    if (text === null) {
      this.lengths[this.count++] = -1;
      return;
    }
    const length = text.length;
    this.lengths[this.count++] = length;
    if (this.pendingLength + length > maxTextLength && this.pendingLength > 0) this.cut();
    this.pending.push(text);
    this.pendingLength += length;
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

const num = (n: number | null) => (n === null ? NaN : n);

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
    const n = i * numbersPerEvent;
    numbers[n] = e.eventId;
    numbers[n + 1] = num(e.level);
    numbers[n + 2] = num(e.task);
    numbers[n + 3] = num(e.opcode);
    numbers[n + 4] = num(e.recordId);
    numbers[n + 5] = num(e.processId);
    numbers[n + 6] = num(e.threadId);
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
  const { texts, lengths, numbers, keys, keyIds } = c;
  let f = 0; // next key id
  let s = 0; // next length
  let t = 0; // text holding the next string
  let text = texts[0] ?? '';
  let at = 0; // next character of text
  const next = (): string | null => {
    const length = lengths[s++] as number;
    if (length < 0) return null;
    if (at + length > text.length) {
      text = texts[++t] ?? '';
      at = 0;
    }
    const piece = text.slice(at, at + length);
    at += length;
    return piece;
  };
  const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);
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
