import { describe, expect, it } from 'vitest';
import { rebuildMigrations } from '../../src/case/rebuild-migrations.js';
import { migrationsTextChunks, renderMigrationsText } from '../../src/cli/render-migrations.js';
import { createTranslator } from '../../src/i18n/translator.js';
import {
  migrationPagesWithoutSteps,
  selectClockSkew,
  selectMigrations,
} from '../../src/store/migrations-table.js';
import { ingestSampleScenario, sampleScenarios } from '../support/sample-scenario-store.js';

describe('the analyze migrations text, page by page', () => {
  for (const scenario of sampleScenarios) {
    it(`${scenario}: the same text whatever the page size, in both languages`, async () => {
      const db = await ingestSampleScenario(scenario);
      try {
        rebuildMigrations(db);
        const skew = selectClockSkew(db);
        for (const lang of ['en', 'pt-BR'] as const) {
          const tr = createTranslator(lang);
          const whole = renderMigrationsText(selectMigrations(db), skew, tr);
          for (const pageSize of [1, 2, 7, 1000]) {
            const pages = () => migrationPagesWithoutSteps(db, pageSize);
            expect([...migrationsTextChunks(pages, skew, tr)].join('')).toBe(whole);
          }
        }
      } finally {
        db.close();
      }
    });
  }
});
