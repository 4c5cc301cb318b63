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

  it('stores node and basis as given when they change within a file or are not plain text', () => {
    // What binding a value stores (a lone surrogate is not valid UTF-16 text): the reference.
    const reference = openStore(':memory:');
    reference.exec('CREATE TABLE t (v TEXT)');
    const insert = reference.prepare('INSERT INTO t VALUES (?)');
    const bound = (value: string): { text: unknown; hex: unknown } => {
      const rowid = insert.run(value).lastInsertRowid;
      return reference
        .prepare('SELECT v AS text, hex(v) AS hex FROM t WHERE rowid = ?')
        .get(rowid) as {
        text: unknown;
        hex: unknown;
      };
    };
    const db = openStore(':memory:');
    const meta = { path: 'x_cluster.log', kind: 'cluster-log', sha256: 'z', bytes: 1 };
    const writer = SourceWriter.begin(db, meta);
    const nodes = ["O'Brien", 'HV\u00002', 'lone\ud800', '', 'HV01', 'Ünïcødé 𝄞', 'N'.repeat(300)];
    const expected: { node: unknown; hex: unknown; time_basis: string; line: number }[] = [];
    let number = 0;
    for (const node of nodes) {
      const { text, hex } = node === '' ? { text: null, hex: '' } : bound(node);
      for (const timeBasis of ['utc', 'unknown'] as const) {
        // 70 records: one full batch of 64 and some left for the single-row statement.
        for (let i = 0; i < 70; i++) {
          number++;
          writer.clusterLogLine({ ...line, node, timeBasis, line: number });
          expected.push({ node: text, hex, time_basis: timeBasis, line: number });
        }
      }
    }
    writer.commit();
    expect(
      db
        .prepare('SELECT node, hex(node) AS hex, time_basis, line FROM cluster_log ORDER BY id')
        .all(),
    ).toEqual(expected);
    expect(db.prepare('SELECT COUNT(DISTINCT source_id) FROM cluster_log').pluck().get()).toBe(1);
  });
});
