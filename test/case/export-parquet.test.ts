import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTables } from '../../src/store/export-tables.js';
import { duckRows, openDuckDb, runScript } from '../support/duckdb.js';
import { repoRoot } from '../support/run-cli.js';
import { exportEverySample, type ExportedSample } from '../support/sample-case-exports.js';
import { expectedFleetAnswers, normalizeFleetRows } from './fleet-expected.js';

const fleetDir = join(repoRoot, 'queries', 'fleet');

let folder = '';
let cases: ExportedSample[] = [];
let duck: DuckDBConnection;

beforeAll(async () => {
  ({ folder, cases } = await exportEverySample('parquet'));
  duck = await openDuckDb(folder);
  await runScript(duck, readFileSync(join(fleetDir, 'setup', 'duckdb.sql'), 'utf8'));
});

afterAll(() => {
  for (const c of cases) c.db.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const sqliteCount = (c: ExportedSample, table: string) =>
  c.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

describe('Parquet export of every sample case, read back by DuckDB', () => {
  it('exports every sample, each under its own case id', () => {
    expect(cases.length).toBeGreaterThan(10);
    expect(new Set(cases.map((c) => c.report.identity.caseId)).size).toBe(cases.length);
  });

  it('has as many rows in every dataset of every case as the SQLite case', async () => {
    for (const table of exportTables) {
      const exported = cases.filter((c) => c.report.datasets.some((d) => d.name === table.name));
      if (exported.length === 0) continue;
      const counts = await duckRows(
        duck,
        `SELECT case_id, COUNT(*) AS n FROM read_parquet('${table.name}/**/*.parquet', hive_partitioning = true, union_by_name = true) GROUP BY case_id`,
      );
      const byCase = new Map(counts.map((r) => [r.case_id, Number(r.n)]));
      for (const c of exported) {
        const expected = sqliteCount(c, table.table);
        expect(byCase.get(c.report.identity.caseId) ?? 0, `${c.scenario} ${table.name}`).toBe(
          expected,
        );
      }
    }
  });

  it('has the migrations of the SQLite cases, with typed UTC times', async () => {
    const exported = await duckRows(
      duck,
      `SELECT case_id, id, vm, kind, source_node, destination_node, outcome, error_code, duration_s,
         strftime(started_at, '%Y-%m-%dT%H:%M:%S.%f') AS started, typeof(started_at) AS started_type
       FROM migrations`,
    );
    expect(new Set(exported.map((r) => r.started_type))).toEqual(
      new Set(['TIMESTAMP WITH TIME ZONE']),
    );
    const expected = cases.flatMap((c) =>
      (
        c.db
          .prepare(
            `SELECT id, vm, kind, source_node, destination_node, outcome, error_code, duration_s, started_at
             FROM migrations`,
          )
          .all() as Record<string, unknown>[]
      ).map((m) => ({
        case_id: c.report.identity.caseId,
        id: String(m.id),
        vm: m.vm,
        kind: m.kind,
        source_node: m.source_node,
        destination_node: m.destination_node,
        outcome: m.outcome,
        error_code: m.error_code,
        duration_s: m.duration_s,
        // Microseconds: the seventh digit of the stored time is dropped.
        started: typeof m.started_at === 'string' ? m.started_at.slice(0, 26) : null,
      })),
    );
    const actual = exported.map(({ started_type: _, ...rest }) => rest);
    const key = (r: Record<string, unknown>) => `${String(r.case_id)}/${String(r.id)}`;
    expect(actual.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      expected.sort((a, b) => key(a).localeCompare(key(b))),
    );
    expect(expected.some((m) => m.outcome === 'failed')).toBe(true);
  });

  it('has the findings of the SQLite cases', async () => {
    const exported = await duckRows(
      duck,
      'SELECT case_id, id, migration_id, scope, cause, verdict, summary FROM findings',
    );
    const expected = cases.flatMap((c) =>
      (
        c.db
          .prepare('SELECT id, migration_id, scope, cause, verdict, summary FROM findings')
          .all() as Record<string, unknown>[]
      ).map((f) => ({
        case_id: c.report.identity.caseId,
        id: String(f.id),
        migration_id: f.migration_id === null ? null : String(f.migration_id),
        scope: f.scope,
        cause: f.cause,
        verdict: f.verdict,
        summary: f.summary,
      })),
    );
    const key = (r: Record<string, unknown>) => `${String(r.case_id)}/${String(r.id)}`;
    expect(expected.length).toBeGreaterThan(0);
    expect(exported.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      expected.sort((a, b) => key(a).localeCompare(key(b))),
    );
  });

  it('puts the cluster name on every row and partitions events by node and UTC day', async () => {
    const rows = await duckRows(
      duck,
      `SELECT case_id, cluster, COUNT(*) AS n,
         SUM(CASE WHEN node = hive_node AND CAST(day AS VARCHAR) = strftime(time, '%Y-%m-%d') THEN 1 ELSE 0 END) AS placed
       FROM (SELECT *, regexp_extract(filename, 'node=([^/]*)', 1) AS hive_node
             FROM read_parquet('events/**/*.parquet', hive_partitioning = true, filename = true))
       GROUP BY case_id, cluster`,
    );
    for (const r of rows) expect(r.placed).toBe(r.n);
    for (const c of cases) {
      const cluster = c.db
        .prepare(
          `SELECT cluster FROM (SELECT cluster FROM cluster_nodes UNION ALL SELECT cluster FROM cluster_networks)
           WHERE cluster IS NOT NULL GROUP BY cluster ORDER BY COUNT(*) DESC, cluster LIMIT 1`,
        )
        .pluck()
        .get() as string | undefined;
      const row = rows.find((r) => r.case_id === c.report.identity.caseId);
      if (sqliteCount(c, 'events') > 0) expect(row?.cluster ?? null).toBe(cluster ?? null);
    }
  });
});

describe('fleet queries over every sample case (DuckDB)', () => {
  const files = readdirSync(fleetDir).filter((f) => f.endsWith('.sql'));

  it('has a query for each question of the fleet set, each with a description', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'failures-by-cause.sql',
        'restart-to-failure.sql',
        'slowest-node-pairs.sql',
      ]),
    );
    for (const f of files) expect(readFileSync(join(fleetDir, f), 'utf8')).toMatch(/^-- \S/);
  });

  for (const file of readdirSync(fleetDir).filter((f) => f.endsWith('.sql'))) {
    it(`${file} gives the answer computed from the SQLite cases`, async () => {
      const sql = readFileSync(join(fleetDir, file), 'utf8');
      const actual = normalizeFleetRows(file, await duckRows(duck, sql));
      const expected = expectedFleetAnswers(file, cases);
      // The samples are chosen so that every question has an answer to check.
      expect(expected.length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    });
  }
});
