/**
 * `npm run fuzz -- --minutes N [--seed S] [--target evtx,zip] [--out folder]`: mutation fuzzing
 * of every reader for N minutes (see fuzz-campaign.ts). Findings (crashes, hangs, memory) are
 * written to the out folder (default: lmdoctor-fuzz-findings in the system temp folder) as
 * `<target>-<kind>-<seed>-<n>.bin` with a `.txt` beside it; turn each into a fixture under
 * test/fixtures/fuzz/ named `<target>-<what>.bin` (test/reliability/fuzz-regressions.test.ts
 * reads them all). The closing note gives inputs per reader. Exit code 1 when anything was found.
 *
 * Jazzer.js (@jazzer.js/core 4.0.0) installs from npm but its prebuilt native fuzzer needs
 * glibc 2.38 and building it fetches libFuzzer sources, so this is a plain mutation fuzzer.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runFuzzCampaign, type FuzzFinding } from './fuzz-campaign.js';
import { isFolder, loadFuzzSeeds } from './fuzz-seeds.js';
import { fuzzTargetNames, type FuzzTargetName } from './fuzz-targets.js';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    target: { type: 'string' },
    out: { type: 'string', default: join(tmpdir(), 'lmdoctor-fuzz-findings') },
    'timeout-ms': { type: 'string', default: '10000' },
  },
});

const minutes = Number(values.minutes);
const seed = Number(values.seed);
if (!Number.isFinite(minutes) || minutes <= 0 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- --minutes N [--seed S] [--target evtx,zip] [--out folder]');
  process.exit(2);
}
const targets = (values.target?.split(',') ?? [...fuzzTargetNames]) as FuzzTargetName[];
for (const target of targets) {
  if (!fuzzTargetNames.includes(target)) {
    console.error(`unknown target ${target}; known: ${fuzzTargetNames.join(', ')}`);
    process.exit(2);
  }
}

const corpusFolder = resolve(repoRoot, '..', 'shared', 'evtx-corpus');
const corpus = isFolder(corpusFolder) ? corpusFolder : null;
if (!corpus)
  console.error(`shared EVTX corpus not found at ${corpusFolder}; seeding from sample-logs only`);
const seeds = loadFuzzSeeds(join(repoRoot, 'sample-logs'), corpus);
const outFolder = resolve(values.out);
const tempFolder = mkdtempSync(join(tmpdir(), 'lmdoctor-fuzz-'));
let findings = 0;

const started = Date.now();
console.error(
  `fuzzing ${targets.join(', ')} for ${minutes} min, seed ${seed}; seeds: ` +
    targets.map((t) => `${t} ${seeds[t].length}`).join(', '),
);
const progress = setInterval(() => {
  const elapsed = ((Date.now() - started) / 60_000).toFixed(1);
  console.error(`… ${elapsed} min, ${findings} findings`);
}, 60_000);

try {
  const tallies = await runFuzzCampaign({
    seed,
    targets,
    seeds,
    inputsPerTarget: Number.MAX_SAFE_INTEGER,
    deadline: started + minutes * 60_000,
    maxInputSizeInBytes: 1024 * 1024,
    timeoutInMilliseconds: Number(values['timeout-ms']),
    maxHeapInMegabytes: 512,
    maxRssInMegabytes: 1024,
    tempFolder,
    cwd: repoRoot,
    onFinding(finding: FuzzFinding) {
      findings += 1;
      mkdirSync(outFolder, { recursive: true });
      const base = join(outFolder, `${finding.target}-${finding.kind}-${seed}-${findings}`);
      writeFileSync(`${base}.bin`, finding.input);
      writeFileSync(`${base}.txt`, `${finding.detail}\n`);
      console.error(
        `FINDING ${finding.kind} in ${finding.target}: ${finding.detail.split('\n')[0]} → ${base}.bin`,
      );
    },
  });
  const seconds = (Date.now() - started) / 1000;
  console.log(`fuzz: ${seconds.toFixed(0)} s, seed ${seed}`);
  console.log('target        inputs  refused  with-warnings  kept  findings');
  for (const target of targets) {
    const t = tallies[target];
    if (!t) continue;
    console.log(
      `${target.padEnd(12)} ${String(t.inputs).padStart(7)} ${String(t.refused).padStart(8)} ` +
        `${String(t.withWarnings).padStart(14)} ${String(t.corpusSize).padStart(5)} ${String(t.findings).padStart(9)}`,
    );
  }
  console.log(
    findings === 0
      ? 'no crashes, hangs or memory findings'
      : `${findings} findings in ${outFolder}`,
  );
  process.exitCode = findings === 0 ? 0 : 1;
} finally {
  clearInterval(progress);
  rmSync(tempFolder, { recursive: true, force: true });
}
