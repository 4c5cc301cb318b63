import type { RecordRole } from '../catalog/types.js';
import type { Migration, MigrationFacts } from '../model/migration.js';
import { isoToMillis } from '../model/time.js';
import { InfrastructureIndex } from './infrastructure-index.js';
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
  markOverlaps(migrations, windows);
  const lastEndByVm = new Map<string, number>();
  const byStart = migrations.map((_, i) => i).sort((a, b) => windows[a]![0] - windows[b]![0]);
  for (const i of byStart) {
    const migration = migrations[i]!;
    const previousEnd = lastEndByVm.get(migration.vm);
    if (previousEnd !== undefined && previousEnd <= windows[i]![0]) {
      migration.facts.secondsSincePreviousMigration = seconds(windows[i]![0] - previousEnd);
    }
    if (migration.endedAt !== null) lastEndByVm.set(migration.vm, isoToMillis(migration.endedAt));
  }
  const index = new InfrastructureIndex(timeline);
  const since = (at: number | null, start: number) => (at === null ? null : seconds(start - at));
  migrations.forEach((migration, i) => {
    const [start, end] = windows[i]!;
    const facts = migration.facts;
    const { sourceNode, destinationNode } = migration;
    const nodes = [sourceNode, destinationNode].filter((n): n is string => n !== null);
    facts.secondsSinceServiceStart = {
      source: since(index.lastBefore(sourceNode, 'service', start), start),
      destination: since(index.lastBefore(destinationNode, 'service', start), start),
    };
    facts.secondsSinceRhsRestart = {
      source: since(index.lastBefore(sourceNode, 'rhs', start), start),
      destination: since(index.lastBefore(destinationNode, 'rhs', start), start),
    };
    facts.networksDown = index.downDuring('network', start, end);
    facts.interfacesDown = index.downDuring('interface', start, end);
    const around = index.within(start - aroundBeforeMs, end + aroundAfterMs);
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
      index
        .within(start - 30_000, end + aroundAfterMs)
        .filter((t) => t.record.role === 'node-down')
        .map((t) => (t.record.fields.node ?? '').toUpperCase())
        .filter((n) => nodes.includes(n)),
    );
  });
}

/**
 * Records, for every pair of attempts whose time windows overlap and that share a node, each
 * in the other's facts. A sweep over start times: linear plus the overlapping pairs.
 */
function markOverlaps(migrations: Migration[], windows: [number, number][]): void {
  const order = migrations.map((_, i) => i).sort((a, b) => windows[a]![0] - windows[b]![0]);
  order.forEach((i, position) => {
    const a = migrations[i]!;
    const end = windows[i]![1];
    for (let k = position + 1; k < order.length; k++) {
      const j = order[k]!;
      if (windows[j]![0] > end) break;
      const b = migrations[j]!;
      const shared = [a.sourceNode, a.destinationNode].find(
        (n) => n !== null && (n === b.sourceNode || n === b.destinationNode),
      );
      if (!shared) continue;
      a.facts.overlapping.push({ migration: b.id, vm: b.vm, sharedNode: shared });
      b.facts.overlapping.push({ migration: a.id, vm: a.vm, sharedNode: shared });
    }
  });
  for (const m of migrations) m.facts.overlapping.sort((x, y) => x.migration - y.migration);
}

/** [start, end] of an attempt in ms; an attempt without an end runs to its last step. */
function window(m: Migration): [number, number] {
  const first = m.steps[0] ? isoToMillis(m.steps[0].time) : 0;
  const last = m.steps.length > 0 ? isoToMillis(m.steps[m.steps.length - 1]!.time) : first;
  const start = m.startedAt ? isoToMillis(m.startedAt) : first;
  const end = m.endedAt ? isoToMillis(m.endedAt) : last;
  return [start, Math.max(start, end)];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}
