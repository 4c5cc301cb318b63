import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-database.js';
import { SourceWriter } from '../../src/store/source-writer.js';
import { prefixBoundsMs, selectTimeline } from '../../src/store/timeline-query.js';
import { seededRandom } from '../support/seeded-random.js';

const stored = (ms: number) => `${new Date(ms).toISOString().slice(0, 23)}0000Z`;

describe('timeline bounds on the cluster log time index', () => {
  it('never cuts off a stored time the text bounds let through', () => {
    const random = seededRandom(20261126);
    const span = Date.UTC(2030, 0) - Date.UTC(1990, 0);
    const pick = () => Date.UTC(1990, 0) + Math.floor(random() * span);
    let bounded = 0;
    for (let i = 0; i < 20_000; i++) {
      const time = stored(pick());
      // Prefixes of a nearby time, cut anywhere, some with a character changed.
      let prefix = stored(pick()).slice(0, 1 + Math.floor(random() * 28));
      if (random() < 0.2) {
        const at = Math.floor(random() * prefix.length);
        prefix =
          prefix.slice(0, at) +
          String.fromCharCode(0x20 + Math.floor(random() * 90)) +
          prefix.slice(at + 1);
      }
      const bounds = prefixBoundsMs(prefix);
      if (bounds === null) continue;
      bounded++;
      const ms = Date.parse(time);
      if (time >= prefix) expect(ms, `${time} >= ${prefix}`).toBeGreaterThanOrEqual(bounds.first);
      if (time <= `${prefix}\uffff`)
        expect(ms, `${time} <= ${prefix}`).toBeLessThanOrEqual(bounds.last);
    }
    expect(bounded).toBeGreaterThan(10_000);
    expect(prefixBoundsMs('2011-04-15T10:15')).toEqual({
      first: Date.UTC(2011, 3, 15, 10, 15),
      last: Date.UTC(2011, 3, 15, 10, 16) - 1,
    });
    expect(prefixBoundsMs('2011-02-30')).toBeNull();
    expect(prefixBoundsMs('201')).toBeNull();
  });

  it('selects the cluster log lines of a node between two prefixes, as the text order says', () => {
    const db = openStore(':memory:');
    for (const node of ['HV01', 'HV02']) {
      const writer = SourceWriter.begin(db, {
        path: `${node}_cluster.log`,
        kind: 'cluster-log',
        sha256: node,
        bytes: 1,
      });
      for (let minute = 0; minute < 30; minute++) {
        const raw = `2011/04/15-10:${String(minute).padStart(2, '0')}:30.250`;
        writer.clusterLogLine({
          time: `2011-04-15T08:${String(minute).padStart(2, '0')}:30.2500000Z`,
          rawTime: raw,
          timeBasis: 'local',
          offsetMinutes: 120,
          node,
          channel: null,
          pid: 1,
          tid: 2,
          level: 'INFO',
          component: 'RCM',
          message: `minute ${minute}`,
          line: minute + 1,
        });
      }
      writer.commit();
    }
    const rows = selectTimeline(db, {
      node: 'hv02',
      from: '2011-04-15T08:05',
      to: '2011-04-15T08:07',
      limit: 60,
    });
    expect(rows.map((r) => [r.time, r.node, r.text])).toEqual([
      ['2011-04-15T08:05:30.2500000Z', 'HV02', 'minute 5'],
      ['2011-04-15T08:06:30.2500000Z', 'HV02', 'minute 6'],
      ['2011-04-15T08:07:30.2500000Z', 'HV02', 'minute 7'],
    ]);
    expect(rows.map((r) => r.ref)).toEqual(['cluster_log:36', 'cluster_log:37', 'cluster_log:38']);
  });
});
