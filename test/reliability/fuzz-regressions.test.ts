import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fuzzTargetNames,
  runFuzzTarget,
  type FuzzTargetName,
} from '../../scripts/fuzz/fuzz-targets.js';
import { useTempDir } from '../support/temp-dir.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'fuzz');

/** Inputs the fuzzer once crashed on, named `<target>-<what>.bin`. */
const cases = readdirSync(fixtures)
  .filter((name) => name.endsWith('.bin'))
  .map((name) => {
    const target = fuzzTargetNames.find((t) => name.startsWith(`${t}-`));
    if (!target) throw new Error(`fixture ${name} does not start with a fuzz target name`);
    return { name, target: target as FuzzTargetName };
  });

describe('fuzz regressions', () => {
  const tempDir = useTempDir();

  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('$name is read with warnings, not thrown errors', async ({ name, target }) => {
    const outcome = await runFuzzTarget(target, readFileSync(join(fixtures, name)), tempDir());
    expect(outcome.records + outcome.warnings > 0 || outcome.refused !== null).toBe(true);
  });

  it('keeps the entries before a damaged central directory record', async () => {
    const input = readFileSync(join(fixtures, 'zip-damaged-central-directory.bin'));
    const outcome = await runFuzzTarget('zip', input, tempDir());
    expect(outcome.refused).toBeNull();
    expect(outcome.signature).toContain('damaged; this and later entries not read');
  });
});
