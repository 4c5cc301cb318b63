import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCase } from '../../src/case/index.js';
import { repoRoot } from '../support/run-cli.js';

interface Expected {
  migrations: { vm: string; outcome: string; cause: string | null }[];
}

describe('the library entry (package exports → src/case/index.ts)', () => {
  for (const scenario of ['default', 'bad-day']) {
    it(`${scenario}: opens a case, ingests, lists migrations and diagnoses as the README says`, async () => {
      const expected = JSON.parse(
        readFileSync(join(repoRoot, 'sample-logs', scenario, 'expected.json'), 'utf8'),
      ) as Expected;
      const lmCase = openCase(':memory:');
      try {
        const report = await lmCase.ingest([join(repoRoot, 'sample-logs', scenario)], { jobs: 1 });
        expect(report.files.every((f) => f.status === 'ingested')).toBe(true);
        const migrations = lmCase.migrations();
        expect(migrations.map((m) => [m.vm, m.outcome])).toEqual(
          expected.migrations.map((m) => [m.vm, m.outcome]),
        );
        const { diagnoses } = lmCase.diagnose();
        expect(
          migrations.map((m) => diagnoses.find((d) => d.migrationId === m.id)?.cause ?? null),
        ).toEqual(expected.migrations.map((m) => m.cause));
        const failed = lmCase.migrations({ outcome: 'failed' });
        expect(failed.length).toBe(
          expected.migrations.filter((m) => m.outcome === 'failed').length,
        );
        expect(lmCase.summary().nodes.length).toBeGreaterThan(0);
        expect(lmCase.report('md')).toContain(expected.migrations[0]!.vm);
      } finally {
        lmCase.close();
      }
    });
  }

  it('is what `import "lmdoctor"` gives, typed, from the built package', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      exports: Record<string, { types: string; default: string }>;
    };
    const entry = pkg.exports['.']!;
    expect(existsSync(join(repoRoot, entry.types))).toBe(true);
    expect(readFileSync(join(repoRoot, entry.types), 'utf8')).toContain('openCase');
    // The package refers to itself by name, as a dependent project would import it.
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('lmdoctor'); console.log(Object.keys(m).sort().join(','));",
      ],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(out.trim().split(',')).toEqual(
      expect.arrayContaining(['openCase', 'ingestPaths', 'runDiagnosis', 'loadReport']),
    );
  });
});
