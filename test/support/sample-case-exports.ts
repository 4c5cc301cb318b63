import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCase, type ExportFormat, type ExportReport } from '../../src/case/export-case.js';
import { silentProgress } from '../../src/case/progress.js';
import { rebuildMigrations } from '../../src/case/rebuild-migrations.js';
import { runDiagnosis } from '../../src/case/run-diagnosis.js';
import type { Store } from '../../src/store/open-database.js';
import { ingestSampleScenario, sampleScenarios } from './sample-scenario-store.js';

/** One sample case: its database (analysed as `analyze` does) and what its export wrote. */
export interface ExportedSample {
  scenario: string;
  db: Store;
  report: ExportReport;
}

/** Every sample scenario analysed in memory and exported into one folder, side by side. */
export async function exportEverySample(
  format: ExportFormat,
): Promise<{ folder: string; cases: ExportedSample[] }> {
  const folder = mkdtempSync(join(tmpdir(), `lmdoctor-export-${format}-`));
  const cases: ExportedSample[] = [];
  for (const scenario of sampleScenarios) {
    const db = await ingestSampleScenario(scenario);
    rebuildMigrations(db);
    runDiagnosis(db);
    const report = await exportCase(db, { format, output: folder }, silentProgress);
    cases.push({ scenario, db, report });
  }
  return { folder, cases };
}
