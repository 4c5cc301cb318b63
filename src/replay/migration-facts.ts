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

/** What the facts of one migration depend on besides the infrastructure records. */
export interface MigrationOutline {
  id: number;
  vm: string;
  sourceNode: string | null;
  destinationNode: string | null;
  /** End in ms, when the migration has one. */
  endedAt: number | null;
  /** [start, end] in ms; an attempt without an end runs to its last step. */
  window: [number, number];
}

/** The outline of a migration. Pure. */
export function outlineOf(m: Migration): MigrationOutline {
  const first = m.steps[0] ? isoToMillis(m.steps[0].time) : 0;
  const last = m.steps.length > 0 ? isoToMillis(m.steps[m.steps.length - 1]!.time) : first;
  const start = m.startedAt ? isoToMillis(m.startedAt) : first;
  const end = m.endedAt ? isoToMillis(m.endedAt) : last;
  return {
    id: m.id,
    vm: m.vm,
    sourceNode: m.sourceNode,
    destinationNode: m.destinationNode,
    endedAt: m.endedAt === null ? null : isoToMillis(m.endedAt),
    window: [start, Math.max(start, end)],
  };
}

/** The facts that relate migrations to each other, per outline (same order). */
export interface RelationFacts {
  overlapping: MigrationFacts['overlapping'][];
  secondsSincePreviousMigration: (number | null)[];
}

/**
 * Fills each migration's facts from the migrations themselves and the infrastructure records
 * (service starts, RHS restarts, network, CSV, backup, node events) on the same clock. Pure;
 * mutates only the given migrations' `facts`.
 */
export function computeFacts(migrations: Migration[], records: readonly TimedRecord[]): void {
  const outlines = migrations.map(outlineOf);
  const relations = relationFacts(outlines);
  // Infrastructure records are few; scanning only them keeps this linear in the records.
  const index = new InfrastructureIndex(records.filter((t) => isInfrastructureRole(t.record.role)));
  migrations.forEach((migration, i) => fillFacts(migration, outlines[i]!, i, relations, index));
}

/** Sets a migration's facts: the `i`-th of the relations, the rest from the index. */
export function fillFacts(
  migration: Migration,
  outline: MigrationOutline,
  i: number,
  relations: RelationFacts,
  index: InfrastructureIndex,
): void {
  Object.assign(migration.facts, infrastructureFacts(outline, index), {
    overlapping: relations.overlapping[i]!,
    secondsSincePreviousMigration: relations.secondsSincePreviousMigration[i]!,
  });
}

/** Whether records of a role are ones the facts read (service, RHS, network, CSV, backup, node). */
export function isInfrastructureRole(role: RecordRole): boolean {
  return infrastructureRoles.has(role);
}

/**
 * Overlaps with other migrations and the time since the VM's previous migration, for
 * outlines in migration-number order. Pure.
 */
export function relationFacts(outlines: readonly MigrationOutline[]): RelationFacts {
  const overlapping = markOverlaps(outlines);
  const secondsSincePreviousMigration: (number | null)[] = outlines.map(() => null);
  const lastEndByVm = new Map<string, number>();
  const byStart = outlines
    .map((_, i) => i)
    .sort((a, b) => start(outlines[a]!) - start(outlines[b]!));
  for (const i of byStart) {
    const outline = outlines[i]!;
    const previousEnd = lastEndByVm.get(outline.vm);
    if (previousEnd !== undefined && previousEnd <= start(outline)) {
      secondsSincePreviousMigration[i] = seconds(start(outline) - previousEnd);
    }
    if (outline.endedAt !== null) lastEndByVm.set(outline.vm, outline.endedAt);
  }
  return { overlapping, secondsSincePreviousMigration };
}

/** The facts of one migration that come from the infrastructure records. Pure. */
export function infrastructureFacts(
  outline: MigrationOutline,
  index: InfrastructureIndex,
): Omit<
  MigrationFacts,
  'overlapping' | 'secondsSincePreviousMigration' | 'durationS' | 'blackoutS'
> {
  const [start, end] = outline.window;
  const { sourceNode, destinationNode } = outline;
  const nodes = [sourceNode, destinationNode].filter((n): n is string => n !== null);
  const since = (at: number | null) => (at === null ? null : seconds(start - at));
  const around = index.within(start - aroundBeforeMs, end + aroundAfterMs);
  return {
    secondsSinceServiceStart: {
      source: since(index.lastBefore(sourceNode, 'service', start)),
      destination: since(index.lastBefore(destinationNode, 'service', start)),
    },
    secondsSinceRhsRestart: {
      source: since(index.lastBefore(sourceNode, 'rhs', start)),
      destination: since(index.lastBefore(destinationNode, 'rhs', start)),
    },
    networksDown: index.downDuring('network', start, end),
    interfacesDown: index.downDuring('interface', start, end),
    csvProblems: unique(
      around
        .filter((t) => csvRoles.has(t.record.role))
        .map((t) => `${t.node}: ${t.record.fields.volume ?? t.record.label} (${t.record.role})`),
    ),
    backupActivity: unique(
      around
        .filter((t) => backupRoles.has(t.record.role))
        .map((t) => `${t.node}: ${t.record.label} (${t.record.role})`),
    ),
    nodesDown: unique(
      index
        .within(start - 30_000, end + aroundAfterMs)
        .filter((t) => t.record.role === 'node-down')
        .map((t) => (t.record.fields.node ?? '').toUpperCase())
        .filter((n) => nodes.includes(n)),
    ),
  };
}

/**
 * For every pair of attempts whose time windows overlap and that share a node, each in the
 * other's list. A sweep over start times: linear plus the overlapping pairs.
 */
function markOverlaps(outlines: readonly MigrationOutline[]): MigrationFacts['overlapping'][] {
  const lists: MigrationFacts['overlapping'][] = outlines.map(() => []);
  const order = outlines.map((_, i) => i).sort((a, b) => start(outlines[a]!) - start(outlines[b]!));
  order.forEach((i, position) => {
    const a = outlines[i]!;
    const end = a.window[1];
    for (let k = position + 1; k < order.length; k++) {
      const j = order[k]!;
      const b = outlines[j]!;
      if (start(b) > end) break;
      const shared = [a.sourceNode, a.destinationNode].find(
        (n) => n !== null && (n === b.sourceNode || n === b.destinationNode),
      );
      if (!shared) continue;
      lists[i]!.push({ migration: b.id, vm: b.vm, sharedNode: shared });
      lists[j]!.push({ migration: a.id, vm: a.vm, sharedNode: shared });
    }
  });
  for (const list of lists) list.sort((x, y) => x.migration - y.migration);
  return lists;
}

function start(outline: MigrationOutline): number {
  return outline.window[0];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}
