import { describe, expect, it } from 'vitest';
import type { RecordRole } from '../../src/catalog/types.js';
import { isoToMillis } from '../../src/model/time.js';
import type { TimedRecord } from '../../src/replay/replay-migrations.js';
import { deriveStateIntervals } from '../../src/replay/state-intervals.js';

let nextId = 1;
function timed(
  time: string,
  node: string,
  role: RecordRole,
  fields: TimedRecord['record']['fields'] = {},
): TimedRecord {
  const iso = `2019-11-07T${time}.0000000Z`;
  return {
    record: {
      table: 'events',
      id: nextId++,
      time: iso,
      node,
      role,
      category: 'csv',
      side: null,
      fields,
      label: role,
      text: '',
    },
    node,
    at: isoToMillis(iso),
    time: iso,
    vmKey: null,
  };
}

describe('infrastructure state intervals', () => {
  it('a CSV paused, then lost, then resumed: three states, the last open at its end', () => {
    const volume = { volume: 'Volume2' };
    const states = deriveStateIntervals([
      timed('14:27:30', 'HV01', 'csv-paused', volume),
      timed('14:27:42', 'HV01', 'csv-no-access', volume),
      timed('14:27:50', 'HV01', 'csv-no-access', volume),
      timed('14:37:00', 'HV01', 'csv-resumed', volume),
    ]);
    expect(
      states.map((s) => [
        s.kind,
        s.subject,
        s.state,
        s.startedAt?.slice(11, 19),
        s.endedAt?.slice(11, 19) ?? null,
        s.endOpen,
      ]),
    ).toEqual([
      ['csv', 'Volume2', 'paused', '14:27:30', '14:27:42', false],
      ['csv', 'Volume2', 'no-access', '14:27:42', '14:37:00', false],
      ['csv', 'Volume2', 'online', '14:37:00', null, true],
    ]);
    // The repeated 5142 extends the interval; its end cites the record that ended it.
    expect(states[1]!.endEvidence).toEqual({ table: 'events', id: states[2]!.startEvidence!.id });
  });

  it('a network seen only coming back up was down before the logs show it (open start)', () => {
    const states = deriveStateIntervals([
      timed('10:00:00', 'HV01', 'network-up', { network: 'LiveMigration' }),
    ]);
    expect(states[0]).toMatchObject({
      kind: 'network',
      state: 'down',
      startedAt: null,
      startOpen: true,
      endOpen: false,
    });
    expect(states[1]).toMatchObject({ state: 'up', endedAt: null, endOpen: true });
  });

  it('each node keeps its own series; nodes named by number are named by the node list', () => {
    const states = deriveStateIntervals(
      [
        timed('10:00:00', 'HV01', 'node-down', { nodeId: '3' }),
        timed('10:00:01', 'HV02', 'node-down', { node: 'hv03.contoso.local' }),
      ],
      { '3': 'HV03' },
    );
    expect(states.map((s) => [s.node, s.subject, s.state])).toEqual([
      ['HV01', 'HV03', 'down'],
      ['HV02', 'HV03', 'down'],
    ]);
  });
});
