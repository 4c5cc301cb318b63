import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Option } from 'commander';
import { diagnosisEventIds } from '../diagnose/case-input.js';
import { flowchart } from '../diagnose/diagnose-case.js';
import { UsageError, UserError } from '../errors.js';
import { languages, langFromEnvironment, type Lang, type Translator } from '../i18n/translator.js';
import { isoToMillis, millisToIso } from '../model/time.js';
import { buildReport, markerEventIds, maxTimelineRows } from '../report/build-report.js';
import type { ReportInput, ReportModel, ReportTimelineRow } from '../report/report-model.js';
import { renderHtml } from '../report/render-html.js';
import { renderJson } from '../report/render-json.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { readCaseSummary } from '../store/case-summary.js';
import { selectMarkerCandidates } from '../store/marker-candidates.js';
import { selectClockSkew, selectMigrations } from '../store/migrations-table.js';
import type { Store } from '../store/open-database.js';
import { selectTimeline } from '../store/timeline-query.js';
import { diagnoseStoredCase } from './run-diagnosis.js';

export const reportFormats = ['md', 'html', 'json'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** Seconds of context kept before and after a migration in its report timeline. */
const timelineMarginInSeconds = 60;

/** `--lang en|pt-BR`, defaulting to the environment's locale. */
export function langOption(): Option {
  return new Option('--lang <lang>', 'language of the output (default: from LANG/LC_ALL)')
    .choices(languages)
    .default(langFromEnvironment(process.env), 'from the locale');
}

/** The report format a file name asks for (`.md`, `.markdown`, `.html`, `.htm`, `.json`). Pure. */
export function reportFormatOfFile(file: string): ReportFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.json') return 'json';
  throw new UsageError(
    `cannot tell the report format of "${file}"`,
    'name the report file .md, .html or .json',
  );
}

/**
 * Reads everything the report shows from the store and builds the report model. The case is
 * diagnosed batch by batch (as `diagnose` does, without saving), and only the events that can
 * become markers are read; every migration with its steps is held, as the model lists them.
 */
export function loadReport(db: Store): ReportModel {
  const { diagnoses, findings } = diagnoseStoredCase(db);
  const migrations = selectMigrations(db);
  const diagnosed = new Set(diagnoses.map((d) => d.migrationId));
  const timelines = new Map<number, ReportTimelineRow[]>();
  for (const m of migrations) {
    if (m.outcome !== 'failed' && m.outcome !== 'unknown' && !diagnosed.has(m.id)) continue;
    const first = m.requestedAt ?? m.startedAt ?? m.steps[0]?.time ?? null;
    const last = m.endedAt ?? m.steps.at(-1)?.time ?? first;
    const margin = (iso: string | null, sign: number) =>
      iso === null
        ? undefined
        : millisToIso(isoToMillis(iso) + sign * timelineMarginInSeconds * 1000);
    timelines.set(
      m.id,
      selectTimeline(db, {
        vm: [m.vm, ...(m.vmId ? [m.vmId] : [])],
        evidence: {
          events: m.steps.filter((s) => s.evidenceTable === 'events').map((s) => s.evidenceId),
          clusterLog: m.steps
            .filter((s) => s.evidenceTable === 'cluster_log')
            .map((s) => s.evidenceId),
        },
        from: margin(first, -1),
        to: margin(last, 1),
        limit: maxTimelineRows,
      }),
    );
  }
  const input: ReportInput = {
    summary: readCaseSummary(db),
    migrations,
    clockSkew: selectClockSkew(db),
    diagnoses,
    findings,
    events: selectMarkerCandidates(db, diagnosisEventIds, markerEventIds()),
    timelines,
    flowchart,
  };
  return buildReport(input);
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

/** Writes a report file; errors name the file. */
export function writeReportFile(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new UserError(
      `cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`,
      'check the path and that its folder exists',
    );
  }
}

export type { Lang };
