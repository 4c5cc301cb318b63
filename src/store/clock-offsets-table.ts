import type { ClockSkew } from '../model/migration.js';
import { correctIsoTime } from '../model/time.js';
import type { Store } from './open-database.js';

/** Replaces the stored clock offsets (inside the caller's transaction). */
export function insertClockOffsets(db: Store, clockSkew: readonly ClockSkew[]): void {
  db.exec('DELETE FROM clock_offsets');
  const insert = db.prepare(
    `INSERT INTO clock_offsets (node, offset_ms, uncertainty_ms, pairs, basis, reference)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const s of clockSkew)
    insert.run(
      s.node,
      Math.round(s.offsetS * 1000),
      Math.round(s.uncertaintyS * 1000),
      s.pairs,
      s.basis,
      s.reference,
    );
}

/** The stored clock-offset estimate, by node. */
export function selectClockSkew(db: Store): ClockSkew[] {
  return db
    .prepare(
      `SELECT node, offset_ms / 1000.0 AS offsetS, pairs, reference,
         uncertainty_ms / 1000.0 AS uncertaintyS, basis
       FROM clock_offsets ORDER BY node`,
    )
    .all() as ClockSkew[];
}

/** The case's one clock: each node's stored offset (ms its clock ran ahead), by node name. */
export class CaseClock {
  private readonly offsets: Map<string, number>;

  constructor(offsetsMs: ReadonlyMap<string, number>) {
    this.offsets = new Map(offsetsMs);
  }

  /** The clock of a store (offsets rebuilt by the last replay; none before one ran). */
  static of(db: Store): CaseClock {
    const rows = db.prepare('SELECT node, offset_ms AS ms FROM clock_offsets').all() as {
      node: string;
      ms: number;
    }[];
    return new CaseClock(new Map(rows.map((r) => [r.node, r.ms])));
  }

  /** Milliseconds the node's clock ran ahead of the case's clock (0 when not estimated). */
  offsetMs(node: string | null): number {
    if (node === null) return 0;
    return this.offsets.get(node.trim().split('.')[0]!.toUpperCase()) ?? 0;
  }

  /** A time the node logged, on the case's clock. */
  correct(node: string | null, time: string): string {
    return correctIsoTime(time, this.offsetMs(node));
  }

  /** The largest offset either way (ms): how far stored times may sit from corrected ones. */
  spreadMs(): number {
    return Math.max(0, ...[...this.offsets.values()].map(Math.abs));
  }
}
