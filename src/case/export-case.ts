import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { caseIdentity, type CaseIdentity } from '../export/case-identity.js';
import { casePartition } from '../export/partition-path.js';
import {
  exportTables,
  hasUndiagnosedMigrations,
  readCaseIdentityFacts,
  tableExists,
} from '../store/export-tables.js';
import { openStore, openStoreReadOnly, type Store } from '../store/open-database.js';
import { exportLines } from './export-lines.js';
import {
  exportParquetDataset,
  type DatasetExport,
  type ParquetJob,
  type ParquetJobResult,
} from './export-parquet.js';
import type { CaseProgress } from './progress.js';
import { openCaseForReading } from './rebuild-migrations.js';
import { runDiagnosis } from './run-diagnosis.js';

export const exportFormats = ['parquet', 'ecs', 'timesketch'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportOptions {
  format: ExportFormat;
  /** Folder written into (created when missing); other cases' files in it are kept. */
  output: string;
  caseId?: string;
  cluster?: string;
  /**
   * Threads for Parquet (default 1): with 2 or more and a database file, the cluster log
   * lines and migration steps are written on a second thread while this one writes the rest.
   */
  jobs?: number;
  /** The database file, which a second thread opens itself. */
  dbPath?: string;
}

/** What an export wrote. */
export interface ExportReport {
  identity: CaseIdentity;
  datasets: DatasetExport[];
  /** Datasets not written, with the reason (a table this database does not have). */
  skipped: { name: string; reason: string }[];
  /** Values written as null because they mean nothing in their column's type, by column. */
  badValues: { column: string; count: number }[];
  /** Records left out of a timeline format because they have no UTC time, by dataset. */
  untimed: { name: string; count: number }[];
  /** Files written (NDJSON / JSONL formats) or dataset folders (Parquet). */
  paths: string[];
}

/**
 * Opens a case database for export: migrations rebuilt when files were ingested since, and
 * diagnosed (findings saved) when they never were, so the export holds what `analyze` shows.
 */
export function openCaseForExport(path: string, progress: CaseProgress): Store {
  const db = openCaseForReading(path);
  if (path === ':memory:' || !hasUndiagnosedMigrations(db)) return db;
  db.close();
  progress.info('diagnosing the migrations first (the case was never diagnosed)');
  const writable = openStore(path);
  try {
    runDiagnosis(writable);
  } finally {
    writable.close();
  }
  return openStoreReadOnly(path);
}

function createdBy(): string {
  const url = new URL('../../package.json', import.meta.url);
  const { version } = JSON.parse(readFileSync(url, 'utf8')) as { version: string };
  return `lmdoctor version ${version}`;
}

/**
 * Exports a stored case into `options.output` in one of the formats. Parquet datasets are
 * written into a staging folder first and then replace this case's folders, so a second
 * export of the same case replaces the first and an interrupted one leaves the old in place.
 */
export async function exportCase(
  db: Store,
  options: ExportOptions,
  progress: CaseProgress,
): Promise<ExportReport> {
  const facts = readCaseIdentityFacts(db);
  const identity = caseIdentity(facts, options);
  mkdirSync(options.output, { recursive: true });
  switch (options.format) {
    case 'parquet':
      return exportParquet(db, identity, options, progress);
    case 'ecs':
    case 'timesketch': {
      const lines = exportLines(db, options.format, identity, options.output, facts.firstTime);
      for (const d of lines.datasets)
        progress.info(`${d.name}: ${d.rows.toLocaleString('en-US')} records`);
      return {
        identity,
        datasets: lines.datasets,
        skipped: [],
        badValues: [],
        untimed: lines.untimed,
        paths: lines.paths,
      };
    }
  }
}

/** Datasets a second thread writes, when there is one: the largest after events. */
const secondThreadTables = ['cluster_log', 'migration_steps'];

function runWorker(job: ParquetJob): Promise<ParquetJobResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./export-worker.js', import.meta.url), { workerData: job });
    let result: ParquetJobResult | null = null;
    worker.on('message', (message: ParquetJobResult) => (result = message));
    worker.on('error', reject);
    worker.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`export thread ended with code ${code}`)),
    );
  });
}

async function exportParquet(
  db: Store,
  identity: CaseIdentity,
  options: ExportOptions,
  progress: CaseProgress,
): Promise<ExportReport> {
  const output = options.output;
  const staging = join(output, `.lmdoctor-staging-${identity.caseId}`);
  rmSync(staging, { recursive: true, force: true });
  const report: ExportReport = {
    identity,
    datasets: [],
    skipped: [],
    badValues: [],
    untimed: [],
    paths: [],
  };
  const bad = new Map<string, number>();
  const by = createdBy();
  try {
    const present = exportTables.filter((table) => {
      if (tableExists(db, table.table)) return true;
      report.skipped.push({
        name: table.name,
        reason: `this database has no ${table.table} table${table.optional ? '' : ' (made by an older lmdoctor?)'}`,
      });
      return false;
    });
    const parallel =
      (options.jobs ?? 1) > 1 && options.dbPath !== undefined && options.dbPath !== ':memory:';
    const elsewhere = parallel
      ? present.filter((t) => secondThreadTables.includes(t.name)).map((t) => t.name)
      : [];
    const second =
      elsewhere.length > 0
        ? runWorker({
            dbPath: options.dbPath!,
            tables: elsewhere,
            identity,
            root: staging,
            createdBy: by,
          })
        : null;
    // A failure here still waits for the other thread before the staging folder goes.
    second?.catch(() => undefined);
    const written = new Map<string, DatasetExport>();
    try {
      for (const table of present) {
        if (elsewhere.includes(table.name)) continue;
        const done = exportParquetDataset(db, table, identity, staging, by, bad);
        progress.info(`${done.name}: ${done.rows.toLocaleString('en-US')} rows`);
        written.set(done.name, done);
      }
    } finally {
      const other = second ? await second : null;
      for (const done of other?.datasets ?? []) {
        progress.info(`${done.name}: ${done.rows.toLocaleString('en-US')} rows`);
        written.set(done.name, done);
      }
      for (const [column, count] of other?.bad ?? [])
        bad.set(column, (bad.get(column) ?? 0) + count);
    }
    report.datasets = present.map((t) => written.get(t.name)!);
    for (const { name } of report.datasets) {
      const from = join(staging, name, casePartition(identity.caseId));
      const to = join(output, name, casePartition(identity.caseId));
      rmSync(to, { recursive: true, force: true });
      mkdirSync(join(output, name), { recursive: true });
      if (existsSync(from)) renameSync(from, to);
      report.paths.push(to);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  report.badValues = [...bad].map(([column, count]) => ({ column, count }));
  return report;
}
