import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readClusterLog } from '../../src/readers/cluster-log/cluster-log-reader.js';
import { readConfig } from '../../src/readers/config/config-reader.js';
import type { InputFile } from '../../src/readers/reader.js';
import { xmlExportReader } from '../../src/readers/xml-export/read-xml-export.js';
import { buildScenarioFiles } from '../sample-log-generator/generate-sample-logs.js';
import { scenarios } from '../sample-log-generator/scenarios/index.js';
import { expectedLogEvent } from '../sample-log-generator/to-log-event.js';
import { hasClusterLogHeader } from '../sample-log-generator/write-cluster-log.js';
import { CollectSink } from '../support/collect-sink.js';
import { useTempDir } from '../support/temp-dir.js';

/**
 * The project's own readers on the generated files: the XML exports give back exactly the
 * events that were written, cluster logs and configuration dumps read without a warning.
 */
describe('readers on the generated sample logs', () => {
  const tempDir = useTempDir();
  const built = scenarios.map((scenario) => ({ scenario, ...buildScenarioFiles(scenario) }));

  function input(folder: string, name: string, bytes: Buffer): InputFile {
    const path = join(tempDir(), `${folder}__${name}`);
    writeFileSync(path, bytes);
    return { path, displayPath: name, size: bytes.length };
  }

  it('XML exports (wevtutil /f:xml and /f:RenderedXml) give back exactly the events written', async () => {
    let files = 0;
    for (const { scenario, files: all, xmlEvents } of built) {
      for (const [name, bytes] of all) {
        if (!name.endsWith('.xml')) continue;
        const rendered = name.endsWith('.rendered.xml');
        const events = xmlEvents.get(name);
        expect(events, `${scenario.folder}/${name}: the generator's events`).toBeDefined();
        const sink = new CollectSink();
        await xmlExportReader.read(input(scenario.folder, name, bytes), sink, { jobs: 1 });
        expect(sink.warnings, `${scenario.folder}/${name}`).toEqual([]);
        const expected = (events ?? []).map((e) => expectedLogEvent(e, rendered));
        expect(sink.events, `${scenario.folder}/${name}`).toEqual(expected);
        files += 1;
      }
    }
    expect(files).toBeGreaterThan(10);
  });

  it('cluster logs read without warnings, one record per line written, at the right UTC time', async () => {
    for (const { scenario, files: all, sim } of built) {
      for (const logs of sim.nodes) {
        // A node the scenario leaves out of the collection has no file at all.
        if (logs.node.collected === false || logs.node.clusterLogCollected === false) {
          expect(all.has(`${logs.node.name}_cluster.log`)).toBe(false);
          continue;
        }
        const name = `${logs.node.name}_cluster.log`;
        const sink = new CollectSink();
        await readClusterLog(input(scenario.folder, name, all.get(name) ?? Buffer.alloc(0)), sink);
        const where = `${scenario.folder}/${name}`;
        expect(sink.warnings, where).toEqual([]);
        const records = sink.lines.filter((l) => l.pid !== null);
        expect(records.length, where).toBe(logs.clusterLog.length);
        // The reader takes the node from what the log says of itself (the header); a log
        // without one is attributed after ingest, from its name or folder (case/attribute-nodes).
        const node = hasClusterLogHeader(scenario) ? logs.node.name : '';
        expect([...new Set(records.map((l) => l.node))], where).toEqual([node]);
        if (hasClusterLogHeader(scenario)) {
          // The header states the time basis, so every line resolves to UTC (plus the node's skew).
          const skew = logs.node.clockSkewMs ?? 0;
          const expected = logs.clusterLog.map((e) => new Date(e.ms + skew).toISOString().slice(0, 23));
          expect(
            records.map((l) => (l.time ?? '').slice(0, 23)),
            where,
          ).toEqual(expected);
        }
      }
    }
  });

  it('configuration dumps read without warnings and give one network row per cluster network', async () => {
    for (const { scenario, files: all } of built) {
      for (const [name, bytes] of all) {
        if (!name.endsWith('.txt')) continue;
        const sink = new CollectSink();
        await readConfig(input(scenario.folder, name, bytes), sink);
        expect(sink.warnings, `${scenario.folder}/${name}`).toEqual([]);
        expect(sink.configRows.length, `${scenario.folder}/${name}`).toBeGreaterThan(0);
        if (name === 'Get-ClusterNetwork.txt') {
          const networks = sink.configRows.filter((r) => r.table === 'cluster_networks');
          expect(networks.length).toBe(scenario.networks.length);
        }
      }
    }
  });
});
