import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebuildMigrations } from '../../src/case/rebuild-migrations.js';
import { selectMigrations } from '../../src/store/migrations-table.js';
import { repoRoot } from '../support/run-cli.js';
import { ingestSampleScenario } from '../support/sample-scenario-store.js';

interface ExpectedMigration {
  vm: string;
  kind: string;
  sourceNode: string | null;
  destinationNode: string | null;
  outcome: string;
  failureSide: string | null;
  errorCode: string | null;
}

const samples = join(repoRoot, 'sample-logs');
const scenarios = readdirSync(samples, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(samples, entry.name, 'expected.json')))
  .map((entry) => entry.name)
  .sort();

const shape = (m: ExpectedMigration) => ({
  vm: m.vm,
  kind: m.kind,
  sourceNode: m.sourceNode,
  destinationNode: m.destinationNode,
  outcome: m.outcome,
  failureSide: m.failureSide,
  errorCode: m.errorCode,
});

describe('replay on every sample scenario', () => {
  it('finds the scenarios', () => {
    expect(scenarios).toContain('default');
  });

  for (const scenario of scenarios) {
    it(`${scenario}: the migrations its README describes`, async () => {
      const expected = JSON.parse(
        readFileSync(join(samples, scenario, 'expected.json'), 'utf8'),
      ) as {
        migrations: ExpectedMigration[];
      };
      const db = await ingestSampleScenario(scenario);
      rebuildMigrations(db);
      const migrations = selectMigrations(db);
      expect(migrations.map(shape)).toEqual(expected.migrations.map(shape));
    });
  }
});
