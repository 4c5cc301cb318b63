import type { Translator } from '../i18n/translator.js';
import { flowchart } from '../diagnose/diagnose-case.js';
import type { Migration, MigrationStep } from '../model/migration.js';
import { isoToMillis, millisToIso } from '../model/time.js';
import {
  buildReport,
  markerCategoryList,
  maxTimelineRows,
  reportMigration,
} from '../report/build-report.js';
import type { ReportInput, ReportModel, ReportTimelineRow } from '../report/report-model.js';
import { renderHtml, writeHtml } from '../report/render-html.js';
import { renderJson, reportJson, reportMigrationJson } from '../report/render-json.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { readCaseSummary } from '../store/case-summary.js';
import { selectMarkerCandidates } from '../store/marker-candidates.js';
import {
  migrationPagesWithoutSteps,
  selectClockSkew,
  selectMigrations,
  selectMigrationsAfter,
  selectMigrationsWithIds,
} from '../store/migrations-table.js';
import type { Store } from '../store/open-database.js';
import { selectTimeline } from '../store/timeline-query.js';
import { diagnoseStoredCase } from './run-diagnosis.js';
import { batchesOf, writeJsonStreamed, type TextSink } from './stream-json.js';

export const reportFormats = ['md', 'html', 'json'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** Characters of an HTML report gathered before each write. */
const htmlPieceLength = 64 * 1024;

/** Seconds of context kept before and after a migration in its report timeline. */
const timelineMarginInSeconds = 60;

/** The records around a migration that needs attention, for its report timeline. */
function timelineOf(db: Store, m: Migration): ReportTimelineRow[] {
  const first = m.requestedAt ?? m.startedAt ?? m.steps[0]?.time ?? null;
  const last = m.endedAt ?? m.steps.at(-1)?.time ?? first;
  const margin = (iso: string | null, sign: number) =>
    iso === null
      ? undefined
      : millisToIso(isoToMillis(iso) + sign * timelineMarginInSeconds * 1000);
  return selectTimeline(db, {
    vm: [m.vm, ...(m.vmId ? [m.vmId] : [])],
    evidence: {
      events: m.steps.filter((s) => s.evidenceTable === 'events').map((s) => s.evidenceId),
      clusterLog: m.steps.filter((s) => s.evidenceTable === 'cluster_log').map((s) => s.evidenceId),
    },
    from: margin(first, -1),
    to: margin(last, 1),
    limit: maxTimelineRows,
  });
}

/**
 * What the report is built from, with `migrations` as given (with their steps, or without
 * them) except that those that need attention always have their steps (read again for their
 * timelines). The case is diagnosed batch by batch (as `diagnose` does, without saving); only
 * the events that can become markers are read.
 */
function readReportInput(db: Store, migrations: readonly Migration[]): ReportInput {
  const { diagnoses, findings } = diagnoseStoredCase(db);
  const diagnosed = new Set(diagnoses.map((d) => d.migrationId));
  const attention = migrations
    .filter((m) => m.outcome === 'failed' || m.outcome === 'unknown' || diagnosed.has(m.id))
    .map((m) => m.id);
  const detailed = new Map(selectMigrationsWithIds(db, attention).map((m) => [m.id, m]));
  const timelines = new Map<number, ReportTimelineRow[]>();
  for (const m of detailed.values()) timelines.set(m.id, timelineOf(db, m));
  return {
    summary: readCaseSummary(db),
    migrations: migrations.map((m) => detailed.get(m.id) ?? m),
    clockSkew: selectClockSkew(db),
    diagnoses,
    findings,
    events: selectMarkerCandidates(db, markerCategoryList()),
    timelines,
    flowchart,
  };
}

/** The earliest and the latest of `steps` by time (what a migration's span is drawn from). */
function spanSteps(steps: readonly MigrationStep[]): MigrationStep[] {
  let first: MigrationStep | null = null;
  let last: MigrationStep | null = null;
  for (const step of steps) {
    const at = isoToMillis(step.time);
    if (Number.isNaN(at)) continue;
    if (first === null || at < isoToMillis(first.time)) first = step;
    if (last === null || at > isoToMillis(last.time)) last = step;
  }
  return first === null || last === null ? [] : first === last ? [first] : [first, last];
}

/** Every migration, a page at a time, keeping only the steps its span is drawn from. */
function migrationsWithSpans(db: Store): Migration[] {
  const migrations: Migration[] = [];
  const trimmed = (m: Migration): Migration => ({ ...m, steps: spanSteps(m.steps) });
  for (const page of batchesOf(selectMigrationsAfter, db, trimmed)) migrations.push(...page);
  return migrations;
}

/** Reads everything the report shows from the store and builds the report model. */
export function loadReport(db: Store): ReportModel {
  return buildReport(readReportInput(db, selectMigrations(db)));
}

/**
 * Writes the report of the stored case to `out`, with the bytes of renderReport(loadReport).
 * JSON is streamed: the model is built from the migrations without their steps, and the
 * migrations are written a page at a time, read again with their steps. Markdown lists steps
 * only of migrations that need attention, so only theirs are read; HTML also draws every
 * migration's span on the case timeline, for which two steps of each do.
 */
export function writeReport(db: Store, format: ReportFormat, tr: Translator, out: TextSink): void {
  if (format === 'html') {
    const report = buildReport(readReportInput(db, migrationsWithSpans(db)));
    // The page goes out in pieces of about 64 KiB rather than a write per line or one string.
    let pending: string[] = [];
    let pendingLength = 0;
    const flush = () => {
      if (pendingLength > 0) out.write(pending.join(''));
      pending = [];
      pendingLength = 0;
    };
    writeHtml(report, tr, (text) => {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= htmlPieceLength) flush();
    });
    flush();
    return;
  }
  const input = readReportInput(db, [...migrationPagesWithoutSteps(db)].flat());
  if (format === 'md') {
    out.write(renderReport(buildReport(input), format, tr));
    return;
  }
  const diagnosisOf = new Map(input.diagnoses.map((d) => [d.migrationId, d]));
  writeJsonStreamed(
    out,
    { ...reportJson(buildReport(input)), migrations: [] },
    'migrations',
    batchesOf(selectMigrationsAfter, db, (m) =>
      reportMigrationJson(reportMigration(m, diagnosisOf.get(m.id) ?? null, input)),
    ),
  );
}

/** The report in one format. Pure. */
export function renderReport(report: ReportModel, format: ReportFormat, tr: Translator): string {
  switch (format) {
    case 'md':
      return renderMarkdown(report, tr);
    case 'json':
      return renderJson(report);
    case 'html':
      return renderHtml(report, tr);
  }
}
