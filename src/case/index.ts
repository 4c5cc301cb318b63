/**
 * lmdoctor as a library (the package's `exports`): open a case database, ingest a log folder,
 * rebuild the migrations, diagnose them and render the report, each step a plain call that
 * reports progress through a callback. The command line is a thin layer over this module.
 *
 * ```ts
 * import { openCase } from 'lmdoctor';
 * const lmCase = openCase('case.db');
 * await lmCase.ingest(['./logs']);
 * for (const m of lmCase.migrations({ outcome: 'failed' })) console.log(m.vm, m.errorCode);
 * const { diagnoses } = lmCase.diagnose();
 * lmCase.close();
 * ```
 */
import { createTranslator, type Lang } from '../i18n/translator.js';
import type { Migration } from '../model/migration.js';
import { readCaseSummary, type CaseSummary } from '../store/case-summary.js';
import { selectMigrations, type MigrationFilter } from '../store/migrations-table.js';
import { openStore, type Store } from '../store/open-database.js';
import {
  defaultIngestJobs,
  ingestPaths,
  type IngestOptions,
  type IngestReport,
} from './ingest-case.js';
import { renderReport, loadReport, type ReportFormat } from './load-report.js';
import { silentProgress, type CaseProgress } from './progress.js';
import { ensureMigrations, openCaseForReading, type ReplayResult } from './rebuild-migrations.js';
import { runDiagnosis, type DiagnosisRun } from './run-diagnosis.js';

export type { CaseProgress } from './progress.js';
export type { IngestOptions, IngestReport, FileOutcome } from './ingest-case.js';
export type { ReplayResult } from './rebuild-migrations.js';
export type { DiagnosisRun } from './run-diagnosis.js';
export type { ReportFormat } from './load-report.js';
export type { CaseSummary } from '../store/case-summary.js';
export type { MigrationFilter } from '../store/migrations-table.js';
export type { Migration, MigrationStep, ClockSkew } from '../model/migration.js';
export type { Diagnosis, Finding, EvidenceRef, PathStep } from '../model/diagnosis.js';
export type { Lang } from '../i18n/translator.js';
export { silentProgress } from './progress.js';
export { ingestPaths, describeIngest } from './ingest-case.js';
export { ensureMigrations, rebuildMigrations, openCaseForReading } from './rebuild-migrations.js';
export { runDiagnosis, diagnoseStoredCase } from './run-diagnosis.js';
export { loadReport, renderReport, writeReport, reportFormats } from './load-report.js';
export { exportCase, exportFormats, openCaseForExport } from './export-case.js';
export type { ExportFormat, ExportOptions, ExportReport } from './export-case.js';

/** One case database, opened for the pipeline's steps. */
export interface LmdoctorCase {
  /** The open SQLite database (better-sqlite3), for SQL of your own. */
  readonly store: Store;
  /** Reads files, folders or zips into the case (files already stored are skipped). */
  ingest(
    paths: readonly string[],
    options?: Partial<IngestOptions>,
    progress?: CaseProgress,
  ): Promise<IngestReport>;
  /** Rebuilds the migrations when files were ingested since the last rebuild. */
  rebuild(): ReplayResult | null;
  /** The reconstructed migrations (rebuilt first when stale), with their steps. */
  migrations(filter?: MigrationFilter): Migration[];
  /** Walks the flowchart for every migration that needs it and saves the findings. */
  diagnose(): DiagnosisRun;
  /** Sources, nodes, channels, time span and recorded problems. */
  summary(): CaseSummary;
  /** The report as text (Markdown, HTML or JSON). */
  report(format: ReportFormat, lang?: Lang): string;
  close(): void;
}

/**
 * Opens (creating it when missing) the case database at `path` (`:memory:` for one in memory)
 * for reading and writing. With `{ readOnly: true }` an existing case is opened for reading
 * only (its migrations rebuilt first when stale and the file is writable).
 */
export function openCase(path: string, options: { readOnly?: boolean } = {}): LmdoctorCase {
  const store = options.readOnly ? openCaseForReading(path) : openStore(path);
  const writable = !options.readOnly;
  const fresh = () => {
    if (writable) ensureMigrations(store);
  };
  return {
    store,
    ingest: (paths, ingestOptions = {}, progress = silentProgress) =>
      ingestPaths(
        store,
        paths,
        { force: false, jobs: defaultIngestJobs(), ...ingestOptions },
        progress,
      ),
    rebuild: () => ensureMigrations(store),
    migrations: (filter = {}) => {
      fresh();
      return selectMigrations(store, filter);
    },
    diagnose: () => {
      fresh();
      return runDiagnosis(store);
    },
    summary: () => readCaseSummary(store),
    report: (format, lang = 'en') => {
      fresh();
      return renderReport(loadReport(store), format, createTranslator(lang));
    },
    close: () => store.close(),
  };
}
