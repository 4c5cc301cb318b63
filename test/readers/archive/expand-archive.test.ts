import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { sniffClusterLog } from '../../../src/readers/cluster-log/cluster-log-reader.js';
import { sniffConfig } from '../../../src/readers/config/config-reader.js';
import { expandArchive } from '../../../src/readers/archive/expand-archive.js';
import { removeExtractionFolders } from '../../../src/readers/archive/extract-zip.js';
import { sanitizeEntryName } from '../../../src/readers/archive/sanitize-entry-name.js';
import { buildZip } from '../../support/build-zip.js';
import { useTempDir } from '../../support/temp-dir.js';

// A REAL cluster log line (cluster-log.md §2.1) and a REAL Get-ClusterNetwork | fl * capture (§6.2).
const clusterLog =
  '000011d0.00000f80::2011/08/05-13:47:42.465 INFO  [RCM] rcm::RcmApi::MoveGroup: (ag, 2)\r\n';
const networkList =
  'AutoMetric : True\r\nId         : 8674967e-aef4-4815-8567-cd7bd15ebc1e\r\nMetric     : 30241\r\nName       : DC2 Private Traffic\r\nRole       : Cluster\r\nState      : Up\r\n';
const xmlEvent = '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"></Event>';

type Warning = { archive: string; location: string; message: string };

describe('expandArchive', () => {
  const tempDir = useTempDir();
  afterAll(() => removeExtractionFolders());

  function writeZip(name: string, zip: Buffer): string {
    const path = join(tempDir(), name);
    writeFileSync(path, zip);
    return path;
  }

  it('expands a zip of mixed inputs, including a zip inside it, with readable display paths', async () => {
    const inner = buildZip([{ name: 'HV02/System.xml', data: xmlEvent }]);
    const path = writeZip(
      'bundle.zip',
      buildZip([
        { name: 'HV01/HV01_cluster.log', data: clusterLog },
        { name: 'config\\Get-ClusterNetwork.txt', data: networkList, deflate: false },
        { name: 'HV01/', data: '' },
        { name: 'more/events.zip', data: inner },
      ]),
    );
    const warnings: Warning[] = [];
    const files = await expandArchive({ path, displayPath: 'bundle.zip' }, (w) => warnings.push(w));
    expect(warnings).toEqual([]);
    expect(files.map((f) => [f.displayPath, f.size])).toEqual([
      ['bundle.zip!/HV01/HV01_cluster.log', clusterLog.length],
      ['bundle.zip!/config/Get-ClusterNetwork.txt', networkList.length],
      ['bundle.zip!/more/events.zip!/HV02/System.xml', xmlEvent.length],
    ]);
    const [log, config, xml] = files.map((f) => readFileSync(f.path));
    expect(log?.toString()).toBe(clusterLog);
    expect(sniffClusterLog(log ?? Buffer.alloc(0))).toBe(true);
    expect(sniffConfig(config ?? Buffer.alloc(0), 'Get-ClusterNetwork.txt')).toBe(true);
    expect(xml?.toString()).toBe(xmlEvent);
    for (const file of files) expect(file.path.startsWith(tempDir())).toBe(false);
  });

  it('skips entries that try to escape the folder and writes nothing outside it', async () => {
    const path = writeZip(
      'evil.zip',
      buildZip([
        { name: '../escaped.txt', data: 'x' },
        { name: 'a/../../escaped2.txt', data: 'x' },
        { name: '/etc/escaped3.txt', data: 'x' },
        { name: 'C:\\Windows\\escaped4.txt', data: 'x' },
        { name: 'link', data: '/etc/passwd', mode: 0o120777 },
        { name: 'ok/HV01_cluster.log', data: clusterLog },
      ]),
    );
    const warnings: Warning[] = [];
    const files = await expandArchive({ path, displayPath: 'evil.zip' }, (w) => warnings.push(w));
    expect(files.map((f) => f.displayPath)).toEqual(['evil.zip!/ok/HV01_cluster.log']);
    expect(warnings.map((w) => w.location)).toEqual([
      'entry "../escaped.txt"',
      'entry "a/../../escaped2.txt"',
      'entry "/etc/escaped3.txt"',
      'entry "C:/Windows/escaped4.txt"',
      'entry "link"',
    ]);
    expect(warnings[4]?.message).toMatch(/symbolic link/);
    const extractionRoot = dirname(dirname(dirname(files[0]?.path ?? '')));
    const escaped = ['escaped.txt', 'escaped2.txt', 'escaped3.txt', 'escaped4.txt'];
    for (const dir of [extractionRoot, dirname(extractionRoot), tempDir()]) {
      for (const name of escaped) expect(existsSync(join(dir, name))).toBe(false);
    }
    expect(readdirSync(dirname(dirname(files[0]?.path ?? ''))).sort()).toEqual(['ok']);
  });

  it('refuses an archive that inflates beyond the size cap', async () => {
    const path = writeZip(
      'bomb.zip',
      buildZip([{ name: 'zeros.bin', data: Buffer.alloc(200_000) }]),
    );
    const limits = { maxEntries: 100, maxTotalBytes: 100_000, maxDepth: 4 };
    await expect(
      expandArchive({ path, displayPath: 'bomb.zip' }, () => undefined, limits),
    ).rejects.toThrow(UserError);
    await expect(
      expandArchive({ path, displayPath: 'bomb.zip' }, () => undefined, limits),
    ).rejects.toThrow(/expands beyond the cap of 100000 bytes/);
  });

  it('counts inflated bytes, not declared sizes, so a lying header cannot dodge the cap', async () => {
    const path = writeZip(
      'liar.zip',
      buildZip([
        { name: 'a.bin', data: Buffer.alloc(60_000), declaredSize: 10 },
        { name: 'b.bin', data: Buffer.alloc(60_000), declaredSize: 10 },
      ]),
    );
    const limits = { maxEntries: 100, maxTotalBytes: 100_000, maxDepth: 4 };
    const warnings: Warning[] = [];
    const files = await expandArchive(
      { path, displayPath: 'liar.zip' },
      (w) => warnings.push(w),
      limits,
    ).catch((error: unknown) => error);
    // yauzl stops an entry whose stream outgrows its declared size; either way nothing big lands.
    if (Array.isArray(files)) {
      expect(files).toEqual([]);
      expect(warnings).toHaveLength(2);
    } else {
      expect(files).toBeInstanceOf(UserError);
    }
  });

  it('refuses an archive with more entries than the cap, and nested archives share the cap', async () => {
    const many = buildZip(Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' })));
    const limits = { maxEntries: 4, maxTotalBytes: 1_000_000, maxDepth: 4 };
    const path = writeZip('many.zip', many);
    await expect(
      expandArchive({ path, displayPath: 'many.zip' }, () => undefined, limits),
    ).rejects.toThrow(/holds 5 entries, more than the cap of 4 entries/);
    const nested = writeZip(
      'nested.zip',
      buildZip([
        {
          name: 'a.zip',
          data: buildZip([
            { name: 'b', data: 'x' },
            { name: 'c', data: 'x' },
            { name: 'd', data: 'x' },
            { name: 'e', data: 'x' },
          ]),
        },
      ]),
    );
    await expect(
      expandArchive({ path: nested, displayPath: 'nested.zip' }, () => undefined, limits),
    ).rejects.toThrow(UserError);
  });

  it('gives a clear error for a file that is not a readable zip', async () => {
    const path = writeZip('broken.zip', Buffer.from('PK\u0003\u0004 truncated'));
    await expect(
      expandArchive({ path, displayPath: basename(path) }, () => undefined),
    ).rejects.toThrow(/cannot open .*broken\.zip as a zip archive/);
  });
});

describe('sanitizeEntryName', () => {
  it('keeps ordinary names, normalises separators and replaces characters Windows rejects', () => {
    expect(sanitizeEntryName('HV01\\logs\\System.evtx')).toBe('HV01/logs/System.evtx');
    expect(sanitizeEntryName('./a//b.txt')).toBe('a/b.txt');
    expect(sanitizeEntryName('ab:c|d?.txt')).toBe('ab_c_d_.txt');
    expect(sanitizeEntryName('name. ')).toBe('name');
  });

  it('rejects names that leave the folder', () => {
    for (const name of ['../x', 'a/../../x', '/x', '\\\\server\\share\\x', 'C:/x', 'c:x', 'a\0b']) {
      expect(sanitizeEntryName(name)).toBeNull();
    }
  });
});
