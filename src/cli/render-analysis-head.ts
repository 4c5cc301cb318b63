import type { MessageKey } from '../i18n/messages-en.js';
import type { Translator } from '../i18n/translator.js';
import type { Finding } from '../model/diagnosis.js';
import type { Migration } from '../model/migration.js';
import { whyText } from '../report/localize.js';
import type { CaseSummary } from '../store/case-summary.js';
import { outcomeTone, verdictTone } from './colour.js';
import { wrapBlock } from './fit-text.js';
import { TableLayout } from './output.js';
import type { TextView } from './text-view.js';
import { caseLines } from './render-summary.js';
import { sharedDate, timeForView } from './view-time.js';

/** How many migrations ended each way, and how many there are. */
export interface OutcomeTally {
  total: number;
  byOutcome: ReadonlyMap<string, number>;
}

/** Counts the outcomes of migrations that come in pages. Pure. */
export function tallyOutcomes(pages: Iterable<readonly Migration[]>): OutcomeTally {
  const byOutcome = new Map<string, number>();
  let total = 0;
  for (const page of pages)
    for (const m of page) {
      total++;
      byOutcome.set(m.outcome, (byOutcome.get(m.outcome) ?? 0) + 1);
    }
  return { total, byOutcome };
}

/** `Migrations: 7 (4 succeeded, 3 failed)`, coloured by outcome. Pure. */
export function migrationCountLine(tally: OutcomeTally, tr: Translator, view: TextView): string {
  const counts = (['succeeded', 'failed', 'cancelled', 'unknown'] as const)
    .map((outcome) => [outcome, tally.byOutcome.get(outcome) ?? 0] as const)
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) =>
      view.paint.paint(
        outcomeTone(outcome),
        tr.t(`counts.${outcome}.${n === 1 ? 'one' : 'other'}`, { count: n }),
      ),
    );
  return tr.t('term.migrations', {
    count: tally.total,
    counts: counts.length > 0 ? ` (${counts.join(', ')})` : '',
  });
}

/**
 * The head of `analyze`: what was read, how the migrations ended, each diagnosis on one line
 * (migration, VM, when, outcome, cause, verdict) and each advisory on one line, so the verdict
 * is on the first screen; the details follow it. Pure.
 */
export function renderAnalysisHead(
  summary: CaseSummary,
  tally: OutcomeTally,
  diagnosed: readonly Migration[],
  findings: readonly Finding[],
  tr: Translator,
  view: TextView,
): string {
  const t = tr.t;
  const strong = (text: string) => view.paint.paint('strong', text);
  const lines: string[] = [strong(t('term.title')), ...caseLines(summary, tr, view)];
  lines.push(migrationCountLine(tally, tr, view));
  if (summary.problemCount > 0)
    lines.push(view.paint.paint('warn', t('term.headProblems', { count: summary.problemCount })));
  const diagnoses = findings.filter((f) => f.scope === 'migration');
  lines.push('');
  if (diagnoses.length === 0) lines.push(strong(t('term.diagnosisNone')));
  else lines.push(...diagnosisTable(diagnoses, diagnosed, tr, view));
  const advisories = findings.filter((f) => f.scope === 'cluster');
  if (advisories.length > 0) {
    lines.push(strong(t('term.advisoriesCount', { count: advisories.length })));
    for (const a of advisories) {
      const line = `  ${t('term.advisoryLine', {
        cause: a.cause,
        verdict: t(`verdict.${a.verdict}`),
        text: whyText(tr, a),
      })}`;
      lines.push(shortenEnd(line, view.width));
    }
  }
  lines.push('');
  lines.push(wrapBlock(t('term.detailsFollow'), view.width));
  lines.push('');
  return `${lines.join('\n')}\n`;
}

const headColumns = ['id', 'vm', 'when', 'outcome', 'cause', 'verdict'] as const;

/** The diagnoses as a table of one line each; the date moves to the heading when it is shared. */
function diagnosisTable(
  diagnoses: readonly Finding[],
  diagnosed: readonly Migration[],
  tr: Translator,
  view: TextView,
): string[] {
  const t = tr.t;
  const rows = diagnoses.map((d) => {
    const m = diagnosed.find((x) => x.id === d.migrationId);
    return {
      id: d.migrationId,
      vm: m?.vm ?? null,
      when: timeForView(m ? (m.startedAt ?? m.requestedAt) : null, view),
      outcome: m ? t(`outcome.${m.outcome}`) : null,
      outcomeKey: m?.outcome ?? 'unknown',
      cause: d.cause,
      verdict: t(`verdict.${d.verdict}`),
      verdictKey: d.verdict,
    };
  });
  const date = sharedDate(
    rows.map((r) => r.when),
    view,
  );
  if (date !== null) for (const row of rows) row.when = row.when?.slice(11, 19) ?? null;
  const labels = headColumns.map((c) => t(`term.col.${c}` as MessageKey));
  const tones = new Map(
    rows.flatMap((r) => [
      [`outcome:${r.outcome}`, outcomeTone(r.outcomeKey)],
      [`verdict:${r.verdict}`, verdictTone(r.verdictKey)],
    ]),
  );
  const outcomeLabel = labels[3]!;
  const verdictLabel = labels[5]!;
  const layout = new TableLayout(labels, {
    width: view.width,
    paint: (column, text) => {
      const key = column === outcomeLabel ? 'outcome' : column === verdictLabel ? 'verdict' : '';
      return view.paint.paint(tones.get(`${key}:${text}`) ?? null, text);
    },
  });
  const keyed = rows.map((r) =>
    Object.fromEntries(headColumns.map((c, i) => [labels[i]!, r[c] ?? null])),
  );
  for (const row of keyed) layout.measure(row);
  const heading = date
    ? t('term.diagnosesOn', { count: diagnoses.length, date })
    : t('term.diagnosesHead', { count: diagnoses.length });
  return [
    view.paint.paint('strong', heading),
    ...layout.header(),
    ...keyed.map((row) => layout.line(row)),
  ];
}

/** `text` cut at its end to at most `width` characters. Pure. */
function shortenEnd(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}
