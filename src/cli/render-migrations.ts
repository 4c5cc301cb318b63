import { createTranslator, type Translator } from '../i18n/translator.js';
import { offsetIsMeasurable, type ClockSkew, type Migration } from '../model/migration.js';
import { migrationGapText } from '../report/localize.js';
import { migrationRow } from './commands/migrations.js';
import { outcomeTone } from './colour.js';
import { wrapBlock } from './fit-text.js';
import { TableLayout } from './output.js';
import { migrationCountLine, tallyOutcomes } from './render-analysis-head.js';
import { timeForView } from './view-time.js';
import { plainView, type TextView } from './text-view.js';
import type { MessageKey } from '../i18n/messages-en.js';
import type { VmNameRow } from '../store/migrations-table.js';
import { vmNamesText } from './render-vm-names.js';

/** The migrations part of the analyze summary: a table, then what each failure left behind. Pure. */
export function renderMigrationsText(
  migrations: readonly Migration[],
  clockSkew: readonly ClockSkew[],
  tr: Translator = createTranslator('en'),
  view: TextView = plainView,
): string {
  return [...migrationsTextChunks(() => [migrations], clockSkew, tr, view)].join('');
}

/** The columns of the analyze migrations table (the failure side is told under the table). */
const summaryColumns = ['id', 'vm', 'kind', 'route', 'started', 'seconds', 'outcome', 'error'];

/**
 * renderMigrationsText piece by piece, from migrations that come in pages (`pages` is called
 * three times: counts and column widths, the table, the failures), so a case with many
 * migrations is never one list or one string. Pure.
 */
export function* migrationsTextChunks(
  pages: () => Iterable<readonly Migration[]>,
  clockSkew: readonly ClockSkew[],
  tr: Translator = createTranslator('en'),
  view: TextView = plainView,
  vmNames: readonly VmNameRow[] = [],
): Generator<string> {
  const t = tr.t;
  const labels = summaryColumns.map((c) => t(`term.col.${c}` as MessageKey));
  const outcomeLabel = labels[summaryColumns.indexOf('outcome')]!;
  const tones = new Map(
    (['succeeded', 'failed', 'cancelled', 'unknown'] as const).map((o) => [
      t(`outcome.${o}`),
      outcomeTone(o),
    ]),
  );
  const layout = new TableLayout(labels, {
    width: view.width,
    keepColumns: ['started', 'route'].map((c) => labels[summaryColumns.indexOf(c)]!),
    paint: (column, text) =>
      column === outcomeLabel ? view.paint.paint(tones.get(text) ?? null, text) : text,
  });
  for (const page of pages()) for (const m of page) layout.measure(tableRow(m, labels, tr, view));
  const tally = tallyOutcomes(pages());
  yield `${view.paint.paint('strong', migrationCountLine(tally, tr, plainView))}\n`;
  if (tally.total > 0) {
    yield `${layout.header().join('\n')}\n`;
    for (const page of pages())
      if (page.length > 0)
        yield `${page.map((m) => layout.line(tableRow(m, labels, tr, view))).join('\n')}\n`;
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
    yield `${wrapBlock(t('term.clockSkew', { reference: skewed[0]!.reference, list }), view.width)}\n\n`;
  }
  const joined = vmNamesText(vmNames, tr);
  if (joined !== '') yield `${joined}\n`;
  let failures = 0;
  for (const page of pages()) {
    const lines: string[] = [];
    for (const m of page.filter((x) => x.outcome === 'failed' || x.outcome === 'unknown')) {
      failures++;
      lines.push(
        view.paint.paint(
          outcomeTone(m.outcome),
          t('term.failureLine', {
            id: m.id,
            vm: m.vm,
            source: m.sourceNode ?? '?',
            destination: m.destinationNode ?? '?',
            outcome: t(`outcome.${m.outcome}`),
            side: m.failureSide ? t(`term.atSide.${m.failureSide}`) : '',
          }),
        ),
      );
      if (m.errorText)
        lines.push(
          t('term.error', { text: `${m.errorCode ? `${m.errorCode} ` : ''}${m.errorText}` }),
        );
      for (const gap of m.gaps) lines.push(t('term.gap', { text: migrationGapText(tr, gap) }));
    }
    if (lines.length > 0) yield `${wrapBlock(lines.join('\n'), view.width)}\n`;
  }
  if (failures > 0) yield '\n';
  yield `${wrapBlock(t('term.migrationDetails'), view.width)}\n`;
}

/** A migration's row of the summary table, keyed by column label. */
function tableRow(
  m: Migration,
  labels: readonly string[],
  tr: Translator,
  view: TextView,
): Record<string, string | number | null> {
  const t = tr.t;
  const plain = migrationRow(m, false);
  const row: Record<string, string | number | null> = {
    ...plain,
    kind: t(`kind.${m.kind}`),
    route: `${m.sourceNode ?? '?'} → ${m.destinationNode ?? '?'}`,
    started: timeForView(plain.started as string | null, view),
    seconds: m.durationS,
    outcome: t(`outcome.${m.outcome}`),
    error: view.wide ? (m.errorCode ?? m.errorText ?? null) : (plain.error ?? null),
  };
  return Object.fromEntries(summaryColumns.map((c, i) => [labels[i]!, row[c] ?? null]));
}
