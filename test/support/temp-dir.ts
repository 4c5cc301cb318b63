import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temporary folder per test, removed afterwards. Call at the top of a describe block. */
export function useTempDir(): () => string {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });
  return () => {
    dir ??= mkdtempSync(join(tmpdir(), 'lmdoctor-test-'));
    return dir;
  };
}
