import { describe, expect, it } from 'vitest';
import { renderFindingsText } from '../../src/cli/render-diagnosis.js';
import { renderMigrationsText } from '../../src/cli/render-migrations.js';
import { renderSummaryText } from '../../src/cli/render-summary.js';
import { runDiagnosis } from '../../src/case/run-diagnosis.js';
import { flowchart } from '../../src/diagnose/diagnose-case.js';
import { messagesEn, type MessageKey } from '../../src/i18n/messages-en.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { readCaseSummary } from '../../src/store/case-summary.js';
import { selectClockSkew, selectMigrations } from '../../src/store/migrations-table.js';
import { withSampleCase } from './sample-cases.js';

/** The analyze summary of a scenario, rendered in-process in one language. */
async function terminalText(
  scenario: string,
  lang: 'en' | 'pt-BR',
): Promise<{ text: string; sentences: string[] }> {
  return withSampleCase(scenario, (db) => {
    const tr = createTranslator(lang);
    const migrations = selectMigrations(db);
    const { diagnoses, findings } = runDiagnosis(db);
    const text =
      renderSummaryText(readCaseSummary(db), tr) +
      renderMigrationsText(migrations, selectClockSkew(db), tr) +
      renderFindingsText(migrations, findings, tr);
    const sentences = [
      ...findings.flatMap((f) => [f.summary, f.remediation]),
      ...diagnoses.flatMap((d) => d.path.map((s) => s.summary)),
    ];
    return { text, sentences };
  });
}

const englishPhrases = (Object.keys(messagesEn) as MessageKey[])
  .map((k) => messagesEn[k])
  .flatMap((m) => m.split(/\{\w+\}/))
  .map((part) => part.trim())
  .filter((part) => /[a-z]{2,} [a-z]{2,}/i.test(part));

describe('the analyze summary in pt-BR', () => {
  for (const scenario of ['bad-day', 'damaged-evtx-chunk', 'node-down-during-migration']) {
    it(`${scenario}: no English UI text, flowchart text or check sentence`, async () => {
      const { text, sentences } = await terminalText(scenario, 'pt-BR');
      const english = [
        ...englishPhrases,
        ...Object.values(flowchart.nodes).map((n) =>
          n.kind === 'question' ? n.question : n.remediation,
        ),
        ...sentences,
      ];
      for (const phrase of english) expect(text.includes(phrase), phrase).toBe(false);
      expect(text).toMatch(/^Análise do lmdoctor\n/);
    });
  }

  it('English stays as it was written before the catalogue', async () => {
    const { text } = await terminalText('bad-day', 'en');
    expect(text).toMatch(
      /^lmdoctor analysis\n\nSources: 30 files, 2628 records, 3 nodes \(HV01, HV02, HV03\)\n/,
    );
    expect(text).toContain('Migrations: 7 (4 succeeded, 3 failed)');
    expect(text).toContain('#3 APP10 HV01 -> HV03: failed at the source');
    expect(text).toContain('Diagnosis: 4 migration(s)');
  });
});
