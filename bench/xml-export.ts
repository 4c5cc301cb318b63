/**
 * Benchmark: `lmdoctor ingest` of the same generated events as an XML export (wevtutil
 * /f:RenderedXml shape) and as an EVTX file, so that the two readers are compared on the same
 * events in one run. Not a test. Runs the built JavaScript, as users do.
 * Usage: npm run bench:xml -- [--mb 50] [--rounds 3] [--baseline REF]
 * Prints, for each build, events/s by wall clock and by CPU time (user + system, all threads)
 * for XML and EVTX, their ratio, peak RSS; with --baseline, current ÷ baseline for each format.
 * Rounds alternate the builds and formats, so that a change of load hits both alike.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeEvtx } from '../test/sample-log-generator/evtx/write-evtx.js';
import { toEvtxRecords, type GenEvent } from '../test/sample-log-generator/gen-event.js';
import { eventsToXmlExport } from '../test/sample-log-generator/write-event-xml.js';
import { measureCommand, rate } from './measure-command.js';
import { argValue, buildsToCompare, machineLine, median, type Build } from './side-by-side.js';

const targetMiB = Number(argValue('--mb') ?? 50);
const rounds = Number(argValue('--rounds') ?? 3);

const provider = 'Microsoft-Windows-Hyper-V-High-Availability';
const channel = 'Microsoft-Windows-Hyper-V-High-Availability-Admin';
const fileTimeOf2024 = (BigInt(Date.UTC(2024, 0, 1)) + 11_644_473_600_000n) * 10_000n;

/** Event `i`: eight consecutive events (21300-21307) are one migration; 400 VMs take turns. */
function event(i: number): GenEvent {
  const vmIndex = Math.floor(i / 8) % 400;
  const vm = `VM${String(vmIndex).padStart(3, '0')}`;
  const seconds = String((i % 97) / 10);
  return {
    node: 'HV01',
    computer: 'HV01.contoso.local',
    channel,
    provider: { name: provider, guid: '{AA1B2C3D-1111-2222-3333-444455556666}' },
    eventId: 21300 + (i % 8),
    version: 0,
    level: 4,
    task: 0,
    opcode: 0,
    keywords: 0x8000000000000000n,
    time: fileTimeOf2024 + BigInt(i) * 2_500_000n,
    recordId: i + 1,
    processId: 2412,
    threadId: 3000 + (i % 50),
    userSid: 'S-1-5-18',
    payload: {
      kind: 'eventData',
      fields: [
        {
          value: {
            type: 'string',
            value: `5B1E0C2A-7D6F-4B8E-9A1C-${String(vmIndex).padStart(12, '0')}`,
          },
        },
        { value: { type: 'string', value: `Virtual Machine ${vm}` } },
        { value: { type: 'string', value: seconds } },
      ],
    },
    rendering: {
      culture: 'en-US',
      message: `Completed live migration on the source node, time ${seconds} s (VM resource 'Virtual Machine ${vm}').`,
      level: 'Information',
      task: '',
      opcode: 'Info',
      channel,
      provider,
      keywords: ['Classic'],
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'lmdoctor-bench-xml-'));
const xmlFile = join(dir, 'HV01-Hyper-V-High-Availability-Admin.xml');
const evtxFile = join(dir, 'HV01-Hyper-V-High-Availability-Admin.evtx');
const events: GenEvent[] = [];
let xmlBytes = 0;
while (xmlBytes < targetMiB * 1024 * 1024) {
  const batch = Array.from({ length: 1000 }, (_, k) => event(events.length + k));
  events.push(...batch);
  xmlBytes += eventsToXmlExport(batch, true).length;
}
writeFileSync(xmlFile, eventsToXmlExport(events, true));
writeFileSync(evtxFile, writeEvtx(toEvtxRecords(events)).bytes);
const files = { XML: xmlFile, EVTX: evtxFile } as const;
type Format = keyof typeof files;

const { builds, cleanup } = buildsToCompare();
const runs = new Map<string, { wall: number[]; cpu: number[]; rss: number[] }>();
const key = (build: Build, format: Format) => `${build.label} ${format}`;

console.log(machineLine());
console.log(
  `${events.length} events: XML ${(statSync(xmlFile).size / 2 ** 20).toFixed(1)} MiB, ` +
    `EVTX ${(statSync(evtxFile).size / 2 ** 20).toFixed(1)} MiB; ${rounds} rounds, medians`,
);
let failed = false;
try {
  for (let round = 0; round < rounds; round++) {
    for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
      for (const format of (round % 2 === 0 ? ['XML', 'EVTX'] : ['EVTX', 'XML']) as Format[]) {
        const db = join(dir, 'bench.db');
        rmSync(db, { force: true });
        rmSync(`${db}-wal`, { force: true });
        rmSync(`${db}-shm`, { force: true });
        const result = measureCommand(process.execPath, [
          build.cli,
          'ingest',
          files[format],
          '--db',
          db,
          '--quiet',
        ]);
        if (result.status !== 0) {
          console.error(`${key(build, format)} failed:\n${result.stderr}`);
          failed = true;
          continue;
        }
        const entry = runs.get(key(build, format)) ?? { wall: [], cpu: [], rss: [] };
        entry.wall.push(result.seconds);
        if (result.cpuSeconds !== null) entry.cpu.push(result.cpuSeconds);
        if (result.peakRssMiB !== null) entry.rss.push(result.peakRssMiB);
        runs.set(key(build, format), entry);
      }
    }
  }
} finally {
  cleanup();
  rmSync(dir, { recursive: true, force: true });
}

/** Median events/s by wall clock and by CPU time. */
function rates(build: Build, format: Format): { wall: number; cpu: number; rss: number } | null {
  const entry = runs.get(key(build, format));
  if (!entry || entry.wall.length === 0) return null;
  return {
    wall: events.length / median(entry.wall),
    cpu: entry.cpu.length > 0 ? events.length / median(entry.cpu) : NaN,
    rss: entry.rss.length > 0 ? median(entry.rss) : NaN,
  };
}

for (const build of builds) {
  const xml = rates(build, 'XML');
  const evtx = rates(build, 'EVTX');
  for (const [format, r] of [
    ['XML', xml],
    ['EVTX', evtx],
  ] as const) {
    if (r === null) continue;
    console.log(
      `${build.label} ${format} ingest: ${rate(r.wall, 1)} events/s wall, ` +
        `${rate(r.cpu, 1)} events/CPU-s, peak RSS ${r.rss.toFixed(0)} MiB`,
    );
  }
  if (xml && evtx) {
    console.log(
      `${build.label} XML ÷ EVTX: ${(xml.wall / evtx.wall).toFixed(2)} by wall, ${(xml.cpu / evtx.cpu).toFixed(2)} by CPU time`,
    );
  }
}
const [current, baseline] = builds;
if (current && baseline) {
  for (const format of ['XML', 'EVTX'] as const) {
    const now = rates(current, format);
    const before = rates(baseline, format);
    if (now && before) {
      console.log(
        `${format}: current ÷ baseline ${(now.wall / before.wall).toFixed(2)}× by wall, ` +
          `${(now.cpu / before.cpu).toFixed(2)}× by CPU time`,
      );
    }
  }
}
console.log(`load average at the end: ${machineLine().split('load average ')[1]}`);
if (failed) process.exit(1);
