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
 * The events the report's timeline markers come from: those selectDiagnosisEvents gives (the
 * diagnosis event ids, 7036 only for the cluster service, and every event a migration step
 * cites) narrowed to `markerIds` (the ids of the marker categories), in time order, without
 * their data. The narrowing is what keeps a large case's step events (most of them) out of
 * memory: the markers the report draws are the same.
 */
export function selectMarkerCandidates(
  db: Store,
  diagnosisIds: readonly number[],
  markerIds: readonly number[],
): MarkerCandidateRow[] {
  return db
    .prepare(
      `SELECT id, node, time, provider, event_id AS eventId, message FROM events
       WHERE event_id IN (SELECT value FROM json_each(?))
         AND ((event_id IN (SELECT value FROM json_each(?))
               AND (event_id <> 7036 OR data LIKE '%Cluster%' OR message LIKE '%Cluster%'))
              OR id IN (SELECT evidence_id FROM migration_steps WHERE evidence_table = 'events'))
       ORDER BY time, id`,
    )
    .all(JSON.stringify(markerIds), JSON.stringify(diagnosisIds)) as MarkerCandidateRow[];
}
