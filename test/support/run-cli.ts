import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainScript = join(repoRoot, 'dist', 'cli', 'main.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built lmdoctor (as a user would) from the repository root. */
export function runCli(args: string[], input?: string): CliRun {
  if (!existsSync(mainScript))
    throw new Error('dist/cli/main.js is missing: run `npm run build` (npm test does it first)');
  const result = spawnSync(process.execPath, [mainScript, ...args], {
    cwd: repoRoot,
    input,
    encoding: 'utf8',
    // English whatever the machine's locale: the default --lang comes from it.
    env: {
      ...process.env,
      LMDOCTOR_DB: '',
      NO_COLOR: '1',
      LC_ALL: '',
      LC_MESSAGES: '',
      LANGUAGE: '',
      LANG: 'en_US.UTF-8',
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Compares text with a golden file under test/cli/golden; UPDATE_GOLDEN=1 rewrites it. */
export function expectGolden(text: string, name: string): void {
  const path = join(repoRoot, 'test', 'cli', 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.CI && !existsSync(path)) throw new Error(`golden file ${name} is missing`);
    writeFileSync(path, text);
    return;
  }
  expect(text).toBe(readFileSync(path, 'utf8'));
}
