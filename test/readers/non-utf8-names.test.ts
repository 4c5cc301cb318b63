import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeExtractionFolders } from '../../src/readers/archive/extract-zip.js';
import { discoverFiles } from '../../src/readers/discover-files.js';
import { eventXmlSeries } from '../support/event-xml.js';
import { useTempDir } from '../support/temp-dir.js';

/** Issue 17 item 12: a file whose name is not valid UTF-8 is read, not reported missing. */
describe('file names that are not valid UTF-8', () => {
  const tempDir = useTempDir();
  afterAll(() => removeExtractionFolders());

  it.skipIf(process.platform !== 'linux')(
    'are discovered and readable, shown with U+FFFD',
    async () => {
      const dir = join(tempDir(), 'logs');
      mkdirSync(dir);
      const raw = (name: number[], suffix: string) =>
        Buffer.concat([Buffer.from(`${dir}/`), Buffer.from(name), Buffer.from(suffix)]);
      writeFileSync(raw([0xff, 0x41], '.xml'), eventXmlSeries(2, 1).join('\n'));
      mkdirSync(raw([0xfe], '-node'));
      writeFileSync(
        Buffer.concat([raw([0xfe], '-node'), Buffer.from('/ha.xml')]),
        eventXmlSeries(1, 1).join('\n'),
      );
      const discovery = await discoverFiles([dir]);
      expect(discovery.skipped).toEqual([]);
      expect(discovery.files.map((f) => f.file.displayPath.slice(dir.length + 1)).sort()).toEqual([
        '\uFFFD-node/ha.xml',
        '\uFFFDA.xml',
      ]);
    },
  );
});
