import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evtxReader } from '../../src/readers/evtx/evtx-reader.js';
import { attr, el, sub, text } from '../sample-log-generator/evtx/binxml.js';
import {
  chunkSizeInBytes,
  fileHeaderSizeInBytes,
  writeEvtx,
  type EvtxRecord,
} from '../sample-log-generator/evtx/write-evtx.js';
import { CollectSink } from '../support/collect-sink.js';
import { useTempDir } from '../support/temp-dir.js';

// Truncation at every chunk boundary and inside chunks, counting the good records on each side.
// Zeroed, shuffled and CRC-damaged chunks are covered in test/readers/evtx/damage.test.ts.

const template = el(
  'Event',
  [attr('xmlns', text('http://schemas.microsoft.com/win/2004/08/events/event'))],
  [
    el(
      'System',
      [],
      [
        el('EventID', [], [sub(0, 'uint16')]),
        el('TimeCreated', [attr('SystemTime', sub(1, 'filetime'))]),
        el('EventRecordID', [], [sub(3, 'uint64')]),
      ],
    ),
    el('EventData', [], [el('Data', [attr('Name', text('VmName'))], [sub(2, 'string')])]),
  ],
);

const records: EvtxRecord[] = Array.from({ length: 2000 }, (_, i) => ({
  recordId: BigInt(i + 1),
  written: 130_000_000_000_000_000n + BigInt(i) * 10_000_000n,
  template,
  values: [
    { type: 'uint16', value: 21502 },
    { type: 'filetime', value: 130_000_000_000_000_000n + BigInt(i) * 10_000_000n },
    { type: 'string', value: `VM-${i}-${'x'.repeat(i % 50)}` },
    { type: 'uint64', value: BigInt(i + 1) },
  ],
}));
const { bytes, layout } = writeEvtx(records);
const chunkCount = layout.chunks.length;
const recordsBefore = (chunks: number) =>
  layout.chunks.slice(0, chunks).reduce((sum, chunk) => sum + chunk.records, 0);

describe('EVTX truncation at every chunk boundary', () => {
  const tempDir = useTempDir();

  async function readPrefix(length: number): Promise<CollectSink> {
    const path = join(tempDir(), `cut-${length}.evtx`);
    writeFileSync(path, bytes.subarray(0, length));
    const sink = new CollectSink();
    await evtxReader.read({ path, displayPath: path, size: length }, sink, { jobs: 1 });
    return sink;
  }

  it('the fixture spans several chunks', () => {
    expect(chunkCount).toBeGreaterThanOrEqual(4);
    expect(recordsBefore(chunkCount)).toBe(records.length);
  });

  for (let kept = 0; kept <= chunkCount; kept++) {
    it(`cut after ${kept} of ${chunkCount} chunks: exactly the records of those chunks`, async () => {
      const sink = await readPrefix(fileHeaderSizeInBytes + kept * chunkSizeInBytes);
      const ids = sink.events.map((event) => event.recordId);
      const expected = recordsBefore(kept);
      expect(ids).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
    });
  }

  for (let kept = 0; kept < chunkCount; kept++) {
    it(`cut inside chunk ${kept + 1}: every record of the ${kept} whole chunks before it, the complete records before the cut, and a warning`, async () => {
      const sink = await readPrefix(
        fileHeaderSizeInBytes + kept * chunkSizeInBytes + chunkSizeInBytes / 2,
      );
      const ids = sink.events.map((event) => event.recordId);
      expect(ids.slice(0, recordsBefore(kept))).toEqual(
        Array.from({ length: recordsBefore(kept) }, (_, i) => i + 1),
      );
      // The records complete before the cut in the partial chunk are read too, in order.
      expect(ids.length).toBeGreaterThan(recordsBefore(kept));
      expect(ids.length).toBeLessThan(recordsBefore(kept + 1));
      expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
      expect(sink.warnings.map((w) => w.message).join('\n')).toMatch(
        /ends \d+ bytes into this chunk/,
      );
    });
  }
});
