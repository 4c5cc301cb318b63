import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFuzzCampaign, type FuzzFinding } from '../../scripts/fuzz/fuzz-campaign.js';
import { loadFuzzSeeds } from '../../scripts/fuzz/fuzz-seeds.js';
import { fuzzTargetNames } from '../../scripts/fuzz/fuzz-targets.js';
import { useTempDir } from '../support/temp-dir.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const inputsPerTarget = 500;

describe('deterministic fuzz pass (fixed seed, sample-logs seeds only)', () => {
  const tempDir = useTempDir();

  it(`feeds ${inputsPerTarget} mutated inputs to each reader without a crash, hang or memory finding`, async () => {
    const seeds = loadFuzzSeeds(join(repoRoot, 'sample-logs'), null);
    for (const target of fuzzTargetNames) expect(seeds[target].length).toBeGreaterThan(0);
    const findings: FuzzFinding[] = [];
    const tallies = await runFuzzCampaign({
      seed: 20261126,
      targets: fuzzTargetNames,
      seeds,
      inputsPerTarget,
      deadline: Number.POSITIVE_INFINITY,
      maxInputSizeInBytes: 256 * 1024,
      // Generous: an input is a few KiB and takes milliseconds; only a real hang gets here.
      timeoutInMilliseconds: 30_000,
      maxHeapInMegabytes: 512,
      maxRssInMegabytes: 1024,
      tempFolder: tempDir(),
      cwd: repoRoot,
      onFinding: (finding) => findings.push(finding),
    });
    expect(findings.map((f) => `${f.target} ${f.kind}: ${f.detail}`)).toEqual([]);
    for (const target of fuzzTargetNames) expect(tallies[target]?.inputs).toBe(inputsPerTarget);
    // The mutations reach past the sniffing: most readers report damage on many inputs.
    expect(tallies['xml-export']?.withWarnings).toBeGreaterThan(inputsPerTarget / 4);
    expect(tallies['cluster-log']?.withWarnings).toBeGreaterThan(0);
  }, 240_000);
});
