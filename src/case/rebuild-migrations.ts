import { catalogEvents } from '../catalog/events/index.js';
import type { ClockSkew, Migration } from '../model/migration.js';
import { NodeNames } from '../model/node-name.js';
import { showClockSkewNodes, showMigrationNodes, showStateNodes } from '../replay/show-nodes.js';
import { selectStoredNodeNames } from '../store/node-attribution.js';
import { classifyClusterLogLine, classifyEvent } from '../replay/classify-record.js';
import type { ReplayRecord } from '../replay/replay-record.js';
import { replayStream } from '../replay/stream-replay.js';
import { openMigrationSpool } from '../store/migration-spool.js';
import { saveReconstruction } from '../store/migrations-table.js';
import { withPageCacheAtMost } from '../store/page-cache.js';
import { openStore, openStoreReadOnly, type Store } from '../store/open-database.js';
import { recordReplay, replayedFingerprint, sourcesFingerprint } from '../store/replay-state.js';
import { requireCase } from './require-case.js';
import {
  iterateRecordsForReplay,
  selectNodeNamesById,
  selectNodesWithLogs,
  selectVmHints,
} from '../store/replay-input.js';

/** SQLite page cache (KiB) while replay and diagnosis read the case in index order. */
export const readingCacheKiB = 16 * 1024;

const catalogProviders = [...new Set(catalogEvents.map((e) => e.provider))].sort();

/** What a replay rebuilt: how many migrations, and the clock-skew estimate. */
export interface ReplayResult {
  migrations: number;
  clockSkew: ClockSkew[];
}

/**
 * Every stored record replay reads, classified as it streams out of the store in stored-time
 * order (catalogue events and matching cluster log records; the others are skipped).
 */
export function* classifiedRecords(db: Store): Generator<ReplayRecord> {
  for (const { table, row } of iterateRecordsForReplay(db, catalogProviders)) {
    const record =
      table === 'events'
        ? classifyEvent({
            id: row.id,
            time: row.time,
            node: row.node,
            provider: row.provider,
            eventId: row.event_id,
            data: JSON.parse(row.data) as Record<string, string>,
            message: row.message,
          })
        : classifyClusterLogLine(row);
    if (record) yield record;
  }
}

/**
 * Replays everything stored into migrations and saves them (replacing the previous ones), in
 * bounded memory: the records stream out of the store twice (see replayStream) and finished
 * migrations wait in a temporary table until they are numbered and saved.
 */
export function rebuildMigrations(db: Store): ReplayResult {
  const fingerprint = sourcesFingerprint(db);
  return withPageCacheAtMost(db, readingCacheKiB, () => {
    const spool = openMigrationSpool(db);
    try {
      const result = replayStream(
        { records: () => classifiedRecords(db) },
        {
          nodesWithLogs: selectNodesWithLogs(db),
          nodeNamesById: selectNodeNamesById(db),
          vmHints: selectVmHints(db),
        },
        spool,
      );
      // Replay knows a node by its key; people see it the way the cluster spells it.
      const names = new NodeNames(selectStoredNodeNames(db));
      const show = (node: string) => names.canonical(node);
      const clockSkew = showClockSkewNodes(result.clockSkew, show);
      saveReconstruction(
        db,
        shown(result.migrations, show),
        clockSkew,
        result.vmNames,
        showStateNodes(result.states, show),
      );
      recordReplay(db, fingerprint);
      return { migrations: result.count, clockSkew };
    } finally {
      spool.close();
    }
  });
}
function* shown(migrations: Iterable<Migration>, show: (node: string) => string) {
  for (const migration of migrations) yield showMigrationNodes(migration, show);
}

/** True when files were ingested (or re-timed) since the migrations were last rebuilt. */
export function migrationsAreStale(db: Store): boolean {
  return replayedFingerprint(db) !== sourcesFingerprint(db);
}

/** Rebuilds the migrations when they are stale; returns the reconstruction when it ran. */
export function ensureMigrations(db: Store): ReplayResult | null {
  return migrationsAreStale(db) ? rebuildMigrations(db) : null;
}

/**
 * Opens a case database for reading, first bringing its migrations up to date when files were
 * ingested since the last replay (for `migrations`, `timeline` and `report`). A database that
 * cannot be opened for writing is read as it is. Without a case there, it refuses (requireCase).
 */
export function openCaseForReading(path: string): Store {
  requireCase(path);
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
