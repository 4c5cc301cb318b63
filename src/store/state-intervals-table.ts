import type { EvidenceTable } from '../model/migration.js';
import type { StateInterval, StateKind } from '../model/state-interval.js';
import type { Store } from './open-database.js';

/** Replaces the stored state intervals (inside the caller's transaction). */
export function insertStateIntervals(db: Store, states: readonly StateInterval[]): void {
  db.exec('DELETE FROM state_intervals');
  const insert = db.prepare(
    `INSERT INTO state_intervals (kind, subject, node, state, started_at, ended_at, start_open,
       end_open, start_table, start_id, end_table, end_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const s of states)
    insert.run(
      s.kind,
      s.subject,
      s.node,
      s.state,
      s.startedAt,
      s.endedAt,
      s.startOpen ? 1 : 0,
      s.endOpen ? 1 : 0,
      s.startEvidence?.table ?? null,
      s.startEvidence?.id ?? null,
      s.endEvidence?.table ?? null,
      s.endEvidence?.id ?? null,
    );
}

interface StateRow {
  kind: StateKind;
  subject: string;
  node: string;
  state: string;
  started_at: string | null;
  ended_at: string | null;
  start_open: number;
  end_open: number;
  start_table: EvidenceTable | null;
  start_id: number | null;
  end_table: EvidenceTable | null;
  end_id: number | null;
}

/**
 * The stored state intervals that held at some moment between two corrected times (inclusive;
 * '' for no bound), in start order: those begun by `to` (or open at the start) and not ended
 * before `from`.
 */
export function selectStateIntervals(db: Store, from = '', to = ''): StateInterval[] {
  const rows = db
    .prepare(
      `SELECT * FROM state_intervals
       WHERE (? = '' OR started_at IS NULL OR started_at <= ?)
         AND (? = '' OR ended_at IS NULL OR ended_at >= ?)
       ORDER BY started_at, id`,
    )
    .all(to, to, from, from) as StateRow[];
  return rows.map((r) => ({
    kind: r.kind,
    subject: r.subject,
    node: r.node,
    state: r.state,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    startOpen: r.start_open === 1,
    endOpen: r.end_open === 1,
    startEvidence:
      r.start_table !== null && r.start_id !== null
        ? { table: r.start_table, id: r.start_id }
        : null,
    endEvidence:
      r.end_table !== null && r.end_id !== null ? { table: r.end_table, id: r.end_id } : null,
  }));
}
