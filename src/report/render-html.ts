import { createHash } from 'node:crypto';
import type { Translator } from '../i18n/translator.js';
import type { EvidenceRef } from '../model/diagnosis.js';
import { cssToken, escapeHtml } from './html-escape.js';
import { reportCss } from './html-style.js';
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
import { writeTimelineSvg } from './render-html-timeline.js';
import type { ReportFlowchart, ReportMigration, ReportModel } from './report-model.js';

/**
 * The page's Content Security Policy: nothing may load or run; only the report's own style
 * sheet (allowed by its hash) applies. No scripts, images, fonts, frames, forms or fetches.
 */
export function reportCsp(css: string): string {
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  return [
    "default-src 'none'",
    `style-src 'sha256-${hash}'`,
    "script-src 'none'",
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

type Cell = string | number | null | { html: string } | { num: string };

function cell(value: Cell): string {
  if (value !== null && typeof value === 'object')
    return 'html' in value
      ? `<td>${value.html}</td>`
      : `<td class="num">${escapeHtml(value.num)}</td>`;
  const text = escapeHtml(value);
  return text.length > 40 ? `<td class="long">${text}</td>` : `<td>${text}</td>`;
}

function tableHead(headers: string[]): string {
  return `<table><thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>`;
}

function tableRow(row: Cell[]): string {
  return `<tr>${row.map(cell).join('')}</tr>`;
}

function table(headers: string[], rows: Cell[][]): string {
  return `${tableHead(headers)}${rows.map(tableRow).join('')}</tbody></table>`;
}

function evidenceHtml(tr: Translator, list: EvidenceRef[]): string {
  if (list.length === 0) return '';
  return list
    .map(
      (e) =>
        `<div><span class="mono">${escapeHtml(`${e.table}:${e.id}`)}</span> ${escapeHtml(e.node)} ${escapeHtml(e.time ? tr.time(e.time) : '')} ${escapeHtml(e.note)}</div>`,
    )
    .join('');
}

/** The report as one self-contained HTML page: no script, no external file, strict CSP. Pure. */
export function renderHtml(report: ReportModel, tr: Translator): string {
  const parts: string[] = [];
  writeHtml(report, tr, (text) => parts.push(text));
  return parts.join('');
}

/**
 * Writes the page of `renderHtml` to `write` piece by piece (a line, a table row, a timeline
 * bar), so that the page of a large case never sits in memory as one string.
 */
export function writeHtml(
  report: ReportModel,
  tr: Translator,
  write: (text: string) => void,
): void {
  const t = tr.t;
  const files = report.sources.reduce((n, k) => n + k.files, 0);
  const records = report.sources.reduce((n, k) => n + k.records, 0);
  // Each piece is a line of the page.
  const out = {
    push: (...lines: string[]) => {
      for (const line of lines) write(`${line}\n`);
    },
  };
  out.push(
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(t('report.lang'))}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(reportCsp(reportCss))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(t('report.title'))}</title>`,
    `<style>${reportCss}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(t('report.title'))}</h1><p class="muted">${escapeHtml(t('report.generatedBy'))}</p></header>`,
    '<main>',
  );
  const card = (label: string, value: string, tone = '') =>
    `<div class="card${tone ? ` ${tone}` : ''}"><span class="value">${escapeHtml(value)}</span>${escapeHtml(label)}</div>`;
  out.push(
    `<section aria-label="${escapeHtml(t('report.summary'))}"><div class="cards">`,
    card(t('report.card.nodes'), tr.number(report.nodes.length)),
    card(t('report.card.migrations'), tr.number(report.counts.total)),
    card(
      t('report.card.failed'),
      tr.number(report.counts.failed + report.counts.unknown),
      report.counts.failed + report.counts.unknown > 0 ? 'bad' : '',
    ),
    card(t('report.card.diagnosed'), tr.number(report.counts.diagnosed)),
    card(
      t('report.card.gaps'),
      tr.number(report.coverageGaps.length),
      report.coverageGaps.length > 0 ? 'warn' : '',
    ),
    card(
      t('report.card.advisories'),
      tr.number(report.advisories.length),
      report.advisories.length > 0 ? 'warn' : '',
    ),
    '</div>',
  );
  out.push(`<h2>${escapeHtml(t('report.summary'))}</h2><ul>`);
  const item = (label: string, value: string) =>
    out.push(`<li><strong>${escapeHtml(label)}:</strong> ${escapeHtml(value)}</li>`);
  item(t('report.nodes'), report.nodes.join(', ') || t('report.none'));
  item(
    t('report.timeSpan'),
    report.firstTime && report.lastTime
      ? t('report.timeSpanValue', { from: tr.time(report.firstTime), to: tr.time(report.lastTime) })
      : t('report.unknownValue'),
  );
  item(
    t('report.sources'),
    t('report.sourcesValue', { files: tr.number(files), records: tr.number(records) }),
  );
  item(
    t('report.migrations'),
    report.counts.total > 0
      ? t('report.migrationsValue', {
          total: tr.number(report.counts.total),
          counts: outcomeCounts(tr, report.counts),
        })
      : tr.number(0),
  );
  out.push('</ul>');
  out.push(`<h3>${escapeHtml(t('report.coverage'))}</h3>`);
  out.push(
    report.coverageGaps.length === 0
      ? `<p>${escapeHtml(t('report.coverageNone'))}</p>`
      : `<ul>${report.coverageGaps.map((g) => `<li>${escapeHtml(coverageGapText(tr, g))}</li>`).join('')}</ul>`,
  );
  out.push(
    `<details><summary>${escapeHtml(t('report.filesByKind'))}, ${escapeHtml(t('report.channels'))}, ${escapeHtml(t('report.clusterLogs'))}</summary>`,
  );
  out.push(
    `<h3>${escapeHtml(t('report.filesByKind'))}</h3>`,
    table(
      [t('col.sourceKind'), t('col.files'), t('col.records'), t('col.warnings')],
      report.sources.map((k) => [
        k.kind,
        { num: tr.number(k.files) },
        { num: tr.number(k.records) },
        { num: tr.number(k.warnings) },
      ]),
    ),
    `<h3>${escapeHtml(t('report.channels'))}</h3>`,
    table(
      [t('col.node'), t('col.channel'), t('col.events'), t('col.first'), t('col.last')],
      report.channels.map((c) => [
        c.node,
        c.channel,
        { num: tr.number(c.events) },
        tr.time(c.first),
        tr.time(c.last),
      ]),
    ),
  );
  if (report.clusterLogs.length > 0)
    out.push(
      `<h3>${escapeHtml(t('report.clusterLogs'))}</h3>`,
      table(
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
          { num: tr.number(l.lines) },
          timeBasisText(tr, l),
          tr.time(l.first),
          tr.time(l.last),
        ]),
      ),
    );
  if (report.configuration.length > 0)
    out.push(
      `<h3>${escapeHtml(t('report.configuration'))}</h3>`,
      table(
        [t('col.table'), t('col.rows'), t('col.nodes')],
        report.configuration.map((c) => [c.table, { num: tr.number(c.rows) }, c.nodes.join(', ')]),
      ),
    );
  if (report.problems.count > 0)
    out.push(
      `<h3>${escapeHtml(t('report.problems', { count: tr.number(report.problems.count) }))}</h3>`,
      table(
        [t('col.file'), t('col.location'), t('col.message')],
        report.problems.first.map((p) => [p.path, p.location, p.message]),
      ),
    );
  const skewed = report.clockSkew.filter((s) => s.offsetS !== 0);
  if (skewed.length > 0)
    out.push(
      `<h3>${escapeHtml(t('report.clockSkew', { reference: skewed[0]!.reference }))}</h3>`,
      table(
        [t('col.node'), t('col.offset'), t('col.pairs')],
        skewed.map((s) => [s.node, { num: tr.number(s.offsetS) }, { num: tr.number(s.pairs) }]),
      ),
    );
  out.push('</details></section>');
  out.push(
    `<section><h2>${escapeHtml(t('report.timelineChart'))}</h2><p class="note">${escapeHtml(t('report.timelineChartNote'))}</p>`,
  );
  writeTimelineSvg(report, tr, (line) => out.push(line));
  out.push(
    `<p class="legend">${(['succeeded', 'failed', 'unknown'] as const)
      .map(
        (o) =>
          `<span><span class="swatch outcome-${o}"></span>${escapeHtml(t(`outcome.${o}`))}</span>`,
      )
      .join('')}${(['network', 'csv', 'node', 'service'] as const)
      .map(
        (c) =>
          `<span><span class="swatch marker-${c}"></span>${escapeHtml(t(`marker.${c}`))}</span>`,
      )
      .join('')}</p></section>`,
  );
  out.push(`<section><h2>${escapeHtml(t('report.allMigrations'))}</h2>`);
  if (report.migrations.length === 0) out.push(`<p>${escapeHtml(t('report.noMigrations'))}</p>`);
  else {
    // One row at a time: the table of a large case is most of the page.
    write(tableHead(migrationColumns(tr)));
    for (const m of report.migrations)
      write(
        tableRow([
          m.needsAttention
            ? { html: `<a href="#migration-${m.id}">${m.id}</a>` }
            : { num: String(m.id) },
          m.vm,
          t(`kind.${m.kind}`),
          `${m.sourceNode ?? '?'} → ${m.destinationNode ?? '?'}`,
          tr.time(m.startedAt ?? m.requestedAt),
          { num: tr.number(m.durationS) },
          {
            html: `<span class="outcome-${cssToken(m.outcome)}">${escapeHtml(outcomeText(tr, m))}</span>`,
          },
          m.errorCode,
          m.diagnosis ? causeTitle(tr, m.diagnosis.cause) : '',
        ]),
      );
    write('</tbody></table>\n');
  }
  out.push('</section>');
  out.push(`<section><h2>${escapeHtml(t('report.details'))}</h2>`);
  const attention = report.migrations.filter((m) => m.needsAttention);
  if (attention.length === 0) out.push(`<p>${escapeHtml(t('report.noDetails'))}</p>`);
  for (const m of attention) out.push(migrationHtml(m, report.flowchart, tr));
  out.push('</section>');
  out.push(`<section><h2>${escapeHtml(t('report.advisories'))}</h2>`);
  out.push(
    report.advisories.length === 0
      ? `<p>${escapeHtml(t('report.noAdvisories'))}</p>`
      : `<ul>${report.advisories
          .map(
            (a) =>
              `<li><strong>${escapeHtml(causeTitle(tr, a.cause))}</strong> (${escapeHtml(t(`verdict.${a.verdict}`))}): ${escapeHtml(whyText(tr, a))}<br>${escapeHtml(t('report.remediation'))}: ${escapeHtml(remediationText(tr, a, null))}</li>`,
          )
          .join('')}</ul>`,
  );
  out.push('</section></main></body></html>');
}

function migrationHtml(m: ReportMigration, chart: ReportFlowchart | null, tr: Translator): string {
  const t = tr.t;
  const out: string[] = [];
  out.push(
    `<article class="migration" id="migration-${m.id}">`,
    `<h3>${escapeHtml(t('report.migrationTitle', { id: m.id, vm: m.vm, source: m.sourceNode ?? '?', destination: m.destinationNode ?? '?' }))}</h3>`,
    '<ul>',
    `<li class="outcome-${cssToken(m.outcome)}">${escapeHtml(t('report.outcomeLine', { outcome: outcomeText(tr, m) }))}</li>`,
  );
  if (m.errorCode || m.errorText)
    out.push(
      `<li><strong>${escapeHtml(t('report.error'))}:</strong> <span class="mono">${escapeHtml([m.errorCode, m.errorText].filter(Boolean).join(' '))}</span></li>`,
    );
  const d = m.diagnosis;
  if (d) {
    out.push(
      `<li><strong>${escapeHtml(t('report.cause'))}:</strong> ${escapeHtml(causeTitle(tr, d.cause))} (<code>${escapeHtml(d.cause)}</code>, <span class="verdict">${escapeHtml(t(`verdict.${d.verdict}`))}</span>)</li>`,
      `<li><strong>${escapeHtml(t('report.why'))}:</strong> ${escapeHtml(whyText(tr, d))}</li>`,
      `<li><strong>${escapeHtml(t('report.remediation'))}:</strong> ${escapeHtml(remediationText(tr, d, d.conclusion))}</li>`,
    );
    for (const missing of d.missing)
      out.push(
        `<li><strong>${escapeHtml(t('report.missing'))}:</strong> ${escapeHtml(missingText(tr, missing))}</li>`,
      );
  } else out.push(`<li>${escapeHtml(t('report.noDiagnosis'))}</li>`);
  for (const r of m.related)
    out.push(
      `<li><strong>${escapeHtml(t('report.also'))}:</strong> ${escapeHtml(causeTitle(tr, r.cause))} (${escapeHtml(t(`verdict.${r.verdict}`))}): ${escapeHtml(whyText(tr, r))}</li>`,
    );
  if (m.gaps.length > 0)
    out.push(
      `<li><strong>${escapeHtml(t('report.gaps'))}:</strong> ${m.gaps.map((g) => escapeHtml(migrationGapText(tr, g))).join('; ')}</li>`,
    );
  out.push('</ul>');
  if (d && d.path.length > 0) {
    out.push(`<h4>${escapeHtml(t('report.path'))}</h4>`);
    out.push(
      table(
        [t('col.question'), t('col.answer'), t('col.found'), t('report.evidence')],
        d.path.map((s) => [
          questionText(tr, s),
          {
            html: `<span class="answer-${cssToken(s.answer)}">${escapeHtml(t(`answer.${s.answer}`))}</span>`,
          },
          foundText(tr, s),
          { html: evidenceHtml(tr, s.evidence) },
        ]),
      ),
    );
    if (chart)
      out.push(
        flowchartHtml(
          chart,
          d.path.map((s) => s.node),
          d.conclusion,
          tr,
        ),
      );
  }
  out.push(`<h4>${escapeHtml(t('report.timeline'))}</h4>`);
  out.push(
    m.timeline.length > 0
      ? table(
          [t('col.time'), t('col.node'), t('col.what'), t('col.text')],
          m.timeline.map((r) => [
            { html: `<span class="mono">${escapeHtml(tr.time(r.time))}</span>` },
            r.node,
            r.what,
            r.text,
          ]),
        )
      : table(
          [t('col.time'), t('col.node'), t('col.phase'), t('col.text')],
          m.steps.map((s) => [
            { html: `<span class="mono">${escapeHtml(tr.time(s.time))}</span>` },
            s.node,
            s.phase,
            s.summary,
          ]),
        ),
  );
  if (m.timelineTruncated)
    out.push(
      `<p class="note">${escapeHtml(t('report.timelineCut', { count: m.timeline.length, command: `lmdoctor timeline --vm ${m.vm}` }))}</p>`,
    );
  out.push('</article>');
  return out.join('\n');
}

/** The whole flowchart as a list, the questions on the path and the conclusion reached highlighted. */
function flowchartHtml(
  chart: ReportFlowchart,
  taken: string[],
  reached: string,
  tr: Translator,
): string {
  const t = tr.t;
  const onPath = new Set(taken);
  const items = chart.nodes.map((node) => {
    const cls =
      node.id === reached ? ' class="reached"' : onPath.has(node.id) ? ' class="taken"' : '';
    const label =
      node.kind === 'question'
        ? questionText(tr, { node: node.id, question: node.text })
        : `→ ${node.cause ? causeTitle(tr, node.cause) : node.text}`;
    const edges =
      node.kind === 'question'
        ? ` <span class="muted">(${escapeHtml(t('answer.yes'))}: ${escapeHtml(node.yes)}; ${escapeHtml(t('answer.no'))}: ${escapeHtml(node.no)}; ${escapeHtml(t('answer.unknown'))}: ${escapeHtml(node.unknown)})</span>`
        : '';
    return `<li${cls} data-node="${escapeHtml(node.id)}"><span class="mono">${escapeHtml(node.id)}</span> ${escapeHtml(label)}${edges}</li>`;
  });
  return `<details open><summary>${escapeHtml(t('report.flowchartFull'))}</summary><ul class="chart">${items.join('')}</ul></details>`;
}
