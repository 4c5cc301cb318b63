import { describe, expect, it } from 'vitest';
import { loadReport, renderReport, writeReport } from '../../src/case/load-report.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { loadCaseInput } from '../../src/case/run-diagnosis.js';
import { diagnoseCase, flowchart } from '../../src/diagnose/diagnose-case.js';
import { buildReport } from '../../src/report/build-report.js';
import type { ReportInfraEvent, ReportModel } from '../../src/report/report-model.js';
import { catalogRoleOf } from '../../src/catalog/select.js';
import { readCaseSummary } from '../../src/store/case-summary.js';
import { selectClockSkew } from '../../src/store/migrations-table.js';
import { sampleScenarios, withSampleCase } from './sample-cases.js';

/** The parts of a report that the diagnosis and the marker events decide. */
function decided(report: ReportModel) {
  return {
    counts: report.counts,
    coverageGaps: report.coverageGaps,
    markers: report.markers,
    advisories: report.advisories,
    flowchart: report.flowchart,
    migrations: report.migrations.map((m) => ({
      id: m.id,
      needsAttention: m.needsAttention,
      diagnosis: m.diagnosis,
      related: m.related,
    })),
  };
}

describe('loadReport', () => {
  it('gives the diagnoses, findings and markers of the whole-case diagnosis on every sample', async () => {
    let markers = 0;
    let diagnosed = 0;
    for (const scenario of sampleScenarios) {
      await withSampleCase(scenario, (db) => {
        const report = loadReport(db);
        // The reference: the whole case in memory, every diagnosis event and step event read,
        // and as marker candidates every catalogued event (role other than context) or cited
        // one, read from the events_corrected view instead of through the store's clock.
        const input = loadCaseInput(db);
        const whole = diagnoseCase(input);
        const cited = new Set(
          db
            .prepare("SELECT evidence_id FROM migration_steps WHERE evidence_table = 'events'")
            .pluck()
            .all() as number[],
        );
        const rows = db
          .prepare(
            `SELECT id, node, corrected_time AS time, provider, event_id AS eventId, message, data
             FROM events_corrected ORDER BY corrected_time, id`,
          )
          .all() as (ReportInfraEvent & { data: string })[];
        const candidates = rows
          .filter(({ data, ...row }) => {
            const role = catalogRoleOf({
              ...row,
              data: JSON.parse(data) as Record<string, string>,
            });
            return cited.has(row.id) || (role !== null && role !== 'context');
          })
          .map(({ data: _data, ...row }) => row);
        const reference = buildReport({
          summary: readCaseSummary(db),
          migrations: input.migrations,
          clockSkew: selectClockSkew(db),
          diagnoses: whole.diagnoses,
          findings: whole.findings,
          events: candidates,
          timelines: new Map(),
          flowchart,
        });
        expect(decided(report), scenario).toEqual(decided(reference));
        markers += report.markers.length;
        diagnosed += report.counts.diagnosed;
      });
    }
    // The samples exercise both parts.
    expect(markers).toBeGreaterThan(10);
    expect(diagnosed).toBeGreaterThan(10);
  });

  it('writes each format with the bytes of the whole model, JSON streamed, on every sample', async () => {
    const tr = createTranslator('en');
    let migrations = 0;
    for (const scenario of sampleScenarios) {
      await withSampleCase(scenario, (db) => {
        const whole = loadReport(db);
        for (const format of ['md', 'html'] as const) {
          let text = '';
          writeReport(db, format, tr, { write: (part: string) => (text += part) });
          expect(text, `${scenario} ${format}`).toBe(renderReport(whole, format, tr));
        }
        const parts: string[] = [];
        writeReport(db, 'json', tr, { write: (text: string) => parts.push(text) });
        expect(parts.join(''), scenario).toBe(renderReport(whole, 'json', tr));
        // Written in pieces, not as one string.
        if (whole.migrations.length > 0) expect(parts.length).toBeGreaterThan(2);
        migrations += whole.migrations.length;
      });
    }
    expect(migrations).toBeGreaterThan(20);
  });
});
