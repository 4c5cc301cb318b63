import type { CaseInput } from '../diagnose/case-input.js';
import { diagnosisEventIds } from '../diagnose/case-input.js';
import { diagnoseCase, type CaseDiagnosis } from '../diagnose/diagnose-case.js';
import {
  selectChannelsByNode,
  selectConfigRecords,
  selectDiagnosisEvents,
} from '../store/diagnosis-input.js';
import { saveFindings } from '../store/findings-table.js';
import { selectMigrations } from '../store/migrations-table.js';
import type { Store } from '../store/open-database.js';
import { selectNodesWithLogs } from '../store/replay-input.js';

/** Loads what the checks read from the store: migrations, configuration, events. */
export function loadCaseInput(db: Store): CaseInput {
  return {
    migrations: selectMigrations(db),
    config: selectConfigRecords(db),
    events: selectDiagnosisEvents(db, diagnosisEventIds),
    nodesWithLogs: selectNodesWithLogs(db),
    channelsByNode: selectChannelsByNode(db),
  };
}

/** Diagnoses the stored case and replaces the stored findings with the result. */
export function runDiagnosis(db: Store): CaseDiagnosis & { input: CaseInput } {
  const input = loadCaseInput(db);
  const result = diagnoseCase(input);
  saveFindings(db, result.findings);
  return { ...result, input };
}
