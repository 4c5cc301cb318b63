import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { silentProgress } from '../../src/case/progress.js';
import { ingestPaths } from '../../src/case/ingest-case.js';
import { rebuildMigrations } from '../../src/case/rebuild-migrations.js';
import { loadReport } from '../../src/case/load-report.js';
import type { ReportModel } from '../../src/report/report-model.js';
import { openStore, type Store } from '../../src/store/open-database.js';
import { repoRoot } from '../support/run-cli.js';

export const sampleLogs = join(repoRoot, 'sample-logs');

/** Every sample scenario folder (those with an expected.json). */
export const sampleScenarios = readdirSync(sampleLogs, { withFileTypes: true })
  .filter(
    (entry) => entry.isDirectory() && existsSync(join(sampleLogs, entry.name, 'expected.json')),
  )
  .map((entry) => entry.name)
  .sort();

/** Runs `work` on a throwaway database holding one scenario, ingested and replayed. */
export async function withSampleCase<T>(scenario: string, work: (db: Store) => T): Promise<T> {
  const db = openStore(':memory:');
  try {
    await ingestPaths(db, [join(sampleLogs, scenario)], { force: false, jobs: 1 }, silentProgress);
    rebuildMigrations(db);
    return work(db);
  } finally {
    db.close();
  }
}

/** Ingests one scenario into a throwaway database and builds its report model. */
export function sampleReport(scenario: string): Promise<ReportModel> {
  return withSampleCase(scenario, loadReport);
}
