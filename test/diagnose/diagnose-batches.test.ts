import { describe, expect, it } from 'vitest';
import { rebuildMigrations } from '../../src/case/rebuild-migrations.js';
import { loadCaseInput, runDiagnosis, storeDiagnosisReader } from '../../src/case/run-diagnosis.js';
import { diagnoseInBatches } from '../../src/diagnose/diagnose-batches.js';
import { diagnoseCase } from '../../src/diagnose/diagnose-case.js';
import type { Finding } from '../../src/model/diagnosis.js';
import { selectFindings } from '../../src/store/findings-table.js';
import { ingestSampleScenario, sampleScenarios } from '../support/sample-scenario-store.js';

describe('diagnosis batch by batch gives what the whole-case diagnosis gives', () => {
  for (const scenario of sampleScenarios) {
    it(`${scenario}: same diagnoses and findings, in the same order, whatever the batch size`, async () => {
      const db = await ingestSampleScenario(scenario);
      try {
        rebuildMigrations(db);
        const input = loadCaseInput(db);
        const reference = diagnoseCase(input);
        for (const batchSize of [1, 2, 3, 500]) {
          const findings: Finding[] = [];
          const result = diagnoseInBatches(
            storeDiagnosisReader(db),
            (batch) => findings.push(...batch),
            batchSize,
          );
          expect(result.migrations).toBe(input.migrations.length);
          expect(result.diagnoses).toEqual(reference.diagnoses);
          expect(findings).toEqual(reference.findings);
        }
        const saved = runDiagnosis(db);
        expect(saved.findings).toEqual(reference.findings);
        expect(selectFindings(db)).toEqual(reference.findings);
      } finally {
        db.close();
      }
    });
  }
});
