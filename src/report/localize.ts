/**
 * Words of a report that depend on the language but come from other stages: cause titles,
 * flowchart questions, remediation, the deciding reason, gaps written by replay. Pure.
 */
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

/** A flowchart question in the report's language. */
export function questionText(_tr: Translator, step: { node: string; question: string }): string {
  return step.question;
}

/** Why the diagnosis concluded what it did, in one line. */
export function whyText(_tr: Translator, d: ReportDiagnosis | ReportFinding): string {
  return d.summary;
}

/** What to do about a diagnosis or finding. */
export function remediationText(
  _tr: Translator,
  d: ReportDiagnosis | ReportFinding,
  _conclusion: string | null,
): string {
  return d.remediation;
}

/** What one answered question found. */
export function foundText(_tr: Translator, step: PathStep): string {
  return step.summary;
}

/** A coverage gap as a sentence. */
export function coverageGapText(tr: Translator, gap: CoverageGap): string {
  switch (gap.kind) {
    case 'migration-node-without-logs':
      return tr.t('gap.migration-node-without-logs', {
        node: gap.node,
        migrations: gap.migrations.map((id) => `#${id}`).join(', '),
      });
    case 'channel-missing':
      return tr.t('gap.channel-missing', { node: gap.node, channel: gap.channel });
    case 'time-basis-unresolved':
      return tr.t('gap.time-basis-unresolved', { path: gap.path });
    case 'ingest-problems':
      return tr.t('gap.ingest-problems', { count: gap.count });
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
    .map((o) => `${tr.number(counts[o] ?? 0)} ${tr.t(`outcome.${o}`)}`)
    .join(', ');
}

/** `failed (failed at the source)` or `succeeded`. */
export function outcomeText(tr: Translator, m: ReportMigration): string {
  const outcome = tr.t(`outcome.${m.outcome}`);
  return m.failureSide
    ? `${outcome} (${tr.t('report.failedAtSide', { side: tr.t(`side.${m.failureSide}`) })})`
    : outcome;
}
