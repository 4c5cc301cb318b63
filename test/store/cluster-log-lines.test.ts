import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { resolveClusterLogTimes } from '../../src/case/settle-cluster-log-times.js';
import type { ClusterLogLine } from '../../src/model/cluster-log-line.js';
import { readClusterLog } from '../../src/readers/cluster-log/cluster-log-reader.js';
import { applyClusterLogOffset } from '../../src/store/cluster-log-files.js';
import { openStore, type Store } from '../../src/store/open-database.js';
import {
  applySchemaMigrations,
  latestSchemaVersion,
  schemaMigrations,
} from '../../src/store/schema-migrations.js';
import { SourceWriter } from '../../src/store/source-writer.js';
import { CollectSink } from '../support/collect-sink.js';
import { repoRoot, runCli } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';

/** A `cluster_log` row as the table of schema steps 002–005 held it. */
interface OldRow {
  id: number;
  source_id: number;
  node: string | null;
  time: string | null;
  raw_time: string;
  time_basis: string;
  channel: string | null;
  pid: number | null;
  tid: number | null;
  level: string | null;
  component: string | null;
  message: string;
  line: number;
}

const sampleLogs = join(repoRoot, 'sample-logs');

function sampleClusterLogs(): string[] {
  return readdirSync(sampleLogs, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('_cluster.log'))
    .sort()
    .map((name) => join(sampleLogs, name));
}

async function readRecords(path: string): Promise<ClusterLogLine[]> {
  const sink = new CollectSink();
  const file = { path, displayPath: relative(sampleLogs, path), size: statSync(path).size };
  await readClusterLog(file, sink);
  return sink.lines;
}

/** What the old inserter stored for a record: its fields as they are. */
function oldRow(line: ClusterLogLine, id: number, sourceId: number): OldRow {
  return {
    id,
    source_id: sourceId,
    node: line.node === '' ? null : line.node,
    time: line.time,
    raw_time: line.rawTime,
    time_basis: line.timeBasis,
    channel: line.channel,
    pid: line.pid,
    tid: line.tid,
    level: line.level,
    component: line.component,
    message: line.message,
    line: line.line,
  };
}

/** A database as lmdoctor left it at schema step 005. */
function databaseAtStep5(path = ':memory:'): Database.Database {
  const db = new Database(path);
  db.exec(`CREATE TABLE schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  for (const step of schemaMigrations.filter((m) => m.version <= 5)) {
    db.exec(step.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(step.version, step.name, '');
  }
  return db;
}

function storeOld(db: Database.Database, sha: string, rows: Omit<OldRow, 'id' | 'source_id'>[]) {
  const sourceId = Number(
    db
      .prepare(
        "INSERT INTO sources (path, kind, sha256, bytes, ingested_at) VALUES (?, 'cluster-log', ?, 1, '')",
      )
      .run(`${sha}_cluster.log`, sha).lastInsertRowid,
  );
  const insert = db.prepare(
    `INSERT INTO cluster_log (source_id, node, time, raw_time, time_basis, channel, pid, tid,
       level, component, message, line)
     VALUES (@source_id, @node, @time, @raw_time, @time_basis, @channel, @pid, @tid, @level,
       @component, @message, @line)`,
  );
  for (const row of rows) insert.run({ ...row, source_id: sourceId });
  return sourceId;
}

const viewRows = (db: Database.Database | Store) =>
  db.prepare('SELECT * FROM cluster_log ORDER BY id').all() as OldRow[];

const odd: Omit<OldRow, 'id' | 'source_id'> = {
  node: 'HV01',
  time: '2016-12-31T22:00:00.5000000Z',
  raw_time: '2016/12/31-23:59:60.500',
  time_basis: 'local',
  channel: 'Verbose',
  pid: 0x11d0,
  tid: 0xf80,
  level: 'INFO',
  component: null,
  message: 'second 60',
  line: 1,
};

describe('cluster_log over cluster_log_lines (schema step 006)', () => {
  const tempDir = useTempDir();

  it('gives the rows the old table held for every sample log, read and stored today', async () => {
    const logs = sampleClusterLogs();
    expect(logs.length).toBeGreaterThan(30);
    const db = openStore(':memory:');
    const expected: OldRow[] = [];
    for (const path of logs) {
      const records = await readRecords(path);
      const writer = SourceWriter.begin(db, {
        path,
        kind: 'cluster-log',
        sha256: path,
        bytes: 1,
      });
      const first =
        (db.prepare('SELECT COALESCE(MAX(id), 0) FROM cluster_log_lines').pluck().get() as number) +
        1;
      for (const line of records) writer.clusterLogLine(line);
      const { sourceId } = writer.commit();
      records.forEach((line, i) => expected.push(oldRow(line, first + i, sourceId)));
    }
    expect(viewRows(db)).toEqual(expected);
    // Some files state their basis, others leave their times unresolved for now.
    expect(expected.some((r) => r.time === null)).toBe(true);
    expect(expected.some((r) => r.time !== null)).toBe(true);
  });

  it('moves the rows of a database at step 005: the view gives back exactly what the table held', async () => {
    const db = databaseAtStep5();
    const logs = sampleClusterLogs();
    let id = 0;
    for (const [k, path] of logs.entries()) {
      const records = await readRecords(path);
      storeOld(
        db,
        `s${k}`,
        records.map((line) => {
          const { id: _id, source_id: _source, ...row } = oldRow(line, ++id, 0);
          return row;
        }),
      );
    }
    // A file the old resolution shifted (-05:00), one still unresolved, odd written times, a
    // file without a node and one the old code wrote with a node of another file's case.
    const shifted = storeOld(db, 'shifted', [
      { ...odd, time: '2020-08-06T06:17:54.9430000Z', raw_time: '2020/08/06-01:17:54.943' },
      {
        ...odd,
        time: '2021-01-01T05:00:00.0000000Z',
        raw_time: '2020/12/31-23:59:60.000',
        line: 2,
      },
      {
        ...odd,
        time: '2023-03-01T05:00:00.0000000Z',
        raw_time: '2023/02/29-00:00:00.000',
        line: 3,
      },
    ]);
    storeOld(db, 'unresolved', [
      { ...odd, time: null, time_basis: 'unknown' },
      { ...odd, time: null, time_basis: 'unknown', raw_time: '2023/02/29-23:59:59.999', line: 2 },
    ]);
    storeOld(db, 'nonode', [{ ...odd, node: null, channel: null, pid: null, tid: null }]);
    storeOld(db, 'ancient', [
      { ...odd, time: '0050-01-01T00:00:00.0010000Z', raw_time: '0050/01/01-00:00:00.001' },
    ]);
    db.prepare(
      "INSERT INTO cluster_log_files VALUES (?, 'HV01', 'local', -300, 'inferred', 'low', 'x')",
    ).run(shifted);
    const before = viewRows(db);
    expect(before.length).toBeGreaterThan(1000);

    expect(applySchemaMigrations(db)).toEqual(
      schemaMigrations.filter((m) => m.version >= 6).map((m) => m.version),
    );
    expect(viewRows(db)).toEqual(before);
    expect(
      db.prepare("SELECT type FROM sqlite_master WHERE name = 'cluster_log'").pluck().get(),
    ).toBe('view');
    // Only the written times the stored time cannot give back are kept as text.
    expect(
      db
        .prepare('SELECT raw_time FROM cluster_log_lines WHERE raw_time IS NOT NULL ORDER BY id')
        .pluck()
        .all(),
    ).toEqual([
      '2020/12/31-23:59:60.000',
      '2023/02/29-00:00:00.000',
      '2016/12/31-23:59:60.500',
      '2023/02/29-23:59:59.999',
      '2016/12/31-23:59:60.500',
    ]);
    expect(
      db
        .prepare(
          'SELECT offset_minutes, first_id, last_id FROM cluster_log_sources WHERE source_id = ?',
        )
        .get(shifted),
    ).toEqual({ offset_minutes: -300, first_id: id + 1, last_id: id + 3 });

    // The moved database takes new files after the old ids, and re-resolves moved ones.
    const writer = SourceWriter.begin(db, {
      path: 'n',
      kind: 'cluster-log',
      sha256: 'n',
      bytes: 1,
    });
    const [line] = await readRecords(sampleClusterLogs()[0] ?? '');
    writer.clusterLogLine(line!);
    writer.commit();
    expect(viewRows(db).at(-1)).toMatchObject({ id: before.length + 1, raw_time: line!.rawTime });
    applyClusterLogOffset(db, shifted, 60, 'local');
    expect(
      db
        .prepare('SELECT time, raw_time FROM cluster_log WHERE source_id = ? ORDER BY id')
        .all(shifted),
    ).toEqual([
      { time: '2020-08-06T00:17:54.9430000Z', raw_time: '2020/08/06-01:17:54.943' },
      { time: '2020-12-31T23:00:00.0000000Z', raw_time: '2020/12/31-23:59:60.000' },
      { time: '2023-02-28T23:00:00.0000000Z', raw_time: '2023/02/29-00:00:00.000' },
    ]);
  });

  it('re-resolves a file’s basis: every time moves to the new offset, the written text stays', async () => {
    // A sample log's records, stored as a file that does not say its basis.
    const path = sampleClusterLogs()[0]!;
    const db = openStore(':memory:');
    const lines = (await readRecords(path)).map((l) => ({
      ...l,
      time: null,
      timeBasis: 'unknown' as const,
      offsetMinutes: null,
    }));
    lines.push({ ...lines[0]!, rawTime: '2016/12/31-23:59:60.500', line: 1_000_000 });
    const writer = SourceWriter.begin(db, {
      path: 'HV01_cluster.log',
      kind: 'cluster-log',
      sha256: 'r',
      bytes: 1,
    });
    for (const line of lines) writer.clusterLogLine(line);
    const { sourceId } = writer.commit();
    const written = lines.map((l) => l.rawTime);
    const expectAt = (offset: number | null, basis: string) => {
      const rows = db
        .prepare('SELECT time, raw_time, time_basis FROM cluster_log ORDER BY id')
        .all() as { time: string | null; raw_time: string; time_basis: string }[];
      expect(rows.map((r) => r.raw_time)).toEqual(written);
      expect(rows.every((r) => r.time_basis === basis)).toBe(true);
      expect(rows.map((r) => r.time)).toEqual(
        written.map((raw) =>
          offset === null
            ? null
            : `${new Date(
                Date.parse(`${raw.slice(0, 10).replaceAll('/', '-')}T${raw.slice(11, 17)}00.000Z`) +
                  Number(raw.slice(17, 19)) * 1000 +
                  Number(raw.slice(20, 23)) -
                  offset * 60_000,
              )
                .toISOString()
                .slice(0, 23)}0000Z`,
        ),
      );
    };
    expectAt(null, 'unknown');
    expect(resolveClusterLogTimes(db, undefined)[0]).toMatchObject({ basis_origin: 'assumed' });
    expectAt(0, 'unknown');
    for (const offset of [-300, 570, 0, -720]) {
      applyClusterLogOffset(db, sourceId, offset, 'local');
      expectAt(offset, 'local');
    }
  });

  it('moves a step-005 database that a reading command opens first (timeline)', () => {
    const path = join(tempDir(), 'old.db');
    const db = databaseAtStep5(path);
    const sourceId = storeOld(db, 'HV01', [
      { ...odd, raw_time: '2011/08/05-15:47:42.465', time: '2011-08-05T13:47:42.4650000Z' },
    ]);
    db.prepare("UPDATE sources SET records = 1, node = 'HV01' WHERE id = ?").run(sourceId);
    db.prepare(
      "INSERT INTO cluster_log_files VALUES (?, 'HV01', 'local', 120, 'header', NULL, 'x')",
    ).run(sourceId);
    // What lmdoctor at step 005 recorded after its replay: its fingerprint had no version.
    db.prepare("INSERT INTO replay_state VALUES (1, ?, '')").run(
      `1/${sourceId}/1/${sourceId}:local:120`,
    );
    db.close();
    const run = runCli(['timeline', '--db', path, '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({
        time: '2011-08-05T13:47:42.4650000Z',
        node: 'HV01',
        ref: 'cluster_log:1',
      }),
    ]);
    const moved = new Database(path, { readonly: true });
    expect(moved.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(
      latestSchemaVersion,
    );
    moved.close();
  });
});
