/**
 * Writes every scenario of scenarios/ into a folder (default `sample-logs/`): per node the
 * `.evtx` files of each channel, one channel as `wevtutil /f:xml` and one as `/f:RenderedXml`,
 * the cluster log, and per scenario the configuration dumps, `expected.json` and `README.md`;
 * and the folder of look-alike events of non-cluster machines (lookalikes.ts).
 * Deterministic: fixed seeds and the scenarios' own clocks; no current date anywhere.
 *
 * Usage: `npm run samples` or `tsx test/sample-log-generator/generate-sample-logs.ts [out-dir]`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assumptions, channels } from './event-catalog.js';
import { toEvtxRecords, type GenEvent } from './gen-event.js';
import { writeEvtx, fileHeaderSizeInBytes, chunkSizeInBytes } from './evtx/write-evtx.js';
import { scenarioReadme, indexReadme } from './write-readme.js';
import { lookalikeFolder, lookalikeFolderFiles } from './lookalikes.js';
import { scenarios } from './scenarios/index.js';
import { simulate, type SimulationResult } from './simulate.js';
import type { Scenario } from './scenario-types.js';
import { writeClusterLog } from './write-cluster-log.js';
import { writeConfigDumps } from './write-config-text.js';
import { eventsToXmlExport } from './write-event-xml.js';

/** `Microsoft-Windows-Hyper-V-VMMS-Admin` → file-name part; `/` is not allowed in names. */
const channelFileName = (channel: string) => channel.replace(/\//g, '-');

/** Number of records per `.evtx` file written, for the reference-tool tests. */
export type RecordCounts = Record<string, number>;

export interface ScenarioFiles {
  /** File name → bytes. */
  files: Map<string, Buffer>;
  counts: RecordCounts;
  sim: SimulationResult;
  /** `.evtx` file name → the events written into it, in record order. */
  evtxEvents: Map<string, GenEvent[]>;
  /** `.xml` file name (wevtutil /f:xml or /f:RenderedXml) → the events written into it. */
  xmlEvents: Map<string, GenEvent[]>;
}

/** One scenario → its files. Pure. */
export function buildScenarioFiles(scenario: Scenario): ScenarioFiles {
  const sim = simulate(scenario);
  const files = new Map<string, Buffer>();
  const counts: RecordCounts = {};
  const evtxEvents = new Map<string, GenEvent[]>();
  const xmlEvents = new Map<string, GenEvent[]>();
  for (const logs of sim.nodes) {
    const node = logs.node.name;
    // A node whose files never reached the case (half-collected bundle) writes nothing.
    if (logs.node.collected === false) continue;
    const exported = logs.node.eventExport ?? 'evtx';
    for (const [channel, events] of [...logs.events].sort(([a], [b]) => a.localeCompare(b))) {
      if (events.length === 0) continue;
      const base = `${node}-${channelFileName(channel)}`;
      const xml = (rendered: boolean) => {
        const name = `${base}${rendered ? '.rendered' : ''}.xml`;
        files.set(name, eventsToXmlExport(events, rendered));
        xmlEvents.set(name, events);
      };
      if (exported === 'xml') {
        xml(channel === channels.highAvailability);
        continue;
      }
      if (exported === 'rendered-xml') {
        xml(true);
        continue;
      }
      const name = `${base}.evtx`;
      const { bytes, layout } = writeEvtx(toEvtxRecords(events));
      if (
        scenario.damage &&
        scenario.damage.node === node &&
        scenario.damage.channelFile === channelFileName(channel)
      ) {
        if (layout.chunks.length <= scenario.damage.chunk) {
          throw new Error(`${scenario.folder}: ${name} has only ${layout.chunks.length} chunks`);
        }
        damageChunk(bytes, scenario.damage.chunk);
      }
      files.set(name, bytes);
      counts[name] = events.length;
      evtxEvents.set(name, events);
      if (channel === channels.vmms) xml(false);
      if (channel === channels.highAvailability) xml(true);
    }
    if (logs.node.clusterLogCollected !== false)
      files.set(`${node}_cluster.log`, writeClusterLog(scenario, logs, sim));
  }
  for (const [name, bytes] of writeConfigDumps(scenario, sim)) files.set(name, bytes);
  const expected = {
    scenario: scenario.folder,
    windows: scenario.windows,
    /** The nodes whose logs are in the folder (a half-collected case misses some). */
    nodes: scenario.nodes.filter((n) => n.collected !== false).map((n) => n.name),
    /** How far each node's clock runs ahead of true time. */
    clockSkew: scenario.nodes.map((n) => ({ node: n.name, offsetS: (n.clockSkewMs ?? 0) / 1000 })),
    /** The time basis each cluster log was written in (the file itself says so only on 2016+). */
    clusterLogTime: scenario.nodes.map((n) => ({
      node: n.name,
      timeBasis: n.clusterLogLocalTime ? 'local' : 'utc',
      offsetMinutes: n.clusterLogLocalTime ? n.utcOffsetMinutes : 0,
    })),
    migrations: sim.migrations,
    ingestWarnings: scenario.damage
      ? [
          {
            file: `${scenario.damage.node}-${scenario.damage.channelFile}.evtx`,
            chunk: scenario.damage.chunk,
            kind: 'data-crc-mismatch',
          },
        ]
      : [],
    evtxRecordCounts: counts,
  };
  files.set('expected.json', Buffer.from(`${JSON.stringify(expected, null, 2)}\n`, 'utf8'));
  files.set('README.md', Buffer.from(scenarioReadme(scenario, sim, assumptions), 'utf8'));
  return { files, counts, sim, evtxEvents, xmlEvents };
}

/**
 * Alters two characters of a string value in the middle of a chunk so that its data CRC no
 * longer matches while every record still decodes (the header CRC is left correct).
 */
function damageChunk(file: Buffer, chunkIndex: number): void {
  const start = fileHeaderSizeInBytes + chunkIndex * chunkSizeInBytes;
  const freeSpace = file.readUInt32LE(start + 48);
  const needle = Buffer.from('running', 'utf16le');
  const at = file.indexOf(needle, start + Math.floor(freeSpace / 2));
  if (at < 0 || at > start + freeSpace) throw new Error('no value to damage in the chosen chunk');
  file.write('RU', at, 'utf16le');
}

/** Writes all scenarios under `outDir` (each scenario folder is replaced) and the index README. */
export function generateSampleLogs(outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  for (const scenario of scenarios) {
    const dir = join(outDir, scenario.folder);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const { files } = buildScenarioFiles(scenario);
    for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
  }
  const lookalikes = join(outDir, lookalikeFolder);
  rmSync(lookalikes, { recursive: true, force: true });
  mkdirSync(lookalikes, { recursive: true });
  for (const [name, bytes] of lookalikeFolderFiles()) writeFileSync(join(lookalikes, name), bytes);
  writeFileSync(join(outDir, 'README.md'), indexReadme(scenarios));
}

/** Every folder generateSampleLogs writes: the scenarios', then the look-alikes'. */
export const sampleFolders: readonly string[] = [
  ...scenarios.map((s) => s.folder),
  lookalikeFolder,
];

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ?? 'sample-logs';
  generateSampleLogs(outDir);
  process.stderr.write(`sample logs written to ${outDir}\n`);
}
