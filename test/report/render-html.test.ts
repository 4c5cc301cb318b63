import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translator.js';
import { escapeHtml } from '../../src/report/html-escape.js';
import { renderHtml, writeHtml } from '../../src/report/render-html.js';
import { hostileReport, hostileValues } from './hostile-report.js';
import { sampleReport, sampleScenarios } from './sample-cases.js';

const en = createTranslator('en');

const allowedTags = new Set(
  'html head meta title style body header main section article details summary h1 h2 h3 h4 p ul ol li strong code span div table thead tbody tr th td a br svg g rect line circle path text'.split(
    ' ',
  ),
);
const allowedAttributes = new Set(
  'lang charset http-equiv content name class id href data-node data-migration viewBox role aria-label aria-labelledby preserveAspectRatio x y x1 y1 x2 y2 cx cy r rx width height d text-anchor open'.split(
    ' ',
  ),
);

/** Every real start tag of a page with its attributes (values as written, still escaped). */
function tags(html: string): { name: string; attributes: [string, string][] }[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: m[1]!,
    attributes: [...m[2]!.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!, a[2] ?? '']),
  }));
}

/** Structural checks that hold for any report page, hostile input or not. */
function expectInert(html: string): void {
  // Nothing but the allowed elements and attributes, and no tag the parser could not read.
  const found = tags(html);
  expect(found.length).toBe((html.match(/<[a-zA-Z]/g) ?? []).length);
  for (const tag of found) {
    expect(allowedTags.has(tag.name.toLowerCase()), tag.name).toBe(true);
    for (const [name, value] of tag.attributes) {
      expect(allowedAttributes.has(name), `${tag.name} ${name}`).toBe(true);
      if (name === 'href') expect(value).toMatch(/^#migration-\d+$/);
    }
  }
  expect(html).not.toMatch(/<script/i);
  expect(html.match(/<style>/g)).toHaveLength(1);
  expect(html.match(/<\/style>/g)).toHaveLength(1);
  // eslint-disable-next-line no-control-regex -- the point is that none reach the page
  expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/);
  // The policy allows the one style sheet by its hash and nothing else.
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  expect(csp).toBeDefined();
  const css = /<style>([\s\S]*)<\/style>/.exec(html)![1]!;
  const hash = createHash('sha256').update(css).digest('base64');
  expect(csp!.replace(/&#39;/g, "'")).toBe(
    `default-src 'none'; style-src 'sha256-${hash}'; script-src 'none'; img-src 'none'; base-uri 'none'; form-action 'none'`,
  );
}

describe('escapeHtml', () => {
  it('turns markup characters into entities', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\``)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;',
    );
  });
  it('replaces control characters and lone surrogates, keeps tab and line feed', () => {
    expect(escapeHtml('a\u0000b\u001bc\td\ne\u2028f\ud800g')).toBe(
      'a\ufffdb\ufffdc\td\ne\ufffdf\ufffdg',
    );
  });
  it('cuts very long values', () => {
    expect(escapeHtml('z'.repeat(50_000))).toHaveLength(2000);
  });
});

describe('renderHtml', () => {
  it('keeps hostile VM names, event data, evidence and paths inert', () => {
    const report = hostileReport();
    const html = renderHtml(report, en);
    expectInert(html);
    // Markup and quotes never appear raw; `javascript:` survives only as inert text (no href).
    for (const value of hostileValues.filter((v) => /[<>"']/.test(v)))
      expect(html.includes(value), value).toBe(false);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;/style&gt;&lt;script&gt;alert(4)&lt;/script&gt;');
    // A value cannot break out of an attribute: the long one is cut, quotes are entities.
    expect(html).not.toContain('x'.repeat(2000));
    expect(html.match(/<g class="bar /g)).toHaveLength(report.migrations.length);
    expect(html.length).toBeLessThan(1_000_000);
  });

  it('bad-day: cards, one bar per migration, a highlighted path per diagnosis', async () => {
    const report = await sampleReport('bad-day');
    const html = renderHtml(report, en);
    expectInert(html);
    expect(html.match(/<g class="bar /g)).toHaveLength(7);
    expect(html.match(/<g class="bar outcome-failed/g)).toHaveLength(3);
    expect(html.match(/<g class="lane"/g)).toHaveLength(3);
    expect(html.match(/<article class="migration"/g)).toHaveLength(4);
    expect(html.match(/<li class="reached"/g)).toHaveLength(4);
    expect(html).toContain('<g class="marker marker-network">');
    expect(html).toContain('@media (prefers-color-scheme: dark)');
    expect(html).toContain('@media print');
  });

  it('writes the page of a case with 150,000 migrations piece by piece, a bar and a row each', async () => {
    // More times than one call takes arguments (Math.min(...times) threw a RangeError here).
    const sample = await sampleReport('bad-day');
    const count = 150_000;
    const migrations = Array.from({ length: count }, (_, i) => ({
      ...sample.migrations[i % sample.migrations.length]!,
      id: i + 1,
      needsAttention: false,
    }));
    const report = { ...sample, migrations };
    let pieces = 0;
    let longest = 0;
    let bars = 0;
    let rows = 0;
    writeHtml(report, en, (text) => {
      pieces++;
      longest = Math.max(longest, text.length);
      if (text.startsWith('<g class="bar ', text.indexOf('<g'))) bars++;
      if (text.startsWith('<tr><td class="num">')) rows++;
    });
    expect(bars).toBe(count);
    expect(rows).toBe(count);
    // Never the whole table or timeline in one piece.
    expect(pieces).toBeGreaterThan(2 * count);
    expect(longest).toBeLessThan(100_000);
  });

  for (const scenario of sampleScenarios) {
    it(`${scenario}: an inert page with one bar per migration`, async () => {
      const report = await sampleReport(scenario);
      const html = renderHtml(report, en);
      expectInert(html);
      expect(html.match(/<g class="bar /g) ?? []).toHaveLength(report.migrations.length);
    });
  }
});
