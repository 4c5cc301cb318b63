import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { expandArchive } from '../../../src/readers/archive/expand-archive.js';
import {
  extractZip,
  makeExtractionFolder,
  removeExtractionFolders,
  sweepStaleExtractionFolders,
  type ZipBudget,
} from '../../../src/readers/archive/extract-zip.js';
import { buildZip } from '../../support/build-zip.js';
import { useTempDir } from '../../support/temp-dir.js';

const zeros = (n: number) => Buffer.alloc(n).toString();

/** Issue 17 item 6: zip caps before writing, temp folders swept, temp paths never shown. */
describe('zip extraction under hostile archives', () => {
  const tempDir = useTempDir();
  afterAll(() => removeExtractionFolders());

  it('refuses an archive whose declared sizes exceed the cap before writing any entry', async () => {
    const path = join(tempDir(), 'bomb.zip');
    writeFileSync(
      path,
      buildZip([
        { name: 'a.txt', data: zeros(60_000) },
        { name: 'b.txt', data: zeros(60_000) },
      ]),
    );
    const destination = join(tempDir(), 'out');
    mkdirSync(destination);
    const budget: ZipBudget = { entries: 0, bytes: 0, declared: 0 };
    const limits = { maxEntries: 10, maxTotalBytes: 100_000, maxDepth: 2 };
    await expect(extractZip(path, destination, limits, budget, () => {})).rejects.toThrow(
      UserError,
    );
    expect(budget.bytes).toBe(0);
    expect(readdirSync(destination)).toEqual([]);
  });

  it('names a nested archive that breaks the cap by its place in the bundle, not a temp path', async () => {
    const inner = buildZip([
      { name: 'x.txt', data: zeros(60_000) },
      { name: 'y.txt', data: zeros(60_000) },
    ]);
    const path = join(tempDir(), 'bundle.zip');
    writeFileSync(path, buildZip([{ name: 'nested/inner.zip', data: inner }]));
    const limits = { maxEntries: 10, maxTotalBytes: 100_000, maxDepth: 3 };
    const error: unknown = await expandArchive(
      { path, displayPath: 'bundle.zip' },
      () => {},
      limits,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      /^bundle\.zip!\/nested\/inner\.zip expands beyond/,
    );
    expect((error as UserError).message).not.toContain(tmpdir());
  });

  it('sweeps extraction folders left by runs that were killed', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const stale = join(tmpdir(), `lmdoctor-zip-${dead.stdout}-stale1`);
    mkdirSync(stale, { recursive: true });
    writeFileSync(join(stale, 'left.evtx'), 'x');
    const ours = join(tmpdir(), `lmdoctor-zip-${process.pid}-live`);
    mkdirSync(ours, { recursive: true });
    try {
      // The first extraction folder of a run sweeps; here earlier tests made that one.
      await sweepStaleExtractionFolders();
      const folder = await makeExtractionFolder();
      expect(folder).toMatch(new RegExp(`lmdoctor-zip-${process.pid}-`));
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(ours)).toBe(true); // a live process's folder stays
    } finally {
      spawnSync('rm', ['-rf', ours, stale]);
    }
  });
});
