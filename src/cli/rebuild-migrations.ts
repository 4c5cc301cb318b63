import { catalogEvents } from '../catalog/events/index.js';
import { classifyClusterLogLine, classifyEvent } from '../replay/classify-record.js';
import { reconstructMigrations, type Reconstruction } from '../replay/reconstruct-migrations.js';
import type { ReplayRecord } from '../replay/replay-record.js';
import { saveReconstruction } from '../store/migrations-table.js';
import type { Store } from '../store/open-database.js';
import {
  iterateClusterLogForReplay,
  iterateEventsForReplay,
  selectNodeNamesById,
  selectNodesWithLogs,
} from '../store/replay-input.js';

const catalogProviders = [...new Set(catalogEvents.map((e) => e.provider))].sort();

/**
 * Replays everything stored into migrations and saves them (replacing the previous ones):
 * catalogue events and matching cluster log records are classified as they stream out of the
 * store; only the classified ones are kept in memory.
 */
export function rebuildMigrations(db: Store): Reconstruction {
  const records: ReplayRecord[] = [];
  for (const row of iterateEventsForReplay(db, catalogProviders)) {
    const record = classifyEvent({
      id: row.id,
      time: row.time,
      node: row.node,
      provider: row.provider,
      eventId: row.event_id,
      data: JSON.parse(row.data) as Record<string, string>,
      message: row.message,
    });
    if (record) records.push(record);
  }
  for (const row of iterateClusterLogForReplay(db)) {
    const record = classifyClusterLogLine(row);
    if (record) records.push(record);
  }
  const reconstruction = reconstructMigrations(
    records,
    selectNodesWithLogs(db),
    selectNodeNamesById(db),
  );
  saveReconstruction(db, reconstruction.migrations, reconstruction.clockSkew);
  return reconstruction;
}
