import type { Translator } from '../i18n/translator.js';
import { isoToMillis } from '../model/time.js';
import { cssToken, escapeHtml } from './html-escape.js';
import type { ReportMigration, ReportModel } from './report-model.js';

const width = 1000;
const labelWidth = 110;
const laneHeight = 46;
const topMargin = 26;
const minBarWidth = 4;

/** The times a migration spans (null when the logs hold none). Pure. */
function migrationSpan(m: ReportMigration): [number, number] | null {
  let from = Infinity;
  let to = -Infinity;
  const see = (iso: string | null) => {
    const t = iso === null ? NaN : isoToMillis(iso);
    if (t < from) from = t;
    if (t > to) to = t;
  };
  see(m.requestedAt);
  see(m.startedAt);
  see(m.endedAt);
  for (const step of m.steps) see(step.time);
  return from > to ? null : [from, to];
}

/**
 * The case on one clock as inline SVG: one lane per node, a bar per migration on its source
 * lane (from start to end, coloured by outcome) with a connector to the destination lane, and
 * network, CSV, service, node, RHS and backup events as markers. Every text is escaped and
 * only geometry goes into attributes. Pure.
 */
export function renderTimelineSvg(report: ReportModel, tr: Translator): string {
  const lines: string[] = [];
  writeTimelineSvg(report, tr, (line) => lines.push(line));
  return lines.join('\n');
}

/** Writes the lines of `renderTimelineSvg` to `line` one at a time (no line ends). */
export function writeTimelineSvg(
  report: ReportModel,
  tr: Translator,
  line: (text: string) => void,
): void {
  const unknownLane = tr.t('report.laneUnknown');
  const lanes = [...report.nodes];
  const laneOf = (node: string | null) => {
    const name = node ?? unknownLane;
    if (!lanes.includes(name)) lanes.push(name);
    return lanes.indexOf(name);
  };
  const spans = report.migrations.map((m) => migrationSpan(m));
  for (const m of report.migrations) {
    laneOf(m.sourceNode);
    laneOf(m.destinationNode);
  }
  for (const marker of report.markers) laneOf(marker.node);
  // A loop, not Math.min(...times): a large case has more times than a call takes arguments.
  let start = Infinity;
  let end = -Infinity;
  const see = (t: number) => {
    if (t < start) start = t;
    if (t > end) end = t;
  };
  for (const span of spans) if (span) span.forEach(see);
  for (const marker of report.markers) see(isoToMillis(marker.time));
  for (const t of [report.firstTime, report.lastTime]) if (t !== null) see(isoToMillis(t));
  if (start > end) [start, end] = [0, 1];
  const range = Math.max(end - start, 1000);
  const x = (millis: number) => labelWidth + ((millis - start) / range) * (width - labelWidth - 10);
  const laneY = (lane: number) => topMargin + lane * laneHeight;
  const height = topMargin + lanes.length * laneHeight + 8;
  const out = {
    push: (...texts: string[]) => {
      for (const text of texts) line(text);
    },
  };
  out.push(
    `<svg class="timeline" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="timeline-title" preserveAspectRatio="xMinYMin meet">`,
  );
  out.push(`<title id="timeline-title">${escapeHtml(tr.t('report.timelineChart'))}</title>`);
  for (let i = 0; i <= 4; i++) {
    const millis = start + (range * i) / 4;
    const iso = new Date(millis).toISOString();
    out.push(
      `<line class="tick" x1="${x(millis).toFixed(1)}" y1="14" x2="${x(millis).toFixed(1)}" y2="${height - 4}"/>`,
      `<text class="tick-label" x="${x(millis).toFixed(1)}" y="11" text-anchor="${i === 0 ? 'start' : i === 4 ? 'end' : 'middle'}">${escapeHtml(iso.slice(11, 19))}</text>`,
    );
  }
  lanes.forEach((lane, i) => {
    out.push(
      `<g class="lane" data-node="${escapeHtml(lane)}">`,
      `<rect class="lane-bg" x="0" y="${laneY(i)}" width="${width}" height="${laneHeight - 4}"/>`,
      `<text class="lane-label" x="6" y="${laneY(i) + 26}">${escapeHtml(lane, 16)}</text>`,
      '</g>',
    );
  });
  for (const marker of report.markers) {
    const t = isoToMillis(marker.time);
    if (Number.isNaN(t)) continue;
    const cx = x(t).toFixed(1);
    const y = laneY(laneOf(marker.node));
    out.push(
      `<g class="marker marker-${cssToken(marker.category)}"><title>${escapeHtml(`${tr.time(marker.time)} ${marker.node} ${tr.t(`marker.${marker.category}`)} ${marker.eventId}: ${marker.text}`, 300)}</title>`,
      `<path d="M${cx} ${y + 31} l4 7 h-8 z"/></g>`,
    );
  }
  report.migrations.forEach((m, i) => {
    const span = spans[i] ?? null;
    const [from, to] = span ?? [start, start];
    const x1 = x(from);
    const barWidth = Math.max(x(to) - x1, minBarWidth);
    const source = laneOf(m.sourceNode);
    const destination = laneOf(m.destinationNode);
    const y = laneY(source) + 8;
    const title = tr.t('report.barTitle', {
      id: m.id,
      vm: m.vm,
      source: m.sourceNode ?? '?',
      destination: m.destinationNode ?? '?',
      outcome: tr.t(`outcome.${m.outcome}`),
    });
    const when = span ? `${tr.time(m.startedAt ?? m.requestedAt)}` : tr.t('report.noTime');
    out.push(
      `<a href="#migration-${m.id}" class="bar-link"><g class="bar outcome-${cssToken(m.outcome)}${span ? '' : ' no-time'}" data-migration="${m.id}">`,
      `<title>${escapeHtml(`${title} (${when})`, 300)}</title>`,
      `<rect class="bar-rect" x="${x1.toFixed(1)}" y="${y}" width="${barWidth.toFixed(1)}" height="14" rx="2"/>`,
    );
    if (destination !== source) {
      const cx = (x1 + barWidth).toFixed(1);
      const y2 = laneY(destination) + 15;
      out.push(
        `<line class="bar-link-line" x1="${cx}" y1="${y + 7}" x2="${cx}" y2="${y2}"/>`,
        `<circle class="bar-end" cx="${cx}" cy="${y2}" r="3"/>`,
      );
    }
    out.push(`</g></a>`);
  });
  out.push('</svg>');
}
