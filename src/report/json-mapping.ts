import type { Diagnosis, EvidenceRef, PathStep } from '../model/diagnosis.js';
import { migrationHeader, type Migration, type MigrationStep } from '../model/migration.js';

/**
 * The one mapping from lmdoctor's records to JSON, shared by `analyze --format json`,
 * `diagnose --format json` and the report's JSON (schemas/report.schema.json), so that a
 * migration, a step, a diagnosis path or a finding has the same keys in the same order
 * wherever it is written. Each contract keeps its own top-level shape. Pure.
 */

/** A record cited as evidence. */
export function evidenceJson(e: EvidenceRef): object {
  return { table: e.table, id: e.id, node: e.node, time: e.time, note: e.note };
}

/** A finding (a diagnosis, a related cause or a cluster advisory), DESIGN §7. */
export function findingJson(f: {
  cause: string | null;
  verdict: string;
  scope: string;
  migrationId: number | null;
  summary: string;
  remediation: string;
  evidence: readonly EvidenceRef[];
}): object {
  return {
    cause: f.cause,
    verdict: f.verdict,
    scope: f.scope,
    migrationId: f.migrationId,
    summary: f.summary,
    remediation: f.remediation,
    evidence: f.evidence.map(evidenceJson),
  };
}

/** One step of a flowchart walk. */
export function pathStepJson(s: PathStep): object {
  return {
    node: s.node,
    check: s.check,
    question: s.question,
    answer: s.answer,
    summary: s.summary,
    evidence: s.evidence.map(evidenceJson),
    missing: s.missing,
  };
}

/** One step of a migration; the report adds what the step's record says. */
export function migrationStepJson(s: MigrationStep, withSummary: boolean): object {
  const step = {
    time: s.time,
    node: s.node,
    phase: s.phase,
    table: s.evidenceTable,
    id: s.evidenceId,
  };
  return withSummary ? { ...step, summary: s.summary } : step;
}

/** A migration's `diagnosis` in the analyze and diagnose JSON (DESIGN §7). */
export function diagnosisJson(d: Diagnosis): object {
  return {
    cause: d.cause,
    verdict: d.verdict,
    path: d.path.map(pathStepJson),
    remediation: d.remediation,
    evidence: d.evidence.map(evidenceJson),
  };
}

/** One migration of `analyze --format json` (DESIGN §7). */
export function migrationJson(m: Migration, diagnosis: Diagnosis | null = null): object {
  return {
    ...migrationHeader(m),
    gaps: m.gaps,
    facts: m.facts,
    evidence: m.steps.map((s) => migrationStepJson(s, false)),
    diagnosis: diagnosis ? diagnosisJson(diagnosis) : null,
  };
}
