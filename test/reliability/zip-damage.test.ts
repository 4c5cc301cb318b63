import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { expandArchive } from '../../src/readers/archive/expand-archive.js';
import { removeExtractionFolders } from '../../src/readers/archive/extract-zip.js';
import type { InputFile, ReadWarning } from '../../src/readers/reader.js';
import { buildZip } from '../support/build-zip.js';
import { useTempDir } from '../support/temp-dir.js';

// Truncated and corrupt zips, overlapping-entry and nested zip bombs. Name escapes (`..`,
// absolute, drive, UNC, links) and the size and entry caps are in
// test/readers/archive/expand-archive.test.ts.

const entries = Array.from({ length: 5 }, (_, i) => ({
  name: `HV0${i + 1}/Get-ClusterNetwork.txt`,
  data: `Name : Network ${i + 1}\r\n`.repeat(50),
}));
const bundle = buildZip(entries);
const limits = { maxEntries: 100, maxTotalBytes: 1_000_000, maxDepth: 3 };

describe('zip damage and bombs', () => {
  const tempDir = useTempDir();
  afterEach(removeExtractionFolders);

  async function expand(
    bytes: Buffer,
    caps = limits,
  ): Promise<{ files: InputFile[]; warnings: ReadWarning[] } | UserError> {
    const path = join(tempDir(), 'bundle.zip');
    writeFileSync(path, bytes);
    const warnings: ReadWarning[] = [];
    try {
      const files = await expandArchive(
        { path, displayPath: 'bundle.zip' },
        (w) => warnings.push(w),
        caps,
      );
      return { files, warnings };
    } catch (error) {
      if (error instanceof UserError) return error;
      throw error;
    }
  }

  it('a zip cut anywhere is refused with a clear message or read as far as it goes, never thrown otherwise', async () => {
    for (let cut = 0; cut < bundle.length; cut += 13) {
      const result = await expand(bundle.subarray(0, cut));
      if (result instanceof UserError) {
        expect(result.message).toMatch(/cannot open .*bundle\.zip as a zip archive/);
        expect(result.hint).toMatch(/truncated/);
      } else {
        for (const file of result.files) expect(file.displayPath).toMatch(/^bundle\.zip!\/HV0\d\//);
      }
    }
  });

  it('an entry with corrupt compressed data is skipped with a warning; the others are extracted', async () => {
    const bytes = Buffer.from(bundle);
    // The third entry's data starts after its 30-byte local header and name.
    const name = Buffer.from(entries[2]?.name ?? '');
    const third = bytes.indexOf(name) === -1 ? -1 : findLocalHeader(bytes, name);
    expect(third).toBeGreaterThan(0);
    bytes.fill(0xff, third + 30 + name.length + 2, third + 30 + name.length + 12);
    const result = await expand(bytes);
    if (result instanceof UserError) throw result;
    expect(result.files.map((f) => f.displayPath)).toEqual(
      entries.filter((_, i) => i !== 2).map((e) => `bundle.zip!/${e.name}`),
    );
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.location).toBe(`entry "${entries[2]?.name}"`);
  });

  it('a damaged central directory record keeps the entries listed before it', async () => {
    const bytes = Buffer.from(bundle);
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    let fourth = central;
    for (let i = 0; i < 3; i++)
      fourth = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), fourth + 4);
    bytes.writeUInt32LE(0xdeadbeef, fourth);
    const result = await expand(bytes);
    if (result instanceof UserError) throw result;
    expect(result.files.map((f) => f.displayPath)).toEqual(
      entries.slice(0, 3).map((e) => `bundle.zip!/${e.name}`),
    );
    expect(result.warnings[0]?.message).toMatch(/this and later entries not read/);
  });

  it('refuses an overlapping-entry bomb (many central records sharing one deflated kernel)', async () => {
    const kernel = Buffer.alloc(400_000); // 400 kB of zeros deflates to a few hundred bytes
    const result = await expand(overlappingBomb(kernel, 50));
    expect(result).toBeInstanceOf(UserError);
    expect((result as UserError).message).toMatch(/expands beyond the cap of 1000000 bytes/);
  });

  it('does not follow zips nested deeper than the cap', async () => {
    let nested = buildZip([{ name: 'deepest.txt', data: 'Name : x' }]);
    for (let level = 0; level < 6; level++)
      nested = buildZip([{ name: `level${level}.zip`, data: nested }]);
    const result = await expand(nested);
    if (result instanceof UserError) throw result;
    expect(result.files).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'archive nested deeper than 3 levels; not opened',
    ]);
  });

  it('writes nothing into the folder it was called from', async () => {
    await expand(bundle);
    expect(readdirSync(tempDir()).sort()).toEqual(['bundle.zip']);
    expect(existsSync(join(tempDir(), 'HV01'))).toBe(false);
  });
});

function findLocalHeader(bytes: Buffer, name: Buffer): number {
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); at >= 0;) {
    const nameLength = bytes.readUInt16LE(at + 26);
    if (bytes.subarray(at + 30, at + 30 + nameLength).equals(name)) return at;
    at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at + 4);
  }
  return -1;
}

/** One local entry whose data every one of `count` central directory records points at. */
function overlappingBomb(kernel: Buffer, count: number): Buffer {
  const body = deflateRawSync(kernel);
  const name = Buffer.from('k');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(kernel), 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(kernel.length, 22);
  local.writeUInt16LE(name.length, 26);
  const centrals: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const entryName = Buffer.from(`k${i}.txt`);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(kernel), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(kernel.length, 24);
    central.writeUInt16LE(entryName.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(0, 42);
    centrals.push(central, entryName);
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(local.length + name.length + body.length, 16);
  return Buffer.concat([local, name, body, directory, end]);
}
