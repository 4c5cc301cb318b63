import { classifyEvent } from '../../src/replay/classify-record.js';
import type { ExportedSample } from '../support/sample-case-exports.js';

/**
 * The answers of queries/fleet/*.sql worked out from the SQLite cases directly (SQLite and
 * JavaScript, not the export), and the engine's rows put in the same shape: sorted, numbers
 * rounded to 6 digits, months as `YYYY-MM`.
 */
type Row = Record<string, string | number | null>;

const round = (n: number) => Math.round(n * 1e6) / 1e6;

function sorted(rows: Row[]): Row[] {
  return rows
    .map((r) => JSON.stringify(r))
    .sort()
    .map((r) => JSON.parse(r) as Row);
}

function clusterOf(c: ExportedSample): string | null {
  const name = c.db
    .prepare(
      `SELECT cluster FROM (SELECT cluster FROM cluster_nodes UNION ALL SELECT cluster FROM cluster_networks)
       WHERE cluster IS NOT NULL AND cluster <> '' GROUP BY cluster ORDER BY COUNT(*) DESC, cluster LIMIT 1`,
    )
    .pluck()
    .get() as string | undefined;
  return name ?? null;
}

interface MigrationRow {
  id: number;
  vm: string;
  source_node: string | null;
  destination_node: string | null;
  started_at: string | null;
  requested_at: string | null;
  ended_at: string | null;
  duration_s: number | null;
  blackout_s: number | null;
  outcome: string;
  error_code: string | null;
  facts: string;
  cause: string | null;
}

function migrationsOf(c: ExportedSample): MigrationRow[] {
  return c.db
    .prepare(
      `SELECT m.*, (SELECT f.cause FROM findings AS f WHERE f.migration_id = m.id AND f.scope = 'migration') AS cause
       FROM migrations AS m`,
    )
    .all() as MigrationRow[];
}

/** Adds `n` to the group of `key` (a JSON array of the group's values). */
function countInto(groups: Map<string, number>, key: unknown[], n = 1): void {
  const k = JSON.stringify(key);
  groups.set(k, (groups.get(k) ?? 0) + n);
}

const expected: Record<string, (cases: ExportedSample[]) => Row[]> = {
  'failures-by-cause.sql': (cases) => {
    const groups = new Map<string, number>();
    for (const c of cases)
      for (const m of migrationsOf(c).filter((m) => m.outcome === 'failed'))
        countInto(groups, [
          clusterOf(c),
          (m.started_at ?? m.requested_at ?? m.ended_at)?.slice(0, 7) ?? null,
          m.cause ?? 'undiagnosed',
        ]);
    return [...groups].map(([k, failures]) => {
      const [cluster, month, cause] = JSON.parse(k) as [string | null, string | null, string];
      return { cluster, month, cause, failures };
    });
  },
  'restart-to-failure.sql': (cases) =>
    cases.flatMap((c) =>
      migrationsOf(c).flatMap((m) => {
        const facts = JSON.parse(m.facts) as {
          secondsSinceServiceStart: { source: number | null; destination: number | null };
        };
        const sides = [
          facts.secondsSinceServiceStart.source,
          facts.secondsSinceServiceStart.destination,
        ];
        const known = sides.filter((s): s is number => s !== null);
        if (m.outcome !== 'failed' || known.length === 0) return [];
        return [
          {
            cluster: clusterOf(c),
            case_id: c.report.identity.caseId,
            migration_id: m.id,
            vm: m.vm,
            source_node: m.source_node,
            destination_node: m.destination_node,
            error_code: m.error_code,
            seconds_since_service_start: round(Math.min(...known)),
          },
        ];
      }),
    ),
  'slowest-node-pairs.sql': (cases) => {
    const groups = new Map<string, number[][]>();
    for (const c of cases)
      for (const m of migrationsOf(c))
        if (m.outcome === 'succeeded' && m.duration_s !== null) {
          const k = JSON.stringify([clusterOf(c), m.source_node, m.destination_node]);
          groups.set(k, [...(groups.get(k) ?? []), [m.duration_s, m.blackout_s ?? -Infinity]]);
        }
    return [...groups].map(([k, list]) => {
      const [cluster, source_node, destination_node] = JSON.parse(k) as (string | null)[];
      const blackouts = list.map((l) => l[1]!).filter((b) => b !== -Infinity);
      return {
        cluster: cluster!,
        source_node: source_node!,
        destination_node: destination_node!,
        migrations: list.length,
        mean_s: round(list.reduce((s, l) => s + l[0]!, 0) / list.length),
        slowest_s: round(Math.max(...list.map((l) => l[0]!))),
        longest_blackout_s: blackouts.length === 0 ? null : round(Math.max(...blackouts)),
      };
    });
  },
  'failure-rate-by-cluster.sql': (cases) => {
    const byCluster = new Map<string | null, { cases: Set<string>; n: number; failed: number }>();
    for (const c of cases)
      for (const m of migrationsOf(c)) {
        const cluster = clusterOf(c);
        const entry = byCluster.get(cluster) ?? { cases: new Set<string>(), n: 0, failed: 0 };
        entry.cases.add(c.report.identity.caseId);
        entry.n++;
        if (m.outcome === 'failed') entry.failed++;
        byCluster.set(cluster, entry);
      }
    return [...byCluster].map(([cluster, e]) => ({
      cluster,
      cases: e.cases.size,
      migrations: e.n,
      failed: e.failed,
      failed_share: round(e.failed / e.n),
    }));
  },
  'error-codes.sql': (cases) => {
    const byCode = new Map<
      string,
      { n: number; clusters: Set<string | null>; cases: Set<string> }
    >();
    for (const c of cases)
      for (const m of migrationsOf(c))
        if (m.outcome === 'failed' && m.error_code !== null) {
          const e = byCode.get(m.error_code) ?? { n: 0, clusters: new Set(), cases: new Set() };
          e.n++;
          e.clusters.add(clusterOf(c));
          e.cases.add(c.report.identity.caseId);
          byCode.set(m.error_code, e);
        }
    return [...byCode].map(([error_code, e]) => ({
      error_code,
      failures: e.n,
      // COUNT(DISTINCT) does not count null.
      clusters: [...e.clusters].filter((x) => x !== null).length,
      cases: e.cases.size,
    }));
  },
  'infrastructure-events-by-month.sql': (cases) => {
    const roles = new Set([
      'node-down',
      'network-down',
      'interface-failed',
      'cluster-service-start',
      'cluster-service-stop',
      'rhs-died',
      'rhs-deadlock',
      'csv-paused',
      'csv-redirected',
      'csv-no-access',
    ]);
    const groups = new Map<string, { n: number; nodes: Set<string> }>();
    for (const c of cases) {
      const rows = c.db
        .prepare('SELECT id, time, node, provider, event_id, data, message FROM events')
        .all() as {
        id: number;
        time: string;
        node: string;
        provider: string;
        event_id: number;
        data: string;
        message: string | null;
      }[];
      for (const r of rows) {
        const record = classifyEvent({
          id: r.id,
          time: r.time,
          node: r.node,
          provider: r.provider,
          eventId: r.event_id,
          data: JSON.parse(r.data) as Record<string, string>,
          message: r.message,
        });
        if (record === null || !roles.has(record.role)) continue;
        const k = JSON.stringify([clusterOf(c), r.time.slice(0, 7), record.role]);
        const e = groups.get(k) ?? { n: 0, nodes: new Set<string>() };
        e.n++;
        e.nodes.add(r.node);
        groups.set(k, e);
      }
    }
    return [...groups].map(([k, e]) => {
      const [cluster, month, role] = JSON.parse(k) as [string | null, string, string];
      return { cluster, month, role, events: e.n, nodes: e.nodes.size };
    });
  },
};

/** What a fleet query should return over these cases, sorted. */
export function expectedFleetAnswers(file: string, cases: ExportedSample[]): Row[] {
  const compute = expected[file];
  if (!compute) throw new Error(`no expected answer for ${file}: add one to fleet-expected.ts`);
  return sorted(compute(cases));
}

/** An engine's rows in the shape of expectedFleetAnswers. */
export function normalizeFleetRows(file: string, rows: Record<string, unknown>[]): Row[] {
  return sorted(
    rows.map((r) => {
      const out: Row = {};
      for (const [key, value] of Object.entries(r)) {
        if (key === 'started_at') continue;
        if (key === 'month') out[key] = typeof value === 'string' ? value.slice(0, 7) : null;
        else if (typeof value === 'number') out[key] = round(value);
        else if (
          typeof value === 'string' &&
          /^-?\d+$/.test(value) &&
          key !== 'error_code' &&
          key !== 'case_id'
        )
          out[key] = Number(value);
        else out[key] = (value ?? null) as string | null;
      }
      return out;
    }),
  );
}
