import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  readClusterLog,
  sniffClusterLog,
} from '../../../src/readers/cluster-log/cluster-log-reader.js';
import { CollectSink } from '../../support/collect-sink.js';
import { useTempDir } from '../../support/temp-dir.js';

// REAL lines (shared/reference/cluster-log.md §2.1, MicrosoftDocs/sql-docs cluster-log article).
const realLines = [
  '000011d0.00000f80::2011/08/05-13:47:42.465 INFO  [RCM] rcm::RcmApi::MoveGroup: (ag, 2)',
  "000011d0.00000f80::2011/08/05-13:47:42.480 INFO  [RCM] rcm::RcmGroup::Move: Bringing group 'ag' offline first...",
  '000011d0.00000f80::2011/08/05-13:47:42.496 INFO  [RCM] TransitionToState(ag) Online-->OfflineCallIssued.',
];

/** The same three events as the real lines, written two hours ahead (local time UTC+2). */
const localLines = realLines.map((line) => line.replace('-13:47:', '-15:47:'));

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

function inputFile(path: string, name: string) {
  return { path, displayPath: `logs/${name}`, size: 0 };
}

describe('readClusterLog', () => {
  const tempDir = useTempDir();

  it('reads a UTF-16LE file with a BOM and CRLF line ends, leaving a header-less file its node to ingest', async () => {
    const path = join(tempDir(), 'HV01.contoso.local_cluster.log');
    writeFileSync(path, utf16le(realLines.join('\r\n') + '\r\n'));
    const sink = new CollectSink();
    const facts = await readClusterLog(inputFile(path, 'HV01.contoso.local_cluster.log'), sink, {
      basis: 'utc',
    });
    expect(sink.lines.map((l) => [l.node, l.time, l.component, l.line])).toEqual([
      ['', '2011-08-05T13:47:42.4650000Z', 'RCM', 1],
      ['', '2011-08-05T13:47:42.4800000Z', 'RCM', 2],
      ['', '2011-08-05T13:47:42.4960000Z', 'RCM', 3],
    ]);
    expect(sink.lines[1]?.message).toBe(
      "rcm::RcmGroup::Move: Bringing group 'ag' offline first...",
    );
    expect(sink.warnings).toEqual([]);
    expect(facts.records).toBe(3);
  });

  it('reads UTF-16LE without a BOM and ANSI text with non-ASCII names', async () => {
    const noBom = join(tempDir(), 'a_cluster.log');
    writeFileSync(noBom, Buffer.from(realLines.join('\n'), 'utf16le'));
    const sinkA = new CollectSink();
    await readClusterLog(inputFile(noBom, 'a_cluster.log'), sinkA);
    expect(sinkA.lines).toHaveLength(3);

    const ansi = join(tempDir(), 'b_cluster.log');
    const line =
      '000011d0.00000f80::2011/08/05-13:47:42.465 INFO  [RCM] rcm::RcmApi::MoveGroup: (Migração, 2)';
    writeFileSync(ansi, Buffer.from(line, 'latin1'));
    const sinkB = new CollectSink();
    await readClusterLog(inputFile(ansi, 'b_cluster.log'), sinkB);
    expect(sinkB.lines[0]?.message).toBe('rcm::RcmApi::MoveGroup: (Migração, 2)');
  });

  it('puts local-time and UTC files of the same events on the same UTC instants', async () => {
    const utcHeader = [
      '[=== Cluster ===]',
      'Current node: name (HV02) id (2)',
      '',
      '[=== Cluster Logs ===]',
    ];
    const localHeader = [
      '[=== Cluster ===]',
      'The logs were generated using local time',
      'UTC = localtime + time zone offset;the time zone offset of this machine is -120 minutes, or -2 hours',
      'Current node: name (HV02) id (2)',
      '',
      '[=== Cluster Logs ===]',
    ];
    const utcPath = join(tempDir(), 'utc_cluster.log');
    const localPath = join(tempDir(), 'local_cluster.log');
    writeFileSync(utcPath, utf16le([...utcHeader, ...realLines].join('\r\n')));
    writeFileSync(localPath, utf16le([...localHeader, ...localLines].join('\r\n')));
    const utcSink = new CollectSink();
    const localSink = new CollectSink();
    const utcFacts = await readClusterLog(inputFile(utcPath, 'utc_cluster.log'), utcSink);
    const localFacts = await readClusterLog(inputFile(localPath, 'local_cluster.log'), localSink);
    expect(utcFacts.timeBasis).toEqual({ basis: 'utc', offsetMinutes: 0 });
    expect(localFacts.timeBasis).toEqual({ basis: 'local', offsetMinutes: 120 });
    expect(localSink.lines.map((l) => l.time)).toEqual(utcSink.lines.map((l) => l.time));
    expect(localSink.lines[0]).toMatchObject({
      time: '2011-08-05T13:47:42.4650000Z',
      rawTime: '2011/08/05-15:47:42.465',
      timeBasis: 'local',
      node: 'HV02',
    });
  });
});

describe('sniffClusterLog', () => {
  it('recognises a cluster log in UTF-16 and UTF-8, a 2016+ header, and nothing else', () => {
    expect(sniffClusterLog(utf16le(realLines.join('\r\n')))).toBe(true);
    expect(sniffClusterLog(Buffer.from(`\r\n${realLines[0]}\r\n`))).toBe(true);
    expect(sniffClusterLog(Buffer.from('[=== Cluster ===]\r\nBuild Number 17763'))).toBe(true);
    expect(sniffClusterLog(Buffer.from('Name  : Cluster Network 1\r\nRole : Cluster\r\n'))).toBe(
      false,
    );
    expect(sniffClusterLog(Buffer.from('<Event xmlns="x"></Event>\n'))).toBe(false);
  });
});
