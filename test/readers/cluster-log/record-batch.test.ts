import { describe, expect, it } from 'vitest';
import type { ClusterLogLine } from '../../../src/model/cluster-log-line.js';
import {
  decodeRecordBatch,
  RecordBatchEncoder,
} from '../../../src/readers/cluster-log/record-batch.js';

const base: ClusterLogLine = {
  time: '2024-03-12T08:00:00.0000000Z',
  rawTime: '2024/03/12-08:00:00.000',
  timeBasis: 'utc',
  offsetMinutes: 0,
  node: 'HV01',
  channel: null,
  pid: 0x1320,
  tid: 0x1700,
  level: 'INFO',
  component: 'RCM',
  message: 'move of group VM001',
  line: 11,
};

function roundTrip(lines: ClusterLogLine[], capacity: number): ClusterLogLine[] {
  const encoder = new RecordBatchEncoder(capacity);
  const out: ClusterLogLine[] = [];
  for (const line of lines) {
    encoder.add(line);
    if (encoder.full) decodeRecordBatch(structuredClone(encoder.take()), (l) => out.push(l));
  }
  if (encoder.size > 0) decodeRecordBatch(structuredClone(encoder.take()), (l) => out.push(l));
  return out;
}

describe('RecordBatch', () => {
  it('carries records across a structured clone unchanged: nulls, repeats, empty and odd text', () => {
    const lines: ClusterLogLine[] = [
      base,
      { ...base, line: 12 },
      {
        ...base,
        time: null,
        timeBasis: 'unknown',
        offsetMinutes: null,
        node: '',
        pid: null,
        tid: null,
        line: 13,
      },
      { ...base, time: '2024-03-12T10:00:00.0000000Z', offsetMinutes: -120, line: 18 },
      { ...base, channel: 'Verbose', level: null, component: null, message: '', line: 14 },
      { ...base, message: 'lone \ud800 surrogate, NUL \0, 𝄞 and\nnew line', line: 15 },
      { ...base, node: 'HV02', component: 'RCM', message: 'RCM', line: 16 },
      { ...base, pid: 0, tid: 0xffffffff, line: 17 },
    ];
    for (const capacity of [1, 2, 3, 100]) {
      expect(roundTrip(lines, capacity)).toEqual(lines);
    }
  });

  it('is full at its record count or once its text is long enough, whichever comes first', () => {
    const byCount = new RecordBatchEncoder(2, 1 << 20);
    byCount.add(base);
    expect(byCount.full).toBe(false);
    byCount.add(base);
    expect(byCount.full).toBe(true);
    const byText = new RecordBatchEncoder(4096, 1000);
    byText.add({ ...base, message: 'x'.repeat(999) });
    expect(byText.full).toBe(true);
    expect(byText.take().count).toBe(1);
    expect(byText.size).toBe(0);
  });
});
