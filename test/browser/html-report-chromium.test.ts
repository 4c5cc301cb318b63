import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translator.js';
import { renderHtml } from '../../src/report/render-html.js';
import { sampleReport, sampleScenarios } from '../report/sample-cases.js';
import { hostileReport } from '../report/hostile-report.js';
import { findChromium, HeadlessChromium } from '../support/headless-chromium.js';
import { repoRoot } from '../support/run-cli.js';

/** Screenshots and the pages they show, kept after the run for people to look at. */
const outputFolder = join(repoRoot, '.tmp', 'test-output', 'html-report');

const chromium = findChromium();
if (!chromium)
  console.warn(
    'skipping the browser test of the HTML report: Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH)',
  );

describe.skipIf(!chromium)('HTML report in headless Chromium', () => {
  let browser: HeadlessChromium;
  beforeAll(() => {
    mkdirSync(outputFolder, { recursive: true });
    browser = new HeadlessChromium(chromium!);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Writes the page, opens it, and checks what any report page must satisfy. */
  async function openReport(name: string, html: string) {
    const file = join(outputFolder, `${name}.html`);
    writeFileSync(file, html);
    const page = await browser.open(pathToFileURL(file).href);
    writeFileSync(join(outputFolder, `${name}.png`), await page.screenshot());
    return page;
  }

  it('reports a page that breaks its policy (the problem detector works)', async () => {
    const page = await openReport(
      'policy-check',
      `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><style>p{color:red}</style></head><body><p>x</p></body></html>`,
    );
    expect(page.problems.map((p) => p.text).join('\n')).toMatch(/Content Security Policy/);
  });

  for (const [lang, scenarios] of [
    ['en', sampleScenarios],
    ['pt-BR', ['bad-day']],
  ] as const) {
    for (const scenario of scenarios) {
      it(`${scenario} (${lang}): no console error, one bar per migration, styled`, async () => {
        const report = await sampleReport(scenario);
        const page = await openReport(
          `${scenario}.${lang}`,
          renderHtml(report, createTranslator(lang)),
        );
        expect(page.problems).toEqual([]);
        expect(await page.evaluate("document.querySelectorAll('svg.timeline g.bar').length")).toBe(
          report.migrations.length,
        );
        expect(
          await page.evaluate("document.querySelectorAll('svg.timeline g.lane').length"),
        ).toBeGreaterThanOrEqual(report.nodes.length);
        // The style sheet applied (the CSP allowed it by its hash): cards are laid out as a grid.
        expect(
          await page.evaluate("getComputedStyle(document.querySelector('.cards')).display"),
        ).toBe('grid');
        // Every bar has a visible box on the chart.
        const widths = (await page.evaluate(
          "[...document.querySelectorAll('svg.timeline g.bar rect')].map((r) => r.getBoundingClientRect().width)",
        )) as number[];
        for (const w of widths) expect(w).toBeGreaterThan(0);
        expect(await page.evaluate('document.documentElement.lang')).toBe(lang);
      });
    }
  }

  it('follows dark mode and prints dark text on white', async () => {
    const page = await openReport(
      'bad-day.dark',
      renderHtml(await sampleReport('bad-day'), createTranslator('en')),
    );
    const background = () => page.evaluate('getComputedStyle(document.body).backgroundColor');
    const brightness = (rgb: unknown) =>
      String(rgb)
        .match(/\d+/g)!
        .slice(0, 3)
        .reduce((n, v) => n + Number(v), 0);
    await page.emulate('screen', 'light');
    expect(brightness(await background())).toBeGreaterThan(600);
    await page.emulate('screen', 'dark');
    expect(brightness(await background())).toBeLessThan(150);
    writeFileSync(join(outputFolder, 'bad-day.dark.png'), await page.screenshot());
    await page.emulate('print', 'dark');
    expect(brightness(await background())).toBeGreaterThan(600);
    expect(brightness(await page.evaluate('getComputedStyle(document.body).color'))).toBeLessThan(
      150,
    );
    expect(page.problems).toEqual([]);
  });

  it('a report full of hostile values runs no script and loads nothing', async () => {
    const report = hostileReport();
    const page = await openReport('hostile', renderHtml(report, createTranslator('en')));
    expect(page.problems).toEqual([]);
    expect(await page.evaluate('document.scripts.length')).toBe(0);
    expect(
      await page.evaluate("document.querySelectorAll('img, iframe, object, embed, form').length"),
    ).toBe(0);
    expect(await page.evaluate("document.querySelectorAll('svg.timeline g.bar').length")).toBe(
      report.migrations.length,
    );
    expect(
      await page.evaluate('document.body.innerText.includes("<script>alert(1)</script>")'),
    ).toBe(true);
  });
});
