/**
 * Benchmark: `lmdoctor ingest` of a generated XML event export (wevtutil /f:RenderedXml shape).
 * Usage: npm run bench:xml -- [--mb 200]. Prints MB/s, events/s and peak RSS (GNU time).
 */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureCommand, rate } from './measure-command.js';

const mbArg = process.argv.indexOf('--mb');
const targetMiB = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 200;
const dir = mkdtempSync(join(tmpdir(), 'lmdoctor-bench-xml-'));
const file = join(dir, 'HV01-Hyper-V-High-Availability-Admin.xml');

function eventXml(i: number): string {
  const time = new Date(Date.UTC(2024, 0, 1) + i * 250).toISOString().replace('Z', '0000Z');
  // Eight consecutive events (21300-21307) are one migration of one VM; 400 VMs take turns.
  const vmIndex = Math.floor(i / 8) % 400;
  const vm = `VM${String(vmIndex).padStart(3, '0')}`;
  return (
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Hyper-V-High-Availability'/>` +
    `<EventID>${21300 + (i % 8)}</EventID><Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords>` +
    `<TimeCreated SystemTime='${time}'/><EventRecordID>${i + 1}</EventRecordID><Correlation/><Execution ProcessID='2412' ThreadID='${3000 + (i % 50)}'/>` +
    `<Channel>Microsoft-Windows-Hyper-V-High-Availability-Admin</Channel><Computer>HV01.contoso.local</Computer><Security UserID='S-1-5-18'/></System>` +
    `<EventData><Data>5B1E0C2A-7D6F-4B8E-9A1C-${String(vmIndex).padStart(12, '0')}</Data><Data>Virtual Machine ${vm}</Data><Data>${(i % 97) / 10}</Data></EventData>` +
    `<RenderingInfo Culture='en-US'><Message>Completed live migration on the source node, time ${(i % 97) / 10} s (VM resource 'Virtual Machine ${vm}').</Message>` +
    `<Level>Information</Level><Task></Task><Opcode>Info</Opcode><Channel>Microsoft-Windows-Hyper-V-High-Availability-Admin</Channel>` +
    `<Provider>Microsoft-Windows-Hyper-V-High-Availability</Provider><Keywords><Keyword>Classic</Keyword></Keywords></RenderingInfo></Event>\r\n`
  );
}

const fd = openSync(file, 'w');
let events = 0;
let written = 0;
while (written < targetMiB * 1024 * 1024) {
  const batch: string[] = [];
  for (let k = 0; k < 1000; k++) batch.push(eventXml(events++));
  const text = batch.join('');
  writeSync(fd, text);
  written += Buffer.byteLength(text);
}
closeSync(fd);
const bytes = statSync(file).size;
const mib = bytes / 1024 / 1024;

// BENCH_NODE_FLAGS passes V8 flags to the measured process (e.g. --max-old-space-size=160).
const nodeFlags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const result = measureCommand(process.execPath, [
  ...nodeFlags,
  'dist/cli/main.js',
  'ingest',
  file,
  '--db',
  join(dir, 'bench.db'),
  '--quiet',
]);
rmSync(dir, { recursive: true, force: true });
if (result.status !== 0) {
  console.error(result.stderr);
  process.exit(1);
}
console.log(
  `xml-export ingest: ${mib.toFixed(0)} MiB, ${events} events in ${result.seconds.toFixed(1)} s: ` +
    `${rate(mib, result.seconds)} MiB/s, ${rate(events, result.seconds)} events/s, ` +
    `peak RSS ${result.peakRssMiB === null ? 'n/a (no /usr/bin/time)' : `${result.peakRssMiB.toFixed(0)} MiB`}`,
);
