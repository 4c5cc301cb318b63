import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSampleLogs, sampleFolders } from '../sample-log-generator/generate-sample-logs.js';
import { repoRoot } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    })
    .sort();
}

describe('sample-logs/', () => {
  const tempDir = useTempDir();
  const committed = join(repoRoot, 'sample-logs');

  it('holds exactly what `npm run samples` writes, byte for byte', () => {
    const out = tempDir();
    generateSampleLogs(out);
    const generated = listFiles(out).map((p) => relative(out, p));
    const onDisk = listFiles(committed).map((p) => relative(committed, p));
    expect(onDisk).toEqual(generated);
    const stale = generated.filter((name) => !readFileSync(join(out, name)).equals(readFileSync(join(committed, name))));
    expect(stale, 'run `npm run samples` and commit sample-logs/').toEqual([]);
  });

  it('has one folder with a README and expected.json per scenario, and stays small', () => {
    const folders = readdirSync(committed).filter((name) => statSync(join(committed, name)).isDirectory());
    expect(folders.sort()).toEqual([...sampleFolders].sort());
    for (const folder of folders) {
      expect(readdirSync(join(committed, folder))).toEqual(expect.arrayContaining(['README.md', 'expected.json']));
    }
    const total = listFiles(committed).reduce((sum, path) => sum + statSync(path).size, 0);
    expect(total).toBeLessThan(20 * 1024 * 1024);
  });

  it('generates the same bytes twice in a row (no clock, no unseeded randomness)', () => {
    const a = join(tempDir(), 'a');
    const b = join(tempDir(), 'b');
    generateSampleLogs(a);
    generateSampleLogs(b);
    const files = listFiles(a).map((p) => relative(a, p));
    for (const name of files) expect(readFileSync(join(a, name)).equals(readFileSync(join(b, name))), name).toBe(true);
  });
});
