import type { LogEvent } from '../../model/log-event.js';

/**
 * A batch of LogEvents laid out by column, for the trip between threads: structured cloning
 * of one object per event spends most of its time on the 16 property names of every event;
 * columns, with repeated strings sent once, cost a fraction of that, and the number columns
 * travel as transferred buffers.
 */
export interface EventColumns {
  count: number;
  /** Strings that repeat (computer, channel, provider, keywords, ids, data keys), sent once. */
  table: string[];
  /** Per event: computer, channel, provider, keywords, activityId, userSid, message as table
   * indexes (−1 = null). */
  refs: Int32Array;
  /** Per event: eventId, level, task, opcode, recordId, processId, threadId (NaN = null). */
  numbers: Float64Array;
  times: string[];
  /** Per event: how many data fields; then their keys (table indexes) and values in order. */
  dataCounts: Int32Array;
  dataKeys: Int32Array;
  dataValues: string[];
}

const refsPerEvent = 7;
const numbersPerEvent = 7;

/** LogEvents → columns. Pure. */
export function toEventColumns(events: LogEvent[]): EventColumns {
  const table: string[] = [];
  const index = new Map<string, number>();
  const ref = (text: string | null): number => {
    if (text === null) return -1;
    let at = index.get(text);
    if (at === undefined) {
      at = table.length;
      table.push(text);
      index.set(text, at);
    }
    return at;
  };
  const count = events.length;
  const refs = new Int32Array(count * refsPerEvent);
  const numbers = new Float64Array(count * numbersPerEvent);
  const times: string[] = [];
  const dataCounts = new Int32Array(count);
  const dataKeys: number[] = [];
  const dataValues: string[] = [];
  const num = (n: number | null) => (n === null ? NaN : n);
  events.forEach((e, i) => {
    const r = i * refsPerEvent;
    refs[r] = ref(e.computer);
    refs[r + 1] = ref(e.channel);
    refs[r + 2] = ref(e.provider);
    refs[r + 3] = ref(e.keywords);
    refs[r + 4] = ref(e.activityId);
    refs[r + 5] = ref(e.userSid);
    refs[r + 6] = ref(e.message);
    const n = i * numbersPerEvent;
    numbers[n] = e.eventId;
    numbers[n + 1] = num(e.level);
    numbers[n + 2] = num(e.task);
    numbers[n + 3] = num(e.opcode);
    numbers[n + 4] = num(e.recordId);
    numbers[n + 5] = num(e.processId);
    numbers[n + 6] = num(e.threadId);
    times.push(e.time);
    let fields = 0;
    for (const key in e.data) {
      dataKeys.push(ref(key));
      dataValues.push(e.data[key] as string);
      fields++;
    }
    dataCounts[i] = fields;
  });
  return {
    count,
    table,
    refs,
    numbers,
    times,
    dataCounts,
    dataKeys: Int32Array.from(dataKeys),
    dataValues,
  };
}

/** Columns → LogEvents, equal (key order included) to the events they were made from. Pure. */
export function fromEventColumns(c: EventColumns): LogEvent[] {
  const events: LogEvent[] = [];
  const text = (at: number): string | null => (at < 0 ? null : (c.table[at] as string));
  const num = (value: number): number | null => (Number.isNaN(value) ? null : value);
  let d = 0;
  for (let i = 0; i < c.count; i++) {
    const r = i * refsPerEvent;
    const n = i * numbersPerEvent;
    const data: Record<string, string> = {};
    for (let k = c.dataCounts[i] as number; k > 0; k--, d++) {
      data[c.table[c.dataKeys[d] as number] as string] = c.dataValues[d] as string;
    }
    events.push({
      time: c.times[i] as string,
      computer: text(c.refs[r] as number) as string,
      channel: text(c.refs[r + 1] as number) as string,
      provider: text(c.refs[r + 2] as number) as string,
      eventId: c.numbers[n] as number,
      level: num(c.numbers[n + 1] as number),
      task: num(c.numbers[n + 2] as number),
      opcode: num(c.numbers[n + 3] as number),
      keywords: text(c.refs[r + 3] as number),
      recordId: num(c.numbers[n + 4] as number),
      processId: num(c.numbers[n + 5] as number),
      threadId: num(c.numbers[n + 6] as number),
      activityId: text(c.refs[r + 4] as number),
      userSid: text(c.refs[r + 5] as number),
      data,
      message: text(c.refs[r + 6] as number),
    });
  }
  return events;
}
