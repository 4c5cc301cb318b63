/**
 * What every benchmark shares to compare in one run (issue 19 item 4): a line naming the
 * machine and its load, and `--baseline REF`, the build of another commit checked out beside
 * this one (a detached git worktree in a temp folder, node_modules linked, compiled with its
 * own tsconfig.build.json), so that a claimed speed-up is a ratio measured side by side.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A build to run: the CLI script and a label for the report. */
export interface Build {
  label: string;
  /** Root of the checkout (its dist/ holds the compiled code). */
  root: string;
  cli: string;
}

/** Machine, Node, date and load average (1, 5, 15 min), for every benchmark's report. */
export function machineLine(): string {
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  return (
    `machine: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${availableParallelism()} cores; ` +
    `Node ${process.version}; ${new Date().toISOString().slice(0, 16)}Z; load average ${load} (1/5/15 min)`
  );
}

/** The value after `--name` on the command line, or undefined. */
export function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

function git(args: string[], cwd = repoRoot): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/**
 * The current build, and with `--baseline REF` that commit's build beside it. The current build
 * must have been compiled (`npm run build`); the baseline is compiled here. Call `cleanup` at
 * the end (the temp worktree is removed).
 */
export function buildsToCompare(): { builds: Build[]; cleanup: () => void } {
  const current: Build = {
    label: `current (${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain', '--untracked-files=no']) === '' ? '' : '+changes'})`,
    root: repoRoot,
    cli: join(repoRoot, 'dist', 'cli', 'main.js'),
  };
  if (!existsSync(current.cli)) throw new Error('dist/ is missing: run `npm run build` first');
  const ref = argValue('--baseline');
  if (ref === undefined) return { builds: [current], cleanup: () => {} };
  const sha = git(['rev-parse', '--short', `${ref}^{commit}`]);
  const dir = mkdtempSync(join(tmpdir(), 'lmdoctor-baseline-'));
  const cleanup = () => {
    try {
      git(['worktree', 'remove', '--force', dir]);
    } catch {
      rmSync(dir, { recursive: true, force: true });
      git(['worktree', 'prune']);
    }
  };
  try {
    git(['worktree', 'add', '--detach', dir, sha]);
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
    execFileSync(
      process.execPath,
      [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      { cwd: dir, stdio: 'inherit' },
    );
  } catch (error) {
    cleanup();
    throw error;
  }
  const baseline: Build = {
    label: `baseline ${ref} (${sha})`,
    root: dir,
    cli: join(dir, 'dist', 'cli', 'main.js'),
  };
  return { builds: [current, baseline], cleanup };
}

/** The median of some numbers. Pure. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
