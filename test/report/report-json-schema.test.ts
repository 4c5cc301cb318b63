import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { reportSchemaVersion } from '../../src/report/report-model.js';
import { renderJson, reportSchemaPath } from '../../src/report/render-json.js';
import { repoRoot } from '../support/run-cli.js';
import { sampleReport, sampleScenarios } from './sample-cases.js';

const schema = JSON.parse(readFileSync(join(repoRoot, reportSchemaPath), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

describe('report JSON against schemas/report.schema.json', () => {
  it('the schema is for this schemaVersion', () => {
    expect(schema).toMatchObject({ properties: { schemaVersion: { const: reportSchemaVersion } } });
  });

  for (const scenario of sampleScenarios) {
    it(`${scenario}: validates`, async () => {
      const report = await sampleReport(scenario);
      const json = JSON.parse(renderJson(report)) as { migrations: unknown[] };
      const valid = validate(json);
      expect(validate.errors ?? [], scenario).toEqual([]);
      expect(valid).toBe(true);
      expect(json.migrations).toHaveLength(report.migrations.length);
    });
  }

  it('rejects a report whose outcome is outside the vocabulary', async () => {
    const json = JSON.parse(renderJson(await sampleReport('bad-day'))) as {
      migrations: { outcome: string }[];
    };
    json.migrations[0]!.outcome = 'exploded';
    expect(validate(json)).toBe(false);
  });
});
