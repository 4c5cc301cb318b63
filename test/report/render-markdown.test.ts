import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translator.js';
import { markdownText, renderMarkdown } from '../../src/report/render-markdown.js';
import { hostileReport } from './hostile-report.js';
import { sampleReport } from './sample-cases.js';

const en = createTranslator('en');

describe('markdownText', () => {
  it('escapes markup and inline HTML', () => {
    expect(markdownText('<b>*x*</b> | [a](b)')).toBe('&lt;b&gt;\\*x\\*&lt;/b&gt; \\| \\[a\\](b)');
  });
  it('flattens control characters and line breaks', () => {
    expect(markdownText('a\u0000b\r\nc\u2028d')).toBe('a b c d');
  });
  it('cuts very long values', () => {
    expect(markdownText('y'.repeat(1000))).toHaveLength(400);
  });
});

describe('renderMarkdown', () => {
  it('keeps every hostile value inert', () => {
    const md = renderMarkdown(hostileReport(), en);
    expect(md).not.toMatch(/<script|<img|<a |<\/style/i);
    // eslint-disable-next-line no-control-regex -- the point is that none reach the output
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u2028]/);
    // Table rows stay one line each: no value broke out of its cell.
    for (const line of md.split('\n').filter((l) => l.startsWith('| ')))
      expect(line.endsWith(' |'), line.slice(0, 80)).toBe(true);
    expect(md.length).toBeLessThan(200_000);
  });

  it('bad-day: summary, all migrations, each failure with cause, path and timeline', async () => {
    const md = renderMarkdown(await sampleReport('bad-day'), en);
    expect(md).toContain('## Summary');
    expect(md).toContain('- **Nodes:** HV01, HV02, HV03');
    expect(md).toContain(
      'HV03: no events from channel Microsoft-Windows-Hyper-V-VMMS-Admin (not collected, or empty)',
    );
    expect(md.match(/^\| [1-7] \| /gm)).toHaveLength(7);
    for (const id of [2, 3, 5, 7]) expect(md).toContain(`### Migration \\#${id}:`);
    expect(md).toContain('(`no-migration-network`, confirmed)');
    expect(md).toContain('#### Flowchart path');
    expect(md).toContain('#### Timeline');
    expect(md).toContain('## Advisories');
  });
});
