import type { Translator } from '../i18n/translator.js';
import type { EvidenceRef } from '../model/diagnosis.js';
import {
  causeTitle,
  coverageGapText,
  foundText,
  migrationColumns,
  migrationGapText,
  missingText,
  outcomeCounts,
  outcomeText,
  questionText,
  remediationText,
  timeBasisText,
  whyText,
} from './localize.js';
import type { ReportMigration, ReportModel } from './report-model.js';

/**
 * Text from a log made inert for Markdown: control characters and line breaks become spaces,
 * and every character Markdown or inline HTML would act on is backslash-escaped or an entity.
 * Pure.
 */
export function markdownText(value: string | number | null, maxLength = 400): string {
  if (value === null) return '';
  // eslint-disable-next-line no-control-regex -- control characters from logs must not reach the page
  let text = String(value).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  if (text.length > maxLength) text = `${text.slice(0, maxLength - 1)}…`;
  return text
    .replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`)
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^([-+=])/, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function table(headers: string[], rows: (string | number | null)[][]): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(headers.map((h) => markdownText(h))),
    line(headers.map(() => '---')),
    ...rows.map((r) => line(r.map((c) => markdownText(c)))),
    '',
  ];
}

function evidenceText(tr: Translator, e: EvidenceRef): string {
  return `${e.table}:${e.id}${e.node ? ` ${e.node}` : ''}${e.time ? ` ${tr.time(e.time)}` : ''} ${e.note}`;
}

/** The report as Markdown for a ticket: summary, migrations, details, advisories. Pure. */
export function renderMarkdown(report: ReportModel, tr: Translator): string {
  const t = tr.t;
  const out: string[] = [];
  const files = report.sources.reduce((n, k) => n + k.files, 0);
  const records = report.sources.reduce((n, k) => n + k.records, 0);
  out.push(`# ${t('report.title')}`, '', `_${t('report.generatedBy')}_`, '');
  out.push(`## ${t('report.summary')}`, '');
  const item = (label: string, value: string) => out.push(`- **${label}:** ${value}`);
  item(t('report.nodes'), markdownText(report.nodes.join(', ') || t('report.none')));
  item(
    t('report.timeSpan'),
    report.firstTime && report.lastTime
      ? markdownText(
          t('report.timeSpanValue', {
            from: tr.time(report.firstTime),
            to: tr.time(report.lastTime),
          }),
        )
      : t('report.unknownValue'),
  );
  item(
    t('report.sources'),
    markdownText(
      t('report.sourcesValue', { files: tr.number(files), records: tr.number(records) }),
    ),
  );
  item(
    t('report.migrations'),
    markdownText(
      report.counts.total > 0
        ? t('report.migrationsValue', {
            total: tr.number(report.counts.total),
            counts: outcomeCounts(tr, report.counts),
          })
        : tr.number(0),
    ),
  );
  item(t('report.diagnosed'), tr.number(report.counts.diagnosed));
  out.push('', `### ${t('report.coverage')}`, '');
  if (report.coverageGaps.length === 0) out.push(t('report.coverageNone'));
  for (const gap of report.coverageGaps) out.push(`- ${markdownText(coverageGapText(tr, gap))}`);
  out.push('');
  if (report.sources.length > 0) {
    out.push(`### ${t('report.filesByKind')}`, '');
    out.push(
      ...table(
        [t('col.sourceKind'), t('col.files'), t('col.records'), t('col.warnings')],
        report.sources.map((k) => [
          k.kind,
          tr.number(k.files),
          tr.number(k.records),
          tr.number(k.warnings),
        ]),
      ),
    );
  }
  if (report.clusterLogs.length > 0) {
    out.push(`### ${t('report.clusterLogs')}`, '');
    out.push(
      ...table(
        [
          t('col.node'),
          t('col.file'),
          t('col.lines'),
          t('col.timeBasis'),
          t('col.first'),
          t('col.last'),
        ],
        report.clusterLogs.map((l) => [
          l.node,
          l.path,
          tr.number(l.lines),
          timeBasisText(tr, l),
          tr.time(l.first),
          tr.time(l.last),
        ]),
      ),
    );
  }
  if (report.configuration.length > 0) {
    out.push(`### ${t('report.configuration')}`, '');
    out.push(
      ...table(
        [t('col.table'), t('col.rows'), t('col.nodes')],
        report.configuration.map((c) => [c.table, tr.number(c.rows), c.nodes.join(', ')]),
      ),
    );
  }
  if (report.problems.count > 0) {
    out.push(
      `### ${markdownText(t('report.problems', { count: tr.number(report.problems.count) }))}`,
      '',
    );
    out.push(
      ...table(
        [t('col.file'), t('col.location'), t('col.message')],
        report.problems.first.map((p) => [p.path, p.location, p.message]),
      ),
    );
  }
  const skewed = report.clockSkew.filter((s) => s.offsetS !== 0);
  if (skewed.length > 0) {
    out.push(`### ${markdownText(t('report.clockSkew', { reference: skewed[0]!.reference }))}`, '');
    out.push(
      ...table(
        [t('col.node'), t('col.offset'), t('col.pairs')],
        skewed.map((s) => [s.node, tr.number(s.offsetS), tr.number(s.pairs)]),
      ),
    );
  }
  out.push(`## ${t('report.allMigrations')}`, '');
  if (report.migrations.length === 0) out.push(t('report.noMigrations'), '');
  else
    out.push(
      ...table(
        migrationColumns(tr),
        report.migrations.map((m) => [
          m.id,
          m.vm,
          t(`kind.${m.kind}`),
          `${m.sourceNode ?? '?'} → ${m.destinationNode ?? '?'}`,
          tr.time(m.startedAt ?? m.requestedAt),
          tr.number(m.durationS),
          outcomeText(tr, m),
          m.errorCode ?? '',
          m.diagnosis ? causeTitle(tr, m.diagnosis.cause) : '',
        ]),
      ),
    );
  out.push(`## ${t('report.details')}`, '');
  const attention = report.migrations.filter((m) => m.needsAttention);
  if (attention.length === 0) out.push(t('report.noDetails'), '');
  for (const m of attention) out.push(...migrationSection(m, tr));
  out.push(`## ${t('report.advisories')}`, '');
  if (report.advisories.length === 0) out.push(t('report.noAdvisories'), '');
  for (const a of report.advisories) {
    out.push(
      `- **${markdownText(causeTitle(tr, a.cause))}** (${t(`verdict.${a.verdict}`)}): ${markdownText(whyText(tr, a))}`,
    );
    out.push(`  - ${t('report.remediation')}: ${markdownText(remediationText(tr, a, null))}`);
  }
  if (report.advisories.length > 0) out.push('');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function migrationSection(m: ReportMigration, tr: Translator): string[] {
  const t = tr.t;
  const out: string[] = [];
  out.push(
    `### ${markdownText(t('report.migrationTitle', { id: m.id, vm: m.vm, source: m.sourceNode ?? '?', destination: m.destinationNode ?? '?' }))}`,
    '',
  );
  out.push(`- ${markdownText(t('report.outcomeLine', { outcome: outcomeText(tr, m) }))}`);
  if (m.errorCode || m.errorText)
    out.push(
      `- **${t('report.error')}:** ${markdownText([m.errorCode, m.errorText].filter(Boolean).join(' '))}`,
    );
  const d = m.diagnosis;
  if (d) {
    out.push(
      `- **${t('report.cause')}:** ${markdownText(causeTitle(tr, d.cause))} (\`${d.cause}\`, ${t(`verdict.${d.verdict}`)})`,
    );
    out.push(`- **${t('report.why')}:** ${markdownText(whyText(tr, d))}`);
    out.push(
      `- **${t('report.remediation')}:** ${markdownText(remediationText(tr, d, d.conclusion))}`,
    );
    for (const missing of d.missing)
      out.push(`- **${t('report.missing')}:** ${markdownText(missingText(tr, missing))}`);
  } else {
    out.push(`- ${t('report.noDiagnosis')}`);
  }
  for (const r of m.related)
    out.push(
      `- **${t('report.also')}:** ${markdownText(causeTitle(tr, r.cause))} (${t(`verdict.${r.verdict}`)}): ${markdownText(whyText(tr, r))}`,
    );
  if (m.gaps.length > 0) {
    out.push(`- **${t('report.gaps')}:**`);
    for (const gap of m.gaps) out.push(`  - ${markdownText(migrationGapText(tr, gap))}`);
  }
  out.push('');
  if (d && d.path.length > 0) {
    out.push(`#### ${t('report.path')}`, '');
    out.push(
      ...table(
        [t('col.question'), t('col.answer'), t('col.found'), t('report.evidence')],
        d.path.map((s) => [
          questionText(tr, s),
          t(`answer.${s.answer}`),
          foundText(tr, s),
          s.evidence.map((e) => evidenceText(tr, e)).join('; '),
        ]),
      ),
    );
  }
  const timeline = m.timeline.length > 0;
  out.push(`#### ${t('report.timeline')}`, '');
  if (timeline)
    out.push(
      ...table(
        [t('col.time'), t('col.node'), t('col.what'), t('col.text')],
        m.timeline.map((r) => [tr.time(r.time), r.node, r.what, r.text]),
      ),
    );
  else
    out.push(
      ...table(
        [t('col.time'), t('col.node'), t('col.phase'), t('col.text')],
        m.steps.map((s) => [tr.time(s.time), s.node, s.phase, s.summary]),
      ),
    );
  if (m.timelineTruncated)
    out.push(
      markdownText(
        t('report.timelineCut', {
          count: m.timeline.length,
          command: `lmdoctor timeline --vm ${m.vm}`,
        }),
      ),
      '',
    );
  return out;
}
