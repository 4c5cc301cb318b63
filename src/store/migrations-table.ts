import type { ClockSkew, Migration, MigrationStep } from '../model/migration.js';
import type { StateInterval } from '../model/state-interval.js';
import { insertClockOffsets } from './clock-offsets-table.js';
export { selectClockSkew } from './clock-offsets-table.js';
import { insertStateIntervals } from './state-intervals-table.js';
import type { Store } from './open-database.js';

/**
 * Replaces every stored migration, step, clock offset and state interval with a new
 * reconstruction, atomically. `migrations` is read once, as it is written (it may be a lazy
 * stream).
 */
export function saveReconstruction(
  db: Store,
  migrations: Iterable<Migration>,
  clockSkew: readonly ClockSkew[],
  vmNames: readonly VmNameRow[] = [],
  states: readonly StateInterval[] = [],
): void {
  const insertMigration = db.prepare(
    `INSERT INTO migrations (id, vm, vm_id, kind, source_node, destination_node, requested_at, started_at,
       ended_at, duration_s, blackout_s, outcome, failure_side, error_code, error_text, gaps, facts)
     VALUES (@id, @vm, @vmId, @kind, @sourceNode, @destinationNode, @requestedAt, @startedAt, @endedAt,
       @durationS, @blackoutS, @outcome, @failureSide, @errorCode, @errorText, @gaps, @facts)`,
  );
  const insertStep = db.prepare(
    `INSERT INTO migration_steps (migration_id, seq, time, node, phase, evidence_table, evidence_id, summary)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertName = db.prepare(
    'INSERT OR IGNORE INTO vm_names (vm, vm_id, name, reason) VALUES (?, ?, ?, ?)',
  );
  db.transaction(() => {
    db.exec('DELETE FROM migration_steps; DELETE FROM migrations; DELETE FROM vm_names;');
    for (const n of vmNames) insertName.run(n.vm, n.vmId, n.name, n.reason);
    for (const m of migrations) {
      const { steps, gaps, facts, ...columns } = m;
      insertMigration.run({ ...columns, gaps: JSON.stringify(gaps), facts: JSON.stringify(facts) });
      steps.forEach((s, seq) =>
        insertStep.run(
          m.id,
          seq + 1,
          s.time,
          s.node,
          s.phase,
          s.evidenceTable,
          s.evidenceId,
          s.summary,
        ),
      );
    }
    insertClockOffsets(db, clockSkew);
    insertStateIntervals(db, states);
  }).immediate();
}

/** A name replay joined to a VM shown under another name, and why (table `vm_names`). */
export interface VmNameRow {
  vm: string;
  vmId: string | null;
  name: string;
  reason: string;
}

/** The names joined to VMs, by VM then name (optionally of one VM). */
export function selectVmNames(db: Store, vm?: string): VmNameRow[] {
  const rows = db
    .prepare(
      `SELECT vm, vm_id AS vmId, name, reason FROM vm_names
       WHERE ? IS NULL OR vm = ? COLLATE NOCASE OR vm_id = ? COLLATE NOCASE ORDER BY vm, name`,
    )
    .all(vm ?? null, vm ?? null, vm ?? null) as VmNameRow[];
  return rows;
}

export interface MigrationFilter {
  vm?: string;
  node?: string;
  outcome?: string;
  id?: number;
}

interface MigrationRow {
  id: number;
  vm: string;
  vm_id: string | null;
  kind: Migration['kind'];
  source_node: string | null;
  destination_node: string | null;
  requested_at: string | null;
  started_at: string | null;
  ended_at: string | null;
  duration_s: number | null;
  blackout_s: number | null;
  outcome: Migration['outcome'];
  failure_side: Migration['failureSide'];
  error_code: string | null;
  error_text: string | null;
  gaps: string;
  facts: string;
}

/** Stored migrations in id order, with their steps, filtered by VM, node (either side) or outcome. */
export function selectMigrations(db: Store, filter: MigrationFilter = {}): Migration[] {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.vm !== undefined) {
    where.push('(vm = @vm COLLATE NOCASE OR vm_id = @vm COLLATE NOCASE)');
    params.vm = filter.vm;
  }
  if (filter.node !== undefined) {
    where.push('(source_node = @node COLLATE NOCASE OR destination_node = @node COLLATE NOCASE)');
    params.node = filter.node;
  }
  if (filter.outcome !== undefined) {
    where.push('outcome = @outcome');
    params.outcome = filter.outcome;
  }
  if (filter.id !== undefined) {
    where.push('id = @id');
    params.id = filter.id;
  }
  const rows = db
    .prepare(
      `SELECT * FROM migrations ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`,
    )
    .all(params) as MigrationRow[];
  return withSteps(db, rows);
}

/** Up to `limit` stored migrations numbered after `afterId`, in id order, with their steps. */
export function selectMigrationsAfter(db: Store, afterId: number, limit: number): Migration[] {
  const rows = db
    .prepare('SELECT * FROM migrations WHERE id > ? ORDER BY id LIMIT ?')
    .all(afterId, limit) as MigrationRow[];
  return withSteps(db, rows);
}

/** The stored migrations with these ids, in id order, with their steps. */
export function selectMigrationsWithIds(db: Store, ids: readonly number[]): Migration[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare('SELECT * FROM migrations WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id')
    .all(JSON.stringify(ids)) as MigrationRow[];
  return withSteps(db, rows);
}

/**
 * Every stored migration in id order without its steps (`steps` is empty), a page at a time:
 * for listings of large cases.
 */
export function* migrationPagesWithoutSteps(db: Store, pageSize = 1000): Generator<Migration[]> {
  const page = db.prepare('SELECT * FROM migrations WHERE id > ? ORDER BY id LIMIT ?');
  let afterId = 0;
  for (;;) {
    const rows = page.all(afterId, pageSize) as MigrationRow[];
    if (rows.length > 0) yield rows.map((row) => migrationOf(row, []));
    if (rows.length < pageSize) return;
    afterId = rows[rows.length - 1]!.id;
  }
}

function withSteps(db: Store, rows: readonly MigrationRow[]): Migration[] {
  const stepsOf = db.prepare(
    `SELECT time, node, phase, evidence_table AS evidenceTable, evidence_id AS evidenceId, summary
     FROM migration_steps WHERE migration_id = ? ORDER BY seq`,
  );
  return rows.map((r) => migrationOf(r, stepsOf.all(r.id) as MigrationStep[]));
}

function migrationOf(r: MigrationRow, steps: MigrationStep[]): Migration {
  return {
    id: r.id,
    vm: r.vm,
    vmId: r.vm_id,
    kind: r.kind,
    sourceNode: r.source_node,
    destinationNode: r.destination_node,
    requestedAt: r.requested_at,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    durationS: r.duration_s,
    blackoutS: r.blackout_s,
    outcome: r.outcome,
    failureSide: r.failure_side,
    errorCode: r.error_code,
    errorText: r.error_text,
    gaps: JSON.parse(r.gaps) as string[],
    facts: JSON.parse(r.facts) as Migration['facts'],
    steps,
  };
}
