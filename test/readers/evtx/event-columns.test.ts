import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../../src/model/log-event.js';
import {
  fromEventColumns,
  toEventColumns,
} from '../../../src/readers/evtx/threads/event-columns.js';
import { sampleEvent } from './support/sample-event.js';

/** LogEvents cross threads by column; the trip must give back equal events, key order included. */
describe('event columns', () => {
  const base = sampleEvent;

  it('round-trips events with nulls, empty data, empty strings and big numbers', () => {
    const events: LogEvent[] = [
      base,
      {
        ...base,
        level: null,
        activityId: '{0A0B0C0D-0102-0304-0506-0708090A0B0C}',
        data: {},
        message: 'moved',
      },
      { ...base, computer: 'HV02', data: { z: '1', a: '2', VmName: 'SQL01' }, keywords: null },
    ];
    const columns = structuredClone(toEventColumns(events));
    const back = fromEventColumns(columns);
    expect(back.map((e) => JSON.stringify(e))).toEqual(events.map((e) => JSON.stringify(e)));
    // Eight strings per event and the six data values; each distinct key travels once.
    expect(columns.lengths).toHaveLength(3 * 8 + 6);
    expect(columns.keys).toEqual(['VmName', 'param2', 'Nic@Index', 'z', 'a']);
    expect([...columns.keyIds]).toEqual([0, 1, 2, 3, 4, 0]);
  });

  it('round-trips a batch whose strings fill several texts, one string longer than a text', () => {
    const events: LogEvent[] = Array.from({ length: 400 }, (_, i) => ({
      ...base,
      recordId: i,
      data: { Script: 'x'.repeat(i * 7), Index: String(i) },
      message: i === 200 ? 'm'.repeat(40_000) : `event ${i}`,
    }));
    const columns = structuredClone(toEventColumns(events));
    expect(columns.texts.length).toBeGreaterThan(3);
    expect(fromEventColumns(columns)).toEqual(events);
  });

  it('handles an empty batch', () => {
    expect(fromEventColumns(toEventColumns([]))).toEqual([]);
  });
});
