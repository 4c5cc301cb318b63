import { catalogEvents } from '../catalog/events/index.js';
import { catalogRoleOf, storeKeysOf } from '../catalog/select.js';
import type { RecordCategory } from '../catalog/types.js';
import { CaseClock } from './clock-offsets-table.js';
import type { Store } from './open-database.js';

/** An event that may become a report timeline marker (the report's ReportInfraEvent). */
export interface MarkerCandidateRow {
  id: number;
  node: string;
  time: string;
  provider: string;
  eventId: number;
  message: string | null;
}

/**
 * The events the report's timeline markers come from: events of the catalogue entries of the
 * given categories (by provider and id) that the catalogue gives a role other than `context`
 * (so of Service Control Manager's service changes only the cluster service's), or that a
 * migration step cites, in time order, without their data. Reading only these entries is what
 * keeps a large case's step events (most of them) out of memory.
 */
export function selectMarkerCandidates(
  db: Store,
  categories: readonly RecordCategory[],
): MarkerCandidateRow[] {
  const { ids, keys } = storeKeysOf(catalogEvents.filter((e) => categories.includes(e.category)));
  const rows = db
    .prepare(
      `SELECT id, node, time, provider, event_id AS eventId, message, data,
         id IN (SELECT evidence_id FROM migration_steps WHERE evidence_table = 'events') AS cited
       FROM events
       WHERE event_id IN (SELECT value FROM json_each(?))
         AND lower(provider) || '|' || event_id IN (SELECT value FROM json_each(?))
       ORDER BY time, id`,
    )
    .all(JSON.stringify(ids), JSON.stringify(keys)) as (MarkerCandidateRow & {
    data: string;
    cited: number;
  })[];
  const out: MarkerCandidateRow[] = [];
  for (const { data, cited, ...row } of rows) {
    const role = catalogRoleOf({ ...row, data: JSON.parse(data) as Record<string, string> });
    if (cited === 1 || (role !== null && role !== 'context')) out.push(row);
  }
  // On the case's corrected clock, in its order.
  const clock = CaseClock.of(db);
  return out
    .map((r) => ({ ...r, time: clock.correct(r.node, r.time) }))
    .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.id - b.id));
}
