import { describe, expect, it } from 'vitest';
import { flowchart } from '../../src/diagnose/diagnose-case.js';
import { advicePtBr, questionsPtBr, remediesPtBr } from '../../src/i18n/flowchart-pt-br.js';
import { messagesEn, type MessageKey } from '../../src/i18n/messages-en.js';
import { messagesPtBr } from '../../src/i18n/messages-pt-br.js';
import { createTranslator, langFromEnvironment } from '../../src/i18n/translator.js';
import { advisoryCauses, failureCauses } from '../../src/model/diagnosis.js';
import { escapeHtml } from '../../src/report/html-escape.js';
import type { ReportModel } from '../../src/report/report-model.js';
import { renderHtml } from '../../src/report/render-html.js';
import { markdownText, renderMarkdown } from '../../src/report/render-markdown.js';
import { sampleReport, sampleScenarios } from './sample-cases.js';

/** Messages that are the same words in both languages (symbols, acronyms, loanwords). */
const sameInBothLanguages = new Set<MessageKey>([
  'report.unknownValue',
  'report.migrationsValue',
  'report.answerTo',
  'report.whyStep',
  'col.vm',
  'marker.csv',
  'marker.rhs',
  'marker.backup',
  'kind.failover',
  'basis.utc',
  'term.diagnosisLine',
  'term.advisoryLine',
]);

const keys = Object.keys(messagesEn) as MessageKey[];

/** English texts a Portuguese report must not contain: catalogue, flowchart and the checks' own sentences. */
function englishTexts(report: ReportModel): string[] {
  const texts = keys
    .filter((k) => !sameInBothLanguages.has(k))
    .map((k) => messagesEn[k].replace(/\{\w+\}/g, '\u0000'))
    .flatMap((m) => m.split('\u0000'))
    .map((part) => part.trim())
    // Several words: single words also occur in class names and log text.
    .filter((part) => /[a-z]{2,} [a-z]{2,}/i.test(part));
  for (const node of Object.values(flowchart.nodes))
    texts.push(node.kind === 'question' ? node.question : node.remediation);
  for (const m of report.migrations) {
    const d = m.diagnosis;
    if (!d) continue;
    texts.push(d.summary, d.remediation, ...d.path.map((s) => s.summary));
    for (const missing of d.missing) texts.push(missing.input);
  }
  for (const f of [...report.advisories, ...report.migrations.flatMap((m) => m.related)])
    texts.push(f.summary, f.remediation);
  return [...new Set(texts.filter((t) => t.length >= 6))];
}

describe('the pt-BR catalogue', () => {
  it('translates every message (only symbols and loanwords may stay as in English)', () => {
    const untranslated = keys.filter(
      (k) => messagesPtBr[k] === messagesEn[k] && !sameInBothLanguages.has(k),
    );
    expect(untranslated).toEqual([]);
  });

  it('keeps every {slot} of the English message', () => {
    for (const k of keys) {
      const slots = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();
      expect(slots(messagesPtBr[k]), k).toEqual(slots(messagesEn[k]));
    }
  });

  it('has a question for every question node, a remedy for every conclusion, advice for every cause', () => {
    for (const [id, node] of Object.entries(flowchart.nodes)) {
      const table = node.kind === 'question' ? questionsPtBr : remediesPtBr;
      expect(table[id], id).toBeTruthy();
    }
    for (const cause of [...failureCauses, ...advisoryCauses])
      expect(advicePtBr[cause], cause).toBeTruthy();
  });

  it('dates and numbers follow the language', () => {
    const pt = createTranslator('pt-BR');
    const en = createTranslator('en');
    expect(pt.time('2016-09-14T08:02:14.4267834Z')).toBe('14/09/2016 08:02:14.426');
    expect(en.time('2016-09-14T08:02:14.4267834Z')).toBe('09/14/2016 08:02:14.426');
    expect(pt.number(2628.5)).toBe('2.628,5');
    expect(en.number(2628.5)).toBe('2,628.5');
  });

  it('the default language comes from the locale', () => {
    expect(langFromEnvironment({ LANG: 'pt_BR.UTF-8' })).toBe('pt-BR');
    expect(langFromEnvironment({ LC_ALL: 'pt_PT.UTF-8', LANG: 'en_US.UTF-8' })).toBe('pt-BR');
    expect(langFromEnvironment({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(langFromEnvironment({})).toBe('en');
  });
});

describe('reports in pt-BR contain no English UI text', () => {
  const pt = createTranslator('pt-BR');
  for (const scenario of sampleScenarios) {
    it(scenario, async () => {
      const report = await sampleReport(scenario);
      const md = renderMarkdown(report, pt);
      const html = renderHtml(report, pt);
      // The logs' own words stay as written: a UI phrase inside a failure text proves nothing.
      const logWords = report.migrations.map((m) => m.errorText ?? '').join('\n');
      for (const text of englishTexts(report)) {
        if (logWords.includes(text)) continue;
        expect(md.includes(markdownText(text, 100_000)), `Markdown: ${text}`).toBe(false);
        expect(html.includes(escapeHtml(text, 100_000)), `HTML: ${text}`).toBe(false);
      }
      expect(html).toContain('<html lang="pt-BR">');
    });
  }
});
