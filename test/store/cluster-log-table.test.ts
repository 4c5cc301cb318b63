import { describe, expect, it } from 'vitest';
import { configColumns } from '../../src/model/config-columns.js';
import type { ClusterLogLine } from '../../src/model/cluster-log-line.js';
import { openStore } from '../../src/store/open-database.js';
import { SourceWriter } from '../../src/store/source-writer.js';

const line: ClusterLogLine = {
  time: '2011-08-05T13:47:42.4650000Z',
  rawTime: '2011/08/05-15:47:42.465',
  timeBasis: 'local',
  offsetMinutes: 120,
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
    const writer = SourceWriter.begin(db, meta('x'));
    writer.clusterLogLine(line);
    writer.clusterLogLine({ ...line, line: 8, message: 'second' });
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
      expect.objectContaining({ id: 2, line: 8, message: 'second' }),
    ]);
    expect(
      db.prepare('SELECT node, name, metric, auto_metric, role FROM cluster_networks').all(),
    ).toEqual([{ node: null, name: 'LM', metric: 1100, auto_metric: 0, role: null }]);
    expect(db.prepare('SELECT source_id, node, manufacturer FROM processors').all()).toEqual([
      { source_id: totals.sourceId, node: 'HV01', manufacturer: 'GenuineIntel' },
    ]);
  });

  it('stores a file whose offset is not known with a NULL time and its text as written', () => {
    const db = openStore(':memory:');
    const writer = SourceWriter.begin(db, meta('u'));
    writer.clusterLogLine({ ...line, time: null, timeBasis: 'unknown', offsetMinutes: null });
    writer.commit();
    expect(db.prepare('SELECT time, raw_time, time_basis FROM cluster_log').all()).toEqual([
      { time: null, raw_time: '2011/08/05-15:47:42.465', time_basis: 'unknown' },
    ]);
  });

  it('writes every record when they span several insert batches', () => {
    const db = openStore(':memory:');
    const writer = SourceWriter.begin(db, meta('y'));
    for (let i = 1; i <= 130; i++) writer.clusterLogLine({ ...line, line: i });
    expect(writer.commit().records).toBe(130);
    const lines = (
      db.prepare('SELECT line FROM cluster_log ORDER BY id').all() as { line: number }[]
    ).map((r) => r.line);
    expect(lines).toEqual(Array.from({ length: 130 }, (_, i) => i + 1));
    expect(db.prepare('SELECT first_id, last_id FROM cluster_log_sources').get()).toEqual({
      first_id: 1,
      last_id: 130,
    });
  });

  it('gives back written times the stored time cannot (second 60, February 29) in order', () => {
    const db = openStore(':memory:');
    const writer = SourceWriter.begin(db, meta('r'));
    const written = [
      ['2011/08/05-15:47:42.465', '2011-08-05T13:47:42.4650000Z'],
      ['2016/12/31-23:59:60.500', '2016-12-31T22:00:00.5000000Z'],
      ['2023/02/29-01:00:00.000', '2023-02-28T23:00:00.0000000Z'],
      ['2024/02/29-01:00:00.000', '2024-02-28T23:00:00.0000000Z'],
      ['0050/01/01-02:00:00.001', '0050-01-01T00:00:00.0010000Z'],
      ['9999/12/31-23:59:59.999', '9999-12-31T21:59:59.9990000Z'],
    ];
    // 70 lines per text: full batches and single rows on both sides of each kept text.
    let number = 0;
    for (const [rawTime] of written) {
      for (let i = 0; i < 70; i++)
        writer.clusterLogLine({ ...line, rawTime: rawTime!, line: ++number });
    }
    writer.commit();
    const rows = db.prepare('SELECT raw_time, time, line FROM cluster_log ORDER BY id').all();
    expect(rows).toEqual(
      written.flatMap(([rawTime, time], k) =>
        Array.from({ length: 70 }, (_, i) => ({ raw_time: rawTime, time, line: k * 70 + i + 1 })),
      ),
    );
    // Only the texts a time cannot give back are stored as text.
    expect(
      db
        .prepare('SELECT DISTINCT raw_time FROM cluster_log_lines WHERE raw_time IS NOT NULL')
        .pluck()
        .all(),
    ).toEqual(['2016/12/31-23:59:60.500', '2023/02/29-01:00:00.000']);
  });

  it('stores any node text exactly as binding it does, one file per node', () => {
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
    const nodes = ["O'Brien", 'HV\u00002', 'lone\ud800', '', 'HV01', 'Ünïcødé 𝄞', 'N'.repeat(300)];
    const expected: { node: unknown; hex: unknown; time_basis: string; line: number }[] = [];
    let number = 0;
    for (const [k, node] of nodes.entries()) {
      const { text, hex } = node === '' ? { text: null, hex: '' } : bound(node);
      const timeBasis = k % 2 === 0 ? 'utc' : 'unknown';
      const writer = SourceWriter.begin(db, meta(`n${k}`));
      for (let i = 0; i < 70; i++) {
        number++;
        writer.clusterLogLine({ ...line, node, timeBasis, line: number });
        expected.push({ node: text, hex, time_basis: timeBasis, line: number });
      }
      writer.commit();
    }
    expect(
      db
        .prepare('SELECT node, hex(node) AS hex, time_basis, line FROM cluster_log ORDER BY id')
        .all(),
    ).toEqual(expected);
  });

  it('refuses records of one file that differ in node, basis or offset', () => {
    for (const change of [{ node: 'HV02' }, { timeBasis: 'utc' as const }, { offsetMinutes: 60 }]) {
      const db = openStore(':memory:');
      const writer = SourceWriter.begin(db, meta('d'));
      writer.clusterLogLine(line);
      expect(() => writer.clusterLogLine({ ...line, ...change, line: 8 })).toThrow(
        /differ in node, time basis or offset \(line 8\)/,
      );
      writer.rollback();
    }
  });

  it("deletes a file's lines with its source, and only them", () => {
    const db = openStore(':memory:');
    const ids: number[] = [];
    for (const sha of ['a', 'b', 'c']) {
      const writer = SourceWriter.begin(db, meta(sha));
      for (let i = 1; i <= 100; i++) writer.clusterLogLine({ ...line, line: i });
      ids.push(writer.commit().sourceId);
    }
    db.prepare('DELETE FROM sources WHERE id = ?').run(ids[1]);
    expect(
      db.prepare('SELECT source_id, COUNT(*) AS n FROM cluster_log_lines GROUP BY 1').all(),
    ).toEqual([
      { source_id: ids[0], n: 100 },
      { source_id: ids[2], n: 100 },
    ]);
    expect(db.prepare('SELECT source_id FROM cluster_log_sources').pluck().all()).toEqual([
      ids[0],
      ids[2],
    ]);
  });
});

function meta(sha256: string) {
  return { path: `${sha256}_cluster.log`, kind: 'cluster-log', sha256, bytes: 1 };
}
