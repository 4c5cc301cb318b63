/**
 * Words of a report that depend on the language but come from other stages: cause titles,
 * flowchart questions, remediation, the deciding reason, gaps written by replay. Pure.
 */
import { advicePtBr, questionsPtBr, remediesPtBr } from '../i18n/flowchart-pt-br.js';
import type { MessageKey } from '../i18n/messages-en.js';
import type { Translator } from '../i18n/translator.js';
import type { CauseId, PathStep } from '../model/diagnosis.js';
import type {
  CoverageGap,
  ReportDiagnosis,
  ReportFinding,
  ReportMigration,
} from './report-model.js';

/** `No network available for live migration`. */
export function causeTitle(tr: Translator, cause: CauseId): string {
  return tr.t(`cause.${cause}` as MessageKey);
}

/*
 * English texts come from the flowchart and the checks as they wrote them; other languages
 * use the catalogue's translations (by flowchart node id and cause id) and, for sentences the
 * checks compose at run time, a wording built from the answer and the evidence count.
 */

/** A flowchart question in the report's language. */
export function questionText(tr: Translator, step: { node: string; question: string }): string {
  return tr.lang === 'en' ? step.question : (questionsPtBr[step.node] ?? step.question);
}

/** Why the diagnosis concluded what it did, in one line. */
export function whyText(tr: Translator, d: ReportDiagnosis | ReportFinding): string {
  if (tr.lang === 'en') return d.summary;
  const deciding = 'path' in d ? d.path.at(-1) : undefined;
  if (deciding)
    return tr.t('report.whyStep', {
      question: questionText(tr, deciding),
      answer: tr.t(`answer.${deciding.answer}`),
    });
  return tr.t('report.findingWhy', { count: tr.number(d.evidence.length) });
}

/** What to do about a diagnosis (by its conclusion) or a finding (by its cause). */
export function remediationText(
  tr: Translator,
  d: ReportDiagnosis | ReportFinding,
  conclusion: string | null,
): string {
  if (tr.lang === 'en') return d.remediation;
  return (conclusion !== null ? remediesPtBr[conclusion] : undefined) ?? advicePtBr[d.cause];
}

/** What one answered question found. */
export function foundText(tr: Translator, step: PathStep): string {
  return tr.lang === 'en'
    ? step.summary
    : tr.t('report.foundCount', { count: tr.number(step.evidence.length) });
}

/** A missing input and the command that collects it. */
export function missingText(tr: Translator, missing: { input: string; collect: string }): string {
  return tr.lang === 'en'
    ? tr.t('report.missingValue', missing)
    : tr.t('report.missingCollect', { collect: missing.collect });
}

/** How a cluster log's times were read (`UTC (inferred)`). */
export function timeBasisText(tr: Translator, log: { timeBasis: string; origin: string }): string {
  const basis = ['utc', 'local'].includes(log.timeBasis) ? log.timeBasis : 'unknown';
  const origin = ['header', 'option', 'inferred', 'assumed'].includes(log.origin)
    ? log.origin
    : 'unresolved';
  return `${tr.t(`basis.${basis}` as MessageKey)} (${tr.t(`origin.${origin}` as MessageKey)})`;
}

/** A coverage gap as a sentence. */
export function coverageGapText(tr: Translator, gap: CoverageGap): string {
  switch (gap.kind) {
    case 'migration-node-without-logs':
      return tr.t('gap.migration-node-without-logs', {
        node: gap.node,
        collect: gap.collect,
        migrations: gap.migrations.map((id) => `#${id}`).join(', '),
      });
    case 'channel-missing':
      return tr.t('gap.channel-missing', { node: gap.node, channel: gap.channel });
    case 'time-basis-unresolved':
      return tr.t('gap.time-basis-unresolved', { path: gap.path });
    case 'ingest-problems':
      return tr.t('gap.ingest-problems', { count: gap.count });
    case 'no-logs':
      return tr.t('gap.no-logs');
    default:
      return tr.t(`gap.${gap.kind}`, { node: gap.node });
  }
}

const migrationGapPatterns: { pattern: RegExp; key: MessageKey }[] = [
  {
    pattern: /^the (?<side>source|destination) node is not known from the logs$/,
    key: 'migrationGap.unknownNode',
  },
  {
    pattern: /^no logs from the (?<side>source|destination) node (?<node>.+)$/,
    key: 'migrationGap.noLogs',
  },
  {
    pattern:
      /^the (?<side>source|destination) node (?<node>.+)'s logs have no record of this migration$/,
    key: 'migrationGap.noRecord',
  },
  { pattern: /^the end of the migration is not in the logs$/, key: 'migrationGap.noEnd' },
];

/** A gap replay wrote (English) in the report's language; unknown wording is kept. */
export function migrationGapText(tr: Translator, gap: string): string {
  for (const { pattern, key } of migrationGapPatterns) {
    const match = pattern.exec(gap);
    if (!match) continue;
    const side = match.groups?.side as 'source' | 'destination' | undefined;
    return tr.t(key, {
      side: side ? tr.t(`side.${side}`) : '',
      node: match.groups?.node ?? '',
    });
  }
  return gap;
}

/** `4 succeeded, 3 failed`. */
export function outcomeCounts(tr: Translator, counts: Record<string, number>): string {
  return (['succeeded', 'failed', 'cancelled', 'unknown'] as const)
    .filter((o) => (counts[o] ?? 0) > 0)
    .map((o) => {
      const n = counts[o] ?? 0;
      return tr.t(`counts.${o}.${n === 1 ? 'one' : 'other'}`, { count: tr.number(n) });
    })
    .join(', ');
}

/** `failed (failed at the source)` or `succeeded`. */
export function outcomeText(tr: Translator, m: ReportMigration): string {
  const outcome = tr.t(`outcome.${m.outcome}`);
  return m.failureSide ? `${outcome} (${tr.t(`failedAt.${m.failureSide}`)})` : outcome;
}

/** The column headings of the table of every migration (both page formats). */
export function migrationColumns(tr: Translator): string[] {
  const t = tr.t;
  return [
    t('col.id'),
    t('col.vm'),
    t('col.kind'),
    t('col.route'),
    t('col.started'),
    t('col.duration'),
    t('col.outcome'),
    t('col.error'),
    t('col.cause'),
  ];
}
