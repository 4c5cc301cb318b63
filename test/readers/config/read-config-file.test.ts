import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/readers/config/config-reader.js';
import { CollectSink } from '../../support/collect-sink.js';
import { useTempDir } from '../../support/temp-dir.js';

// REAL capture (cluster-log.md §6.2, 2021-04-07 post), as PowerShell's `>` writes it: UTF-16LE.
const networkList = [
  '',
  'Address           : 172.16.0.0',
  'AddressMask       : 255.248.0.0',
  'AutoMetric        : True',
  'Cluster           : cluster1',
  'Id                : 8674967e-aef4-4815-8567-cd7bd15ebc1e',
  'Metric            : 30241',
  'Name              : DC2 Private Traffic',
  'Role              : Cluster',
  'State             : Up',
  '',
].join('\r\n');

describe('readConfig', () => {
  const tempDir = useTempDir();

  it('reads a UTF-16LE capture from disk', async () => {
    const path = join(tempDir(), 'Get-ClusterNetwork.txt');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(networkList, 'utf16le')]),
    );
    const sink = new CollectSink();
    expect(
      await readConfig({ path, displayPath: 'logs/Get-ClusterNetwork.txt', size: 0 }, sink),
    ).toBe(1);
    expect(sink.configRows[0]?.values).toMatchObject({
      name: 'DC2 Private Traffic',
      metric: 30241,
    });
    expect(sink.warnings).toEqual([]);
    expect(sink.lastProgress).toBeGreaterThan(0);
  });

  it('keeps what it read and warns when a "capture" is far too long to be one', async () => {
    const path = join(tempDir(), 'Get-ClusterNetwork.txt');
    writeFileSync(path, networkList + '\r\nnoise\r\n'.repeat(500_000));
    const sink = new CollectSink();
    await readConfig({ path, displayPath: 'Get-ClusterNetwork.txt', size: 0 }, sink);
    expect(sink.configRows).toHaveLength(1);
    expect(sink.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/longer than 500000 lines or 64 Mi characters; the rest was skipped/),
    );
  });
});
