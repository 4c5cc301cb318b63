import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  channelFileName,
  collectedCaptures,
  collectedChannels,
  collectedFileNames,
} from '../../src/collect/collect-plan.js';
import { renderCollectScript } from '../../src/collect/render-collect-script.js';
import { isoToFiletime } from '../../src/model/time.js';
import { writeEvtx } from '../sample-log-generator/evtx/write-evtx.js';
import { toEvtxRecords, type GenEvent } from '../sample-log-generator/gen-event.js';
import { runCli } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';
import { sampleLogs } from '../report/sample-cases.js';

const nodes = ['HV01', 'HV02', 'HV03'];
const scenario = join(sampleLogs, 'bad-day');

/** One generated event of a channel the sample scenario did not export, as an .evtx file. */
function oneEventEvtx(node: string, channel: string, recordId: number): Buffer {
  const event: GenEvent = {
    node,
    computer: `${node}.contoso.local`,
    channel,
    provider: { name: channel.replace(/[-/](Admin|Analytic|Operational|Diagnostic)$/, '') },
    eventId: 1,
    version: 0,
    level: 4,
    task: 0,
    opcode: 0,
    keywords: 0x8000000000000000n,
    time: isoToFiletime('2016-09-14T05:00:00.0000000Z')! + BigInt(recordId) * 10_000_000n,
    recordId,
    processId: 4,
    threadId: 8,
    payload: {
      kind: 'eventData',
      fields: [{ name: 'Detail', value: { type: 'string', value: `${node} ${channel}` } }],
    },
    rendering: {
      culture: 'en-US',
      message: `Collected from ${channel}.`,
      level: 'Information',
      task: 'None',
      opcode: 'Info',
      channel,
      provider: channel,
      keywords: [],
    },
  };
  return writeEvtx(toEvtxRecords([event])).bytes;
}

/** UTF-16LE text with a byte order mark, as Windows PowerShell's Out-File writes it. */
function utf16(text: string): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le'),
  ]);
}

/** Captures the sample scenario does not have, written the way the script's cmdlets print them. */
const extraCaptures: Record<string, (node: string) => string> = {
  'Get-ClusterGroup.txt': () =>
    [
      '',
      ...['SQL10', 'WEB10', 'APP10', 'CRM10'].flatMap((g) => [
        `Name       : ${g}`,
        'OwnerNode  : HV01',
        'State      : Online',
        '',
      ]),
      '',
    ].join('\n'),
  '{node}-Win32_OperatingSystem.txt': (node) =>
    [
      '',
      `CSName      : ${node}`,
      'Caption     : Microsoft Windows Server 2008 R2 Enterprise',
      'Version     : 6.1.7601',
      'SystemDrive : C:',
      '',
      '',
    ].join('\n'),
};

describe('lmdoctor collect-script', () => {
  const tempDir = useTempDir();

  it('prints the script: analytic channel, QueryList exports, cluster logs in UTC, captures, zip', () => {
    const run = runCli(['collect-script', '--hours', '6']);
    expect(run.status).toBe(0);
    const script = run.stdout;
    expect(script).toBe(renderCollectScript({ hours: 6 }));
    // eslint-disable-next-line no-control-regex -- plain ASCII, so Windows PowerShell reads it whatever the encoding
    expect(script).toMatch(/^[\u0009\u000a\u0020-\u007e]*$/);
    expect(script).toContain('[int]$Hours = 6,');
    expect(script).toContain('wevtutil.exe sl $name /e:true /q');
    expect(script).toContain('wevtutil.exe epl $query $file /sq:true');
    expect(script).toContain('<QueryList><Query Id="0" Path="');
    expect(script).toContain('timediff(@SystemTime) &lt;= ');
    expect(script).toContain('Get-ClusterLog -Destination $OutputFolder -TimeSpan ($Hours * 60)');
    expect(script).toContain('cluster.exe log /g /copy:"$OutputFolder"');
    expect(script).toContain('Get-ClusterNetwork | Format-List *');
    expect(script).toContain('New-PSSession -ComputerName $node');
    expect(script).toContain('Compress-Archive');
    expect(script).not.toContain('-UseLocalTime |');
    for (const { channel } of collectedChannels) expect(script).toContain(`'${channel}'`);
    for (const capture of collectedCaptures)
      expect(script).toContain(`'${capture.file.replace('{node}', '')}'`);
  });

  it('refuses hours outside 1 to 8760', () => {
    expect(runCli(['collect-script', '--hours', '0']).status).toBe(2);
    expect(runCli(['collect-script', '--hours', '9000']).status).toBe(2);
  });

  it('analyze reads every file a collection of a generated scenario holds, under the script’s names', () => {
    const folder = join(tempDir(), 'lmdoctor-HV01-20160914-120000');
    mkdirSync(folder);
    const names = collectedFileNames(nodes);
    const sampleFiles = new Set(readdirSync(scenario));
    let recordId = 1;
    for (const name of names) {
      const target = join(folder, name);
      if (sampleFiles.has(name)) {
        copyFileSync(join(scenario, name), target);
        continue;
      }
      const channel = collectedChannels.find((c) =>
        nodes.some((n) => channelFileName(n, c.channel) === name),
      );
      if (channel) {
        const node = name.slice(0, name.indexOf('-'));
        writeFileSync(target, oneEventEvtx(node, channel.channel, recordId++));
        continue;
      }
      const capture = Object.entries(extraCaptures).find(([file]) =>
        nodes.some((n) => file.replace('{node}', n) === name),
      );
      expect(capture, `no content for ${name}`).toBeDefined();
      const node = nodes.find((n) => capture![0].replace('{node}', n) === name)!;
      writeFileSync(target, utf16(capture![1](node)));
    }
    expect(readdirSync(folder).sort()).toEqual(names);

    const db = join(tempDir(), 'case.db');
    const run = runCli(['analyze', folder, '--db', db, '--format', 'json', '-q']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as {
      sources: { kind: string; files: number }[];
      skipped: unknown[];
      problems: { count: number };
      migrations: unknown[];
    };
    expect(result.skipped).toEqual([]);
    expect(result.problems.count).toBe(0);
    expect(result.sources.reduce((n, k) => n + k.files, 0)).toBe(names.length);
    expect(result.migrations.length).toBeGreaterThan(0);
    const read = runCli([
      'query',
      'SELECT path, records FROM sources ORDER BY path',
      '--db',
      db,
      '--format',
      'json',
    ]);
    const sources = JSON.parse(read.stdout) as { path: string; records: number }[];
    expect(sources.map((s) => s.path.split(/[\\/]/).pop()).sort()).toEqual(names);
    for (const s of sources) expect(s.records, s.path).toBeGreaterThan(0);
  });
});
