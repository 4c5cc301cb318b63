import type { Diagnosis } from '../model/diagnosis.js';
import type { ClockSkew, Migration } from '../model/migration.js';
import { migrationColumns, migrationRow } from './commands/migrations.js';
import { formatTable } from './output.js';
import { diagnosisJson } from './render-diagnosis.js';

/** The migrations part of the analyze summary: a table, then what each failure left behind. Pure. */
export function renderMigrationsText(
  migrations: readonly Migration[],
  clockSkew: readonly ClockSkew[],
): string {
  const lines: string[] = [];
  const counts = (['succeeded', 'failed', 'cancelled', 'unknown'] as const)
    .map((outcome) => [outcome, migrations.filter((m) => m.outcome === outcome).length] as const)
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) => `${n} ${outcome}`);
  lines.push(
    `Migrations: ${migrations.length}${counts.length > 0 ? ` (${counts.join(', ')})` : ''}`,
  );
  if (migrations.length > 0) {
    lines.push(
      formatTable({
        columns: migrationColumns,
        rows: migrations.map((m) => migrationRow(m, false)),
      }).replace(/\(\d+ rows?\)\n$/, ''),
    );
  } else {
    lines.push('');
  }
  const skewed = clockSkew.filter((s) => s.offsetS !== 0);
  if (skewed.length > 0) {
    lines.push(
      `Clock skew corrected (against ${skewed[0]!.reference}): ${skewed.map((s) => `${s.node} ${s.offsetS > 0 ? '+' : ''}${s.offsetS} s (${s.pairs} pairs)`).join(', ')}`,
    );
    lines.push('');
  }
  for (const m of migrations.filter((x) => x.outcome === 'failed' || x.outcome === 'unknown')) {
    lines.push(
      `#${m.id} ${m.vm} ${m.sourceNode ?? '?'} -> ${m.destinationNode ?? '?'}: ${m.outcome}${m.failureSide ? ` at the ${m.failureSide}` : ''}`,
    );
    if (m.errorText) lines.push(`  error: ${m.errorCode ? `${m.errorCode} ` : ''}${m.errorText}`);
    for (const gap of m.gaps) lines.push(`  gap: ${gap}`);
  }
  if (migrations.some((x) => x.outcome === 'failed' || x.outcome === 'unknown')) lines.push('');
  lines.push(
    'Details: lmdoctor migrations --format json; evidence in order: lmdoctor timeline --vm NAME',
  );
  return `${lines.join('\n')}\n`;
}

/** One migration in the analyze JSON (DESIGN §7), with its diagnosis when it has one. Pure. */
export function migrationJson(m: Migration, diagnosis: Diagnosis | null = null): object {
  return {
    id: m.id,
    vm: m.vm,
    vmId: m.vmId,
    kind: m.kind,
    sourceNode: m.sourceNode,
    destinationNode: m.destinationNode,
    requestedAt: m.requestedAt,
    startedAt: m.startedAt,
    endedAt: m.endedAt,
    durationS: m.durationS,
    blackoutS: m.blackoutS,
    outcome: m.outcome,
    failureSide: m.failureSide,
    errorCode: m.errorCode,
    errorText: m.errorText,
    gaps: m.gaps,
    facts: m.facts,
    evidence: m.steps.map((s) => ({
      time: s.time,
      node: s.node,
      phase: s.phase,
      table: s.evidenceTable,
      id: s.evidenceId,
    })),
    diagnosis: diagnosis ? diagnosisJson(diagnosis) : null,
  };
}
