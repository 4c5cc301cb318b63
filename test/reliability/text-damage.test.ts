import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterLogReader } from '../../src/readers/cluster-log/cluster-log-reader.js';
import { configReader } from '../../src/readers/config/config-reader.js';
import { CollectSink } from '../support/collect-sink.js';
import { useTempDir } from '../support/temp-dir.js';

// Cluster logs from crashed or half-copied servers: zeroed blocks, binary garbage, mixed
// encodings. Every good line before and after the damage is counted.

const lineCount = 120;
/** Lines in the REAL shape (shared/reference/cluster-log.md §2.1), one second apart. */
const lines = Array.from({ length: lineCount }, (_, i) => {
  const seconds = String(i % 60).padStart(2, '0');
  const minute = String(47 + Math.floor(i / 60)).padStart(2, '0');
  return `000011d0.00000f80::2011/08/05-13:${minute}:${seconds}.465 INFO  [RCM] rcm::RcmGroup::Move: line ${i + 1} of group 'ag'`;
});
const marker = (message: string) => /line (\d+) of group/.exec(message)?.[1];

describe('cluster log damage', () => {
  const tempDir = useTempDir();
  let fileNumber = 0;

  async function read(bytes: Buffer): Promise<{ sink: CollectSink; numbers: number[] }> {
    const path = join(tempDir(), `HV01_cluster-${(fileNumber += 1)}.log`);
    writeFileSync(path, bytes);
    const sink = new CollectSink();
    await clusterLogReader.read({ path, displayPath: path, size: bytes.length }, sink, {
      jobs: 1,
      clusterLogTime: { basis: 'utc' },
    });
    const numbers = sink.lines.map((line) => Number(marker(line.message))).filter((n) => n > 0);
    return { sink, numbers };
  }

  const all = Array.from({ length: lineCount }, (_, i) => i + 1);
  const text = (from: number, to: number) => lines.slice(from, to).join('\r\n') + '\r\n';

  it('keeps every line around a zeroed 4 KiB block (UTF-16LE with BOM)', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(text(0, 60), 'utf16le'),
      Buffer.alloc(4096),
      Buffer.from(text(60, lineCount), 'utf16le'),
    ]);
    const { sink, numbers } = await read(bytes);
    expect(numbers).toEqual(all);
    expect(sink.lines).toHaveLength(lineCount);
  });

  it('keeps every line around binary garbage lines (UTF-8)', async () => {
    const garbage = Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x80, 0xc3, 0x28, 0x1b, 0x5b, 0x0d, 0x0a]);
    const bytes = Buffer.concat([
      Buffer.from(text(0, 30), 'utf8'),
      garbage,
      Buffer.from(text(30, 90), 'utf8'),
      Buffer.from('\r\n\u0000\u0000\u0000 ::: [[[ \r\n', 'utf8'),
      Buffer.from(text(90, lineCount), 'utf8'),
    ]);
    const { numbers } = await read(bytes);
    expect(numbers).toEqual(all);
  });

  it('reads a UTF-8 file with Windows-1252 bytes in one line, keeping every line', async () => {
    const ansi = Buffer.from(
      "000011d0.00000f80::2011/08/05-13:49:30.000 INFO  [RCM] group 'caf\xe9' moved\r\n",
      'latin1',
    );
    const bytes = Buffer.concat([
      Buffer.from(text(0, 60), 'utf8'),
      Buffer.from(
        "000011d0.00000f80::2011/08/05-13:49:31.000 INFO  [RCM] group 'café' ✓\r\n",
        'utf8',
      ),
      ansi,
      Buffer.from(text(60, lineCount), 'utf8'),
    ]);
    const { sink, numbers } = await read(bytes);
    expect(numbers).toEqual(all);
    expect(sink.lines).toHaveLength(lineCount + 2);
    expect(sink.lines.some((line) => line.message.includes('caf'))).toBe(true);
  });

  it('survives a UTF-16 file knocked out of step by one stray byte, keeping the lines before it', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(text(0, 50), 'utf16le'),
      Buffer.from([0x41]),
      Buffer.from(text(50, lineCount), 'utf16le'),
    ]);
    const { numbers } = await read(bytes);
    expect(numbers.slice(0, 50)).toEqual(all.slice(0, 50));
  });

  it('bounds a single enormous line (8 MiB without a line break)', async () => {
    const bytes = Buffer.concat([
      Buffer.from(text(0, 10), 'utf8'),
      Buffer.alloc(8 * 1024 * 1024, 0x41),
      Buffer.from('\r\n' + text(10, lineCount), 'utf8'),
    ]);
    const { sink, numbers } = await read(bytes);
    expect(numbers).toEqual(all);
    const longest = Math.max(...sink.lines.map((line) => line.message.length));
    expect(longest).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('configuration dump with a very long line', () => {
  const tempDir = useTempDir();

  it('cuts a 20 MiB line at the line cap and keeps the records around it', async () => {
    const record = (name: string, address: string) =>
      `Address     : ${address}\r\nAddressMask : 255.255.255.0\r\nName        : ${name}\r\nRole        : ClusterAndClient\r\nState       : Up\r\n\r\n`;
    const text =
      record('Management', '192.168.10.0') +
      `Description : ${'x'.repeat(20 * 1024 * 1024)}\r\n` +
      record('Live Migration', '10.0.2.0');
    const path = join(tempDir(), 'Get-ClusterNetwork.txt');
    writeFileSync(path, text, 'utf8');
    const sink = new CollectSink();
    await configReader.read({ path, displayPath: path, size: text.length }, sink, { jobs: 1 });
    const longest = Math.max(...sink.configRows.map((row) => JSON.stringify(row).length));
    expect(longest).toBeLessThan(1024 * 1024);
    expect(JSON.stringify(sink.configRows)).toContain('Live Migration');
    expect(JSON.stringify(sink.configRows)).toContain('Management');
  });
});
