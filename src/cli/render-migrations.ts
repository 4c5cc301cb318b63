import { createTranslator, type Translator } from '../i18n/translator.js';
import { offsetIsMeasurable, type ClockSkew, type Migration } from '../model/migration.js';
import { migrationGapText } from '../report/localize.js';
import { migrationColumns, migrationRow } from './commands/migrations.js';
import { TableLayout } from './output.js';
import type { MessageKey } from '../i18n/messages-en.js';
import type { VmNameRow } from '../store/migrations-table.js';
import { vmNamesText } from './render-vm-names.js';

/** The migrations part of the analyze summary: a table, then what each failure left behind. Pure. */
export function renderMigrationsText(
  migrations: readonly Migration[],
  clockSkew: readonly ClockSkew[],
  tr: Translator = createTranslator('en'),
): string {
  return [...migrationsTextChunks(() => [migrations], clockSkew, tr)].join('');
}

/**
 * renderMigrationsText piece by piece, from migrations that come in pages (`pages` is called
 * three times: counts and column widths, the table, the failures), so a case with many
 * migrations is never one list or one string. Pure.
 */
export function* migrationsTextChunks(
  pages: () => Iterable<readonly Migration[]>,
  clockSkew: readonly ClockSkew[],
  tr: Translator = createTranslator('en'),
  vmNames: readonly VmNameRow[] = [],
): Generator<string> {
  const t = tr.t;
  const labels = migrationColumns.map((c) => t(`term.col.${c}` as MessageKey));
  const layout = new TableLayout(labels);
  const tally = new Map<string, number>();
  let total = 0;
  for (const page of pages())
    for (const m of page) {
      total++;
      tally.set(m.outcome, (tally.get(m.outcome) ?? 0) + 1);
      layout.measure(tableRow(m, labels, tr));
    }
  const counts = (['succeeded', 'failed', 'cancelled', 'unknown'] as const)
    .map((outcome) => [outcome, tally.get(outcome) ?? 0] as const)
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) => t(`counts.${outcome}.${n === 1 ? 'one' : 'other'}`, { count: n }));
  yield `${t('term.migrations', {
    count: total,
    counts: counts.length > 0 ? ` (${counts.join(', ')})` : '',
  })}\n`;
  if (total > 0) {
    yield `${layout.header().join('\n')}\n`;
    for (const page of pages())
      if (page.length > 0)
        yield `${page.map((m) => layout.line(tableRow(m, labels, tr))).join('\n')}\n`;
  }
  yield '\n';
  const skewed = clockSkew.filter((s) => s.offsetS !== 0);
  if (skewed.length > 0) {
    const list = skewed
      .map((s) =>
        t('term.skewItem', {
          node: s.node,
          offset: `${s.offsetS > 0 ? '+' : ''}${s.offsetS}`,
          uncertainty: s.uncertaintyS,
          pairs: s.pairs,
          within: offsetIsMeasurable(s) ? '' : t('term.skewWithin'),
        }),
      )
      .join(', ');
    yield `${t('term.clockSkew', { reference: skewed[0]!.reference, list })}\n\n`;
  }
  const joined = vmNamesText(vmNames, tr);
  if (joined !== '') yield `${joined}\n`;
  let failures = 0;
  for (const page of pages()) {
    const lines: string[] = [];
    for (const m of page.filter((x) => x.outcome === 'failed' || x.outcome === 'unknown')) {
      failures++;
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
    if (lines.length > 0) yield `${lines.join('\n')}\n`;
  }
  if (failures > 0) yield '\n';
  yield `${t('term.migrationDetails')}\n`;
}

/** A migration's row of the table, keyed by column label. */
function tableRow(
  m: Migration,
  labels: readonly string[],
  tr: Translator,
): Record<string, string | number | null> {
  const t = tr.t;
  const row: Record<string, string | number | null> = {
    ...migrationRow(m, false),
    kind: t(`kind.${m.kind}`),
    outcome: t(`outcome.${m.outcome}`),
    side: m.failureSide ? t(`side.${m.failureSide}`) : null,
  };
  return Object.fromEntries(migrationColumns.map((c, i) => [labels[i]!, row[c] ?? null]));
}
