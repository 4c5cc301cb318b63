import { FuzzRunner, type FuzzRunnerOptions, type FuzzVerdict } from './fuzz-runner.js';
import { mutateBytes, Rng } from './mutate-bytes.js';
import type { FuzzTargetName } from './fuzz-targets.js';

/** A crash, hang or memory finding: the input and what happened. */
export interface FuzzFinding {
  target: FuzzTargetName;
  kind: Exclude<FuzzVerdict['kind'], 'ok'>;
  detail: string;
  input: Uint8Array;
}

/** Per-target tallies. */
export interface FuzzTally {
  inputs: number;
  refused: number;
  withWarnings: number;
  findings: number;
  /** Inputs kept because they produced a warning pattern not seen before. */
  corpusSize: number;
}

export interface FuzzCampaignOptions extends FuzzRunnerOptions {
  seed: number;
  targets: readonly FuzzTargetName[];
  seeds: Record<FuzzTargetName, Buffer[]>;
  /** Stop after this many inputs per target, or at `deadline` (epoch ms), whichever is first. */
  inputsPerTarget: number;
  deadline: number;
  maxInputSizeInBytes: number;
  onFinding(finding: FuzzFinding): void;
}

const maxCorpusPerTarget = 300;

/**
 * Mutation fuzzing, round-robin over the targets: each input is a mutated corpus entry run in
 * the child under the runner's limits. Inputs that give a new set of warning messages join the
 * corpus (a cheap stand-in for coverage feedback). Deterministic for a given seed and input
 * count; returns the tallies per target.
 */
export async function runFuzzCampaign(
  options: FuzzCampaignOptions,
): Promise<Record<string, FuzzTally>> {
  const rng = new Rng(options.seed);
  const runner = new FuzzRunner(options);
  const tallies: Record<string, FuzzTally> = {};
  const corpora = new Map<FuzzTargetName, Uint8Array[]>();
  const signatures = new Map<FuzzTargetName, Set<string>>();
  const findingKeys = new Set<string>();
  for (const target of options.targets) {
    corpora.set(target, [...options.seeds[target]]);
    signatures.set(target, new Set());
    tallies[target] = { inputs: 0, refused: 0, withWarnings: 0, findings: 0, corpusSize: 0 };
  }
  try {
    for (let round = 0; round < options.inputsPerTarget; round += 1) {
      if (Date.now() >= options.deadline) break;
      for (const target of options.targets) {
        const corpus = corpora.get(target) ?? [];
        const tally = tallies[target];
        if (corpus.length === 0 || !tally) continue;
        const input = mutateBytes(rng.pick(corpus), rng, corpus, options.maxInputSizeInBytes);
        const verdict = await runner.run(target, input);
        tally.inputs += 1;
        if (verdict.kind !== 'ok') {
          // One report per distinct place: the first line and the first stack frame.
          const place = verdict.detail.split('\n').slice(0, 3).join('|');
          const key = `${target}|${verdict.kind}|${place.replace(/0x[0-9a-f]+|\d+/gi, '#')}`;
          if (!findingKeys.has(key)) {
            findingKeys.add(key);
            tally.findings += 1;
            options.onFinding({ target, kind: verdict.kind, detail: verdict.detail, input });
          }
          continue;
        }
        const { outcome } = verdict;
        if (outcome.refused) tally.refused += 1;
        if (outcome.warnings > 0) tally.withWarnings += 1;
        const seen = signatures.get(target);
        if (seen && !seen.has(outcome.signature) && corpus.length < maxCorpusPerTarget) {
          seen.add(outcome.signature);
          corpus.push(input);
          tally.corpusSize += 1;
        }
      }
    }
  } finally {
    runner.stop();
  }
  return tallies;
}
