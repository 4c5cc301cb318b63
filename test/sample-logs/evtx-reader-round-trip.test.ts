import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evtxReader } from '../../src/readers/evtx/evtx-reader.js';
import { buildScenarioFiles } from '../sample-log-generator/generate-sample-logs.js';
import { scenarios } from '../sample-log-generator/scenarios/index.js';
import { expectedLogEvent } from '../sample-log-generator/to-log-event.js';
import { CollectSink } from '../support/collect-sink.js';
import { useTempDir } from '../support/temp-dir.js';

/**
 * Our own EVTX reader on every generated `.evtx`: it gives back exactly the events that were
 * written (every System field, every EventData/UserData value, in record order), and reports
 * the damaged chunk of the damaged-evtx-chunk scenario without losing its records.
 */
describe.each(scenarios.map((s) => [s.folder, s] as const))('EVTX reader on %s', (_folder, scenario) => {
  const tempDir = useTempDir();
  const built = buildScenarioFiles(scenario);

  it('gives back exactly the events written', async () => {
    for (const [name, events] of built.evtxEvents) {
      const path = join(tempDir(), name);
      const bytes = built.files.get(name) ?? Buffer.alloc(0);
      writeFileSync(path, bytes);
      const sink = new CollectSink();
      await evtxReader.read({ path, displayPath: name, size: bytes.length }, sink, { jobs: 1 });
      const where = `${scenario.folder}/${name}`;
      const damaged = scenario.damage && `${scenario.damage.node}-${scenario.damage.channelFile}.evtx` === name;
      // The damage altered one value ("running" → "RUnning") and nothing else.
      const altered = sink.events.filter((e) => e.data.param2 === 'RUnning');
      expect(altered.length, where).toBe(damaged ? 1 : 0);
      const repaired = sink.events.map((e) =>
        e.data.param2 === 'RUnning' ? { ...e, data: { ...e.data, param2: 'running' } } : e,
      );
      expect(repaired, where).toEqual(events.map((e) => expectedLogEvent(e, false)));
      if (damaged) {
        expect(sink.warnings.length, where).toBeGreaterThan(0);
        expect(sink.warnings.map((w) => `${w.location} ${w.message}`).join('\n'), where).toMatch(/chunk 1\b/);
      } else {
        expect(sink.warnings, where).toEqual([]);
      }
    }
  });
});
