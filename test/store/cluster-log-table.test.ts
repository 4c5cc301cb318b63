import { describe, expect, it } from 'vitest';
import { configColumns } from '../../src/model/config-columns.js';
import type { ClusterLogLine } from '../../src/model/cluster-log-line.js';
import { openStore } from '../../src/store/open-database.js';
import { SourceWriter } from '../../src/store/source-writer.js';

const line: ClusterLogLine = {
  time: '2011-08-05T13:47:42.4650000Z',
  rawTime: '2011/08/05-15:47:42.465',
  timeBasis: 'local',
  node: 'HV01',
  channel: null,
  pid: 0x11d0,
  tid: 0xf80,
  level: 'INFO',
  component: 'RCM',
  message: 'rcm::RcmApi::MoveGroup: (ag, 2)',
  line: 7,
};

describe('cluster log and configuration tables', () => {
  it('has exactly the configuration columns the readers fill', () => {
    const db = openStore(':memory:');
    for (const [table, columns] of Object.entries(configColumns)) {
      const stored = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(
        (c) => c.name,
      );
      expect(stored).toEqual(['id', 'source_id', 'node', ...Object.keys(columns)]);
    }
  });

  it('stores cluster log records and configuration rows with their source and node', () => {
    const db = openStore(':memory:');
    const meta = { path: 'HV01_cluster.log', kind: 'cluster-log', sha256: 'x', bytes: 1 };
    const writer = SourceWriter.begin(db, meta);
    writer.clusterLogLine(line);
    writer.clusterLogLine({ ...line, line: 8, time: null, timeBasis: 'unknown' });
    writer.configRow({
      table: 'cluster_networks',
      node: null,
      values: { name: 'LM', metric: 1100, auto_metric: 0 },
    });
    writer.configRow({
      table: 'processors',
      node: 'HV01',
      values: { manufacturer: 'GenuineIntel' },
    });
    const totals = writer.commit();
    expect(totals).toMatchObject({ records: 4, warnings: 0, node: 'HV01' });
    expect(db.prepare('SELECT * FROM cluster_log ORDER BY line').all()).toEqual([
      {
        id: 1,
        source_id: totals.sourceId,
        node: 'HV01',
        time: '2011-08-05T13:47:42.4650000Z',
        raw_time: '2011/08/05-15:47:42.465',
        time_basis: 'local',
        channel: null,
        pid: 0x11d0,
        tid: 0xf80,
        level: 'INFO',
        component: 'RCM',
        message: 'rcm::RcmApi::MoveGroup: (ag, 2)',
        line: 7,
      },
      expect.objectContaining({ line: 8, time: null, time_basis: 'unknown' }),
    ]);
    expect(
      db.prepare('SELECT node, name, metric, auto_metric, role FROM cluster_networks').all(),
    ).toEqual([{ node: null, name: 'LM', metric: 1100, auto_metric: 0, role: null }]);
    expect(db.prepare('SELECT source_id, node, manufacturer FROM processors').all()).toEqual([
      { source_id: totals.sourceId, node: 'HV01', manufacturer: 'GenuineIntel' },
    ]);
  });

  it('writes every record when they span several insert batches', () => {
    const db = openStore(':memory:');
    const meta = { path: 'HV01_cluster.log', kind: 'cluster-log', sha256: 'y', bytes: 1 };
    const writer = SourceWriter.begin(db, meta);
    for (let i = 1; i <= 130; i++) writer.clusterLogLine({ ...line, line: i });
    expect(writer.commit().records).toBe(130);
    const lines = (
      db.prepare('SELECT line FROM cluster_log ORDER BY id').all() as { line: number }[]
    ).map((r) => r.line);
    expect(lines).toEqual(Array.from({ length: 130 }, (_, i) => i + 1));
  });
});
