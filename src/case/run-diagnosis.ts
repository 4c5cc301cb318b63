import type { CaseInput } from '../diagnose/case-input.js';
import { diagnosisNeeds } from '../diagnose/check-events.js';
import {
  diagnoseInBatches,
  type BatchDiagnosis,
  type DiagnosisReader,
} from '../diagnose/diagnose-batches.js';
import type { Finding } from '../model/diagnosis.js';
import { millisToIso } from '../model/time.js';
import {
  selectChannelsByNode,
  selectConfigRecords,
  selectDiagnosisEvents,
  selectEventNodes,
  selectEventsAround,
  selectEventsMatching,
} from '../store/diagnosis-input.js';
import { readClusterPresence } from '../store/cluster-presence.js';
import { flowchart } from '../diagnose/diagnose-case.js';
import { replaceFindings } from '../store/findings-table.js';
import {
  selectMigrations,
  selectMigrationsAfter,
  selectMigrationsWithIds,
} from '../store/migrations-table.js';
import type { Store } from '../store/open-database.js';
import { withPageCacheAtMost } from '../store/page-cache.js';
import { selectNodesWithLogs } from '../store/replay-input.js';
import { selectStateIntervals } from '../store/state-intervals-table.js';
import { readingCacheKiB } from './rebuild-migrations.js';

/**
 * Loads the whole case the checks read from the store: every migration, the configuration,
 * the diagnosis events and every event a step cites: what diagnoseCase takes. Diagnosis itself
 * reads the store batch by batch (runDiagnosis, diagnoseStoredCase).
 */
export function loadCaseInput(db: Store): CaseInput {
  const needs = diagnosisNeeds(flowchart);
  return {
    migrations: selectMigrations(db),
    config: selectConfigRecords(db),
    events: selectDiagnosisEvents(db, [...needs.around, ...needs.caseWide]),
    nodesWithLogs: selectNodesWithLogs(db),
    channelsByNode: selectChannelsByNode(db),
    clusterEvidence: readClusterPresence(db).found,
    states: selectStateIntervals(db),
  };
}

/** What the batch diagnosis reads, from the store. */
export function storeDiagnosisReader(db: Store): DiagnosisReader {
  const nodes = selectEventNodes(db);
  const needs = diagnosisNeeds(flowchart);
  return {
    config: selectConfigRecords(db),
    nodesWithLogs: selectNodesWithLogs(db),
    channelsByNode: selectChannelsByNode(db),
    clusterEvidence: readClusterPresence(db).found,
    migrationsAfter: (afterId, limit) => selectMigrationsAfter(db, afterId, limit),
    migrationsWithIds: (ids) => selectMigrationsWithIds(db, ids),
    caseWideEvents: () => selectEventsMatching(db, needs.caseWide),
    eventsAround: (from, to, rowIds) =>
      selectEventsAround(
        db,
        nodes,
        needs.around,
        Number.isFinite(from) ? millisToIso(from - 1) : '',
        Number.isFinite(to) ? millisToIso(to + 1) : '',
        rowIds,
      ),
    statesAround: (from, to) => selectStateIntervals(db, millisToIso(from), millisToIso(to)),
  };
}

/** The diagnoses of a stored case and its findings, read batch by batch and not saved. */
export function diagnoseStoredCase(db: Store): DiagnosisRun {
  const findings: Finding[] = [];
  const result = withPageCacheAtMost(db, readingCacheKiB, () =>
    diagnoseInBatches(storeDiagnosisReader(db), (batch) => findings.push(...batch)),
  );
  return { ...result, findings };
}

/** The diagnoses of a stored case and every finding, as saved. */
export interface DiagnosisRun extends BatchDiagnosis {
  findings: Finding[];
}

/**
 * Diagnoses the stored case migration batch by batch and replaces the stored findings with
 * the result (in one transaction). Memory follows a batch, not the case; the findings are
 * returned too (one per diagnosis, related cause and advisory).
 */
export function runDiagnosis(db: Store): DiagnosisRun {
  const findings: Finding[] = [];
  const result = withPageCacheAtMost(db, readingCacheKiB, () =>
    replaceFindings(db, (save) =>
      diagnoseInBatches(storeDiagnosisReader(db), (batch) => {
        save(batch);
        findings.push(...batch);
      }),
    ),
  );
  return { ...result, findings };
}
