import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkFileBytes } from '../../src/case/export-lines.js';
import { ecsMappings } from '../../src/export/ecs-index-template.js';
import { repoRoot } from '../support/run-cli.js';
import { exportEverySample, type ExportedSample } from '../support/sample-case-exports.js';

const schema = (name: string) =>
  new Ajv2020({ strict: true }).compile(
    JSON.parse(readFileSync(join(repoRoot, 'schemas', name), 'utf8')) as object,
  );

/** Stored rows a timeline format should hold per dataset (cluster log lines only with a UTC time). */
function storedCounts(c: ExportedSample): Record<string, number> {
  const count = (sql: string) => c.db.prepare(sql).pluck().get() as number;
  return {
    events: count('SELECT COUNT(*) FROM events'),
    cluster_log: count('SELECT COUNT(*) FROM cluster_log WHERE time IS NOT NULL'),
    migrations: count('SELECT COUNT(*) FROM migrations'),
    findings: count('SELECT COUNT(*) FROM findings'),
  };
}

/** Dotted paths of a document's fields, not descending into values kept whole. */
function fieldPaths(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, v]) => {
    const path = `${prefix}${key}`;
    const whole = ['winlog.event_data', 'lmdoctor.finding.evidence', 'lmdoctor.finding.path'];
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && !whole.includes(path))
      return fieldPaths(v as Record<string, unknown>, `${path}.`);
    return [path];
  });
}

function mappedPaths(mapping: Record<string, unknown>, prefix = ''): string[] {
  const properties = (mapping.properties ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(properties).flatMap(([key, m]) =>
    m.properties ? mappedPaths(m, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('ECS bulk NDJSON of every sample case', () => {
  let folder = '';
  let cases: ExportedSample[] = [];
  beforeAll(async () => ({ folder, cases } = await exportEverySample('ecs')));
  afterAll(() => {
    for (const c of cases) c.db.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('alternates create actions and documents that match the schema, one per stored record', () => {
    const validate = schema('export-ecs.schema.json');
    const mapped = new Set(mappedPaths(ecsMappings));
    const unmapped = new Set<string>();
    for (const c of cases) {
      const files = c.report.paths.filter((p) => p.endsWith('.ndjson'));
      expect(files.length).toBeGreaterThan(0);
      const counts: Record<string, number> = {};
      const ids = new Set<string>();
      for (const file of files) {
        expect(statSync(file).size).toBeLessThanOrEqual(bulkFileBytes);
        const lines = readFileSync(file, 'utf8').split('\n');
        expect(lines.pop()).toBe('');
        expect(lines.length % 2).toBe(0);
        for (let i = 0; i < lines.length; i += 2) {
          const action = JSON.parse(lines[i]!) as { create: { _id: string } };
          if (Object.keys(action).join() !== 'create' || ids.has(action.create._id))
            throw new Error(`${file}:${i + 1}: not a create action with a new id: ${lines[i]}`);
          ids.add(action.create._id);
          const doc = JSON.parse(lines[i + 1]!) as Record<string, unknown>;
          if (!validate(doc))
            throw new Error(`${file}:${i + 2}: ${JSON.stringify(validate.errors)}`);
          const lm = doc.lmdoctor as { table: string; case_id: string; id: number };
          if (
            lm.case_id !== c.report.identity.caseId ||
            action.create._id !== `${lm.case_id}:${lm.table}:${lm.id}`
          )
            throw new Error(`${file}:${i + 2}: case id or document id does not match`);
          counts[lm.table] = (counts[lm.table] ?? 0) + 1;
          for (const path of fieldPaths(doc)) if (!mapped.has(path)) unmapped.add(path);
        }
      }
      const stored = storedCounts(c);
      for (const [name, n] of Object.entries(stored))
        expect(counts[name] ?? 0, `${c.scenario} ${name}`).toBe(n);
    }
  });

  it('writes the index template beside the documents', () => {
    const template = JSON.parse(
      readFileSync(join(folder, 'lmdoctor-index-template.json'), 'utf8'),
    ) as { index_patterns: string[]; template: { mappings: unknown } };
    expect(template.index_patterns).toEqual(['lmdoctor-*']);
    expect(template.template.mappings).toEqual(ecsMappings);
    expect(readdirSync(folder).filter((f) => f.endsWith('.ndjson')).length).toBeGreaterThanOrEqual(
      cases.length,
    );
  });
});

describe('Timesketch JSONL of every sample case', () => {
  let folder = '';
  let cases: ExportedSample[] = [];
  beforeAll(async () => ({ folder, cases } = await exportEverySample('timesketch')));
  afterAll(() => {
    for (const c of cases) c.db.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('has one row per stored record, migrations and findings as their own rows, each matching the schema', () => {
    const validate = schema('export-timesketch.schema.json');
    for (const c of cases) {
      const [file] = c.report.paths;
      const lines = readFileSync(file!, 'utf8').split('\n');
      expect(lines.pop()).toBe('');
      const counts: Record<string, number> = {};
      for (const [i, line] of lines.entries()) {
        const row = JSON.parse(line) as Record<string, unknown>;
        if (!validate(row)) throw new Error(`${file}:${i + 1}: ${JSON.stringify(validate.errors)}`);
        if (
          row.case_id !== c.report.identity.caseId ||
          Date.parse(row.datetime as string) !== Math.floor((row.timestamp as number) / 1000)
        )
          throw new Error(`${file}:${i + 1}: case id or timestamp does not match datetime`);
        const table = (row.lmdoctor_ref as string).split(':')[0]!;
        counts[table] = (counts[table] ?? 0) + 1;
      }
      const stored = storedCounts(c);
      for (const [name, n] of Object.entries(stored))
        expect(counts[name] ?? 0, `${c.scenario} ${name}`).toBe(n);
    }
  });
});
