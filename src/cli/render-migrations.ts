import type { Diagnosis } from '../model/diagnosis.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import type { ClockSkew, Migration } from '../model/migration.js';
import { migrationGapText } from '../report/localize.js';
import { migrationColumns, migrationRow } from './commands/migrations.js';
import { diagnosisJson } from './render-diagnosis.js';
import { table } from './render-summary.js';

/** The migrations part of the analyze summary: a table, then what each failure left behind. Pure. */
export function renderMigrationsText(
  migrations: readonly Migration[],
  clockSkew: readonly ClockSkew[],
  tr: Translator = createTranslator('en'),
): string {
  const t = tr.t;
  const lines: string[] = [];
  const counts = (['succeeded', 'failed', 'cancelled', 'unknown'] as const)
    .map((outcome) => [outcome, migrations.filter((m) => m.outcome === outcome).length] as const)
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) => t(`counts.${outcome}.${n === 1 ? 'one' : 'other'}`, { count: n }));
  lines.push(
    t('term.migrations', {
      count: migrations.length,
      counts: counts.length > 0 ? ` (${counts.join(', ')})` : '',
    }),
  );
  if (migrations.length > 0) {
    lines.push(
      table(
        tr,
        migrationColumns,
        migrations.map((m) => ({
          ...migrationRow(m, false),
          kind: t(`kind.${m.kind}`),
          outcome: t(`outcome.${m.outcome}`),
          side: m.failureSide ? t(`side.${m.failureSide}`) : null,
        })),
      ),
    );
  } else {
    lines.push('');
  }
  const skewed = clockSkew.filter((s) => s.offsetS !== 0);
  if (skewed.length > 0) {
    lines.push(
      t('term.clockSkew', {
        reference: skewed[0]!.reference,
        list: skewed
          .map((s) =>
            t('term.skewItem', {
              node: s.node,
              offset: `${s.offsetS > 0 ? '+' : ''}${s.offsetS}`,
              pairs: s.pairs,
            }),
          )
          .join(', '),
      }),
    );
    lines.push('');
  }
  for (const m of migrations.filter((x) => x.outcome === 'failed' || x.outcome === 'unknown')) {
    lines.push(
      t('term.failureLine', {
        id: m.id,
        vm: m.vm,
        source: m.sourceNode ?? '?',
        destination: m.destinationNode ?? '?',
        outcome: t(`outcome.${m.outcome}`),
        side: m.failureSide ? t(`term.atSide.${m.failureSide}`) : '',
      }),
    );
    if (m.errorText)
      lines.push(
        t('term.error', { text: `${m.errorCode ? `${m.errorCode} ` : ''}${m.errorText}` }),
      );
    for (const gap of m.gaps) lines.push(t('term.gap', { text: migrationGapText(tr, gap) }));
  }
  if (migrations.some((x) => x.outcome === 'failed' || x.outcome === 'unknown')) lines.push('');
  lines.push(t('term.migrationDetails'));
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
