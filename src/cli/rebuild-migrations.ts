import { catalogEvents } from '../catalog/events/index.js';
import { classifyClusterLogLine, classifyEvent } from '../replay/classify-record.js';
import { reconstructMigrations, type Reconstruction } from '../replay/reconstruct-migrations.js';
import type { ReplayRecord } from '../replay/replay-record.js';
import { saveReconstruction } from '../store/migrations-table.js';
import { openStore, openStoreReadOnly, type Store } from '../store/open-database.js';
import { recordReplay, replayedFingerprint, sourcesFingerprint } from '../store/replay-state.js';
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
  const fingerprint = sourcesFingerprint(db);
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
  recordReplay(db, fingerprint);
  return reconstruction;
}

/** True when files were ingested (or re-timed) since the migrations were last rebuilt. */
export function migrationsAreStale(db: Store): boolean {
  return replayedFingerprint(db) !== sourcesFingerprint(db);
}

/** Rebuilds the migrations when they are stale; returns the reconstruction when it ran. */
export function ensureMigrations(db: Store): Reconstruction | null {
  return migrationsAreStale(db) ? rebuildMigrations(db) : null;
}

/**
 * Opens a case database for reading, first bringing its migrations up to date when files were
 * ingested since the last replay (for `migrations`, `timeline` and `report`). A database that
 * cannot be opened for writing is read as it is.
 */
export function openCaseForReading(path: string): Store {
  const db = openStoreReadOnly(path);
  let stale: boolean;
  try {
    stale = migrationsAreStale(db);
  } catch {
    stale = true;
  }
  if (!stale || path === ':memory:') return db;
  db.close();
  let writable: Store;
  try {
    writable = openStore(path);
  } catch {
    return openStoreReadOnly(path);
  }
  try {
    rebuildMigrations(writable);
  } finally {
    writable.close();
  }
  return openStoreReadOnly(path);
}
