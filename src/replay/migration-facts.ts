import type { RecordRole } from '../catalog/types.js';
import type { Migration, MigrationFacts } from '../model/migration.js';
import { isoToMillis } from '../model/time.js';
import type { TimedRecord } from './replay-migrations.js';

/** Facts with nothing known yet. */
export function emptyFacts(): MigrationFacts {
  return {
    overlapping: [],
    secondsSincePreviousMigration: null,
    secondsSinceServiceStart: { source: null, destination: null },
    secondsSinceRhsRestart: { source: null, destination: null },
    networksDown: [],
    interfacesDown: [],
    csvProblems: [],
    backupActivity: [],
    nodesDown: [],
    durationS: null,
    blackoutS: null,
  };
}

/** How far around an attempt (ms) infrastructure trouble still counts as "around it". */
const aroundBeforeMs = 5 * 60_000;
const aroundAfterMs = 60_000;

const rhsRoles: ReadonlySet<RecordRole> = new Set([
  'rhs-died',
  'rhs-deadlock',
  'resource-separate-rhs',
]);
const csvRoles: ReadonlySet<RecordRole> = new Set([
  'csv-paused',
  'csv-redirected',
  'csv-no-access',
]);
const backupRoles: ReadonlySet<RecordRole> = new Set([
  'backup-start',
  'backup-end',
  'backup-problem',
]);
const infrastructureRoles: ReadonlySet<RecordRole> = new Set([
  ...rhsRoles,
  ...csvRoles,
  ...backupRoles,
  'cluster-service-start',
  'network-down',
  'network-up',
  'interface-failed',
  'interface-unreachable',
  'interface-up',
  'node-down',
  'csv-resumed',
]);

/**
 * Fills each migration's facts from the migrations themselves and the infrastructure records
 * (service starts, RHS restarts, network, CSV, backup, node events) on the same clock. Pure;
 * mutates only the given migrations' `facts`.
 */
export function computeFacts(migrations: Migration[], records: readonly TimedRecord[]): void {
  // Infrastructure records are few; scanning only them keeps this linear in the records.
  const timeline = records.filter((t) => infrastructureRoles.has(t.record.role));
  const windows = migrations.map((m) => window(m));
  migrations.forEach((migration, i) => {
    const [start, end] = windows[i]!;
    const facts = migration.facts;
    const nodes = [migration.sourceNode, migration.destinationNode].filter(
      (n): n is string => n !== null,
    );

    migrations.forEach((other, j) => {
      if (j === i) return;
      const [otherStart, otherEnd] = windows[j]!;
      if (otherStart > end || otherEnd < start) return;
      const shared = nodes.find((n) => n === other.sourceNode || n === other.destinationNode);
      if (shared) facts.overlapping.push({ migration: other.id, vm: other.vm, sharedNode: shared });
    });

    const previous = migrations
      .slice(0, i)
      .filter((m) => m.vm === migration.vm && m.endedAt !== null)
      .map((m) => isoToMillis(m.endedAt!))
      .filter((t) => t <= start);
    if (previous.length > 0)
      facts.secondsSincePreviousMigration = seconds(start - Math.max(...previous));

    facts.secondsSinceServiceStart = {
      source: sinceLast(
        timeline,
        migration.sourceNode,
        start,
        (r) => r.role === 'cluster-service-start',
      ),
      destination: sinceLast(
        timeline,
        migration.destinationNode,
        start,
        (r) => r.role === 'cluster-service-start',
      ),
    };
    facts.secondsSinceRhsRestart = {
      source: sinceLast(timeline, migration.sourceNode, start, (r) => rhsRoles.has(r.role)),
      destination: sinceLast(timeline, migration.destinationNode, start, (r) =>
        rhsRoles.has(r.role),
      ),
    };

    const around = timeline.filter(
      (t) => t.at >= start - aroundBeforeMs && t.at <= end + aroundAfterMs,
    );
    facts.networksDown = downAtStart(
      timeline,
      start,
      end,
      'network-down',
      'network-up',
      (t) => t.record.fields.network ?? '',
    );
    facts.interfacesDown = downAtStart(
      timeline,
      start,
      end,
      ['interface-failed', 'interface-unreachable'],
      'interface-up',
      (t) =>
        `${t.record.fields.node ?? t.node}: ${t.record.fields.interface ?? t.record.fields.network ?? ''}`,
    );
    facts.csvProblems = unique(
      around
        .filter((t) => csvRoles.has(t.record.role))
        .map((t) => `${t.node}: ${t.record.fields.volume ?? t.record.label} (${t.record.role})`),
    );
    facts.backupActivity = unique(
      around
        .filter((t) => backupRoles.has(t.record.role))
        .map((t) => `${t.node}: ${t.record.label} (${t.record.role})`),
    );
    facts.nodesDown = unique(
      timeline
        .filter(
          (t) =>
            t.record.role === 'node-down' && t.at >= start - 30_000 && t.at <= end + aroundAfterMs,
        )
        .map((t) => (t.record.fields.node ?? '').toUpperCase())
        .filter((n) => nodes.includes(n)),
    );
  });
}

/** [start, end] of an attempt in ms; an attempt without an end runs to its last step. */
function window(m: Migration): [number, number] {
  const stepTimes = m.steps.map((s) => isoToMillis(s.time));
  const start = m.startedAt ? isoToMillis(m.startedAt) : Math.min(...stepTimes);
  const end = m.endedAt ? isoToMillis(m.endedAt) : Math.max(...stepTimes);
  return [start, Math.max(start, end)];
}

function sinceLast(
  timeline: readonly TimedRecord[],
  node: string | null,
  at: number,
  match: (r: TimedRecord['record']) => boolean,
): number | null {
  if (node === null) return null;
  let last: number | null = null;
  for (const t of timeline) {
    if (t.at > at) break;
    if (t.node === node && match(t.record)) last = t.at;
  }
  return last === null ? null : seconds(at - last);
}

/** Names that went down before the attempt ended and had not come back up by its start. */
function downAtStart(
  timeline: readonly TimedRecord[],
  start: number,
  end: number,
  downRoles: RecordRole | RecordRole[],
  upRole: RecordRole,
  nameOf: (t: TimedRecord) => string,
): string[] {
  const downs = new Set(Array.isArray(downRoles) ? downRoles : [downRoles]);
  const state = new Map<string, boolean>();
  for (const t of timeline) {
    if (t.at > end) break;
    if (downs.has(t.record.role)) state.set(nameOf(t), true);
    else if (t.record.role === upRole && t.at <= start) state.set(nameOf(t), false);
  }
  return [...state]
    .filter(([name, down]) => down && name !== '')
    .map(([name]) => name)
    .sort();
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}
