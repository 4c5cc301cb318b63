import type { Diagnosis, Finding } from '../model/diagnosis.js';
import type { Migration } from '../model/migration.js';
import { clusterAdvisories } from './advisories.js';
import type { CaseInput } from './case-input.js';
import { classifyMigrationFailure, type CheckContext } from './check-helpers.js';
import { migrationSlow } from './checks-cluster.js';
import { checks } from './checks.js';
import { liveMigrationFlowchart } from './flowcharts/live-migration.js';
import { validateFlowchart } from './validate-flowchart.js';
import { relatedFindings, walkFlowchart } from './walk-flowchart.js';

/** The flowchart, validated once when this module loads (a broken chart fails every command). */
export const flowchart = validateFlowchart(liveMigrationFlowchart, new Set(Object.keys(checks)));

/** The result of diagnosing a case: one diagnosis per failed or slow migration, and every finding. */
export interface CaseDiagnosis {
  diagnoses: Diagnosis[];
  /** Diagnoses (`migration`), other causes of the same migrations (`related`), advisories (`cluster`). */
  findings: Finding[];
}

/** The check context for one migration. Pure. */
export function checkContext(migration: Migration, input: CaseInput): CheckContext {
  return { migration, input, failure: classifyMigrationFailure(migration, input.events) };
}

/** Whether a migration gets a diagnosis: it failed, has no known end, or succeeded slowly. Pure. */
export function needsDiagnosis(migration: Migration, input: CaseInput): boolean {
  if (migration.outcome === 'failed' || migration.outcome === 'unknown') return true;
  if (migration.outcome === 'cancelled') return false;
  return migrationSlow(checkContext(migration, input)).answer === 'yes';
}

/** A diagnosis as a `findings` row. Pure. */
export function diagnosisFinding(d: Diagnosis): Finding {
  return {
    migrationId: d.migrationId,
    scope: 'migration',
    cause: d.cause,
    verdict: d.verdict,
    summary: d.summary,
    remediation: d.remediation,
    evidence: d.evidence,
    path: d.path,
  };
}

/** One migration's diagnosis and its findings (the diagnosis, then related causes). */
export interface MigrationDiagnosis {
  diagnosis: Diagnosis;
  findings: Finding[];
}

/** Walks the flowchart for one migration, or null when it needs no diagnosis. Pure. */
export function diagnoseMigration(
  migration: Migration,
  input: CaseInput,
): MigrationDiagnosis | null {
  if (!needsDiagnosis(migration, input)) return null;
  const context = checkContext(migration, input);
  const diagnosis = walkFlowchart(flowchart, checks, context);
  const findings = [diagnosisFinding(diagnosis)];
  if (migration.outcome !== 'succeeded')
    findings.push(...relatedFindings(flowchart, checks, context, diagnosis));
  return { diagnosis, findings };
}

/**
 * Walks the flowchart for every migration that needs it and runs the cluster advisories, on
 * a case held in memory (diagnoseInBatches does the same from the store, batch by batch). Pure.
 */
export function diagnoseCase(input: CaseInput): CaseDiagnosis {
  const diagnoses: Diagnosis[] = [];
  const findings: Finding[] = [];
  for (const migration of input.migrations) {
    const result = diagnoseMigration(migration, input);
    if (!result) continue;
    diagnoses.push(result.diagnosis);
    findings.push(...result.findings);
  }
  findings.push(...clusterAdvisories(input, diagnoses));
  return { diagnoses, findings };
}
