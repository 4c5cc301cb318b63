import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeExtractionFolders } from '../../../src/readers/archive/extract-zip.js';
import { discoverFiles } from '../../../src/readers/discover-files.js';
import { buildZip } from '../../support/build-zip.js';
import { eventXml } from '../../support/event-xml.js';
import { useTempDir } from '../../support/temp-dir.js';

// REAL line and capture from shared/reference/cluster-log.md (§2.1, §6.2).
const clusterLog =
  '000011d0.00000f80::2011/08/05-13:47:42.465 INFO  [RCM] rcm::RcmApi::MoveGroup: (ag, 2)\r\n';
const networkList =
  'AutoMetric : True\r\nMetric     : 30241\r\nName       : DC2 Private Traffic\r\nRole       : Cluster\r\n';

describe('discoverFiles with zip bundles', () => {
  const tempDir = useTempDir();
  afterAll(() => removeExtractionFolders());

  it('reads a zip of mixed inputs in place, recognising each entry by content', async () => {
    const bundle = join(tempDir(), 'bundle.zip');
    writeFileSync(
      bundle,
      buildZip([
        { name: 'HV01/HV01_cluster.log', data: clusterLog },
        { name: 'HV01/Get-ClusterNetwork.txt', data: networkList },
        { name: 'HV02/events.zip', data: buildZip([{ name: 'System.xml', data: eventXml() }]) },
        { name: 'notes.txt', data: 'collected on Friday' },
        { name: '../../outside.log', data: clusterLog },
      ]),
    );
    const discovery = await discoverFiles([tempDir()]);
    expect(
      discovery.files.map((f) => [f.file.displayPath.replace(tempDir(), ''), f.reader.kind]),
    ).toEqual([
      ['/bundle.zip!/HV01/HV01_cluster.log', 'cluster-log'],
      ['/bundle.zip!/HV01/Get-ClusterNetwork.txt', 'config'],
      ['/bundle.zip!/HV02/events.zip!/System.xml', 'xml-events'],
    ]);
    expect(discovery.skipped.map((s) => [s.path.replace(tempDir(), ''), s.reason])).toEqual([
      [
        '/bundle.zip (entry "../../outside.log")',
        'entry name points outside the archive folder; skipped',
      ],
      ['/bundle.zip!/notes.txt', 'not a recognised log format'],
    ]);
  });

  it('skips a zip bomb with a clear reason and goes on with the other files', async () => {
    writeFileSync(
      join(tempDir(), 'a.zip'),
      buildZip([
        { name: 'y', data: Buffer.alloc(1000), declaredSize: 0xf0000000 },
        { name: 'z', data: Buffer.alloc(1000), declaredSize: 0xf0000000 },
      ]),
    );
    writeFileSync(join(tempDir(), 'b_cluster.log'), clusterLog);
    const discovery = await discoverFiles([tempDir()]);
    expect(discovery.files.map((f) => f.reader.kind)).toEqual(['cluster-log']);
    const bomb = discovery.skipped.find((s) => s.path.endsWith('a.zip'));
    expect(bomb?.reason).toMatch(/expands beyond the cap of \d+ bytes; it was not read/);
  });
});
