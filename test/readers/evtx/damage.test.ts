import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectEvtxInfo } from '../../../src/readers/evtx/evtx-info.js';
import { useTempDir } from '../../support/temp-dir.js';
import {
  buildFile,
  chunkSize,
  ChunkBuilder,
  guidBytes,
  type BinXmlWriter,
} from './support/evtx-bytes.js';
import { systemFields, writeEvent } from './support/event-template.js';
import { renderFile } from './support/render-file.js';

/** Damaged files: every kind of damage is reported with its place, and the rest is read. */

function chunkOf(
  ids: number[],
  options: { flags?: number } = {},
): { chunk: ChunkBuilder; offsets: number[]; bytes: Buffer } {
  const chunk = new ChunkBuilder();
  const offsets = ids.map((id) =>
    chunk.record(id, (w) => writeEvent(w, systemFields({ recordId: id }), null)),
  );
  return { chunk, offsets, bytes: chunk.finish(options) };
}

const selfGuid = guidBytes('{0badbad0-0000-4000-8000-000000000001}');
const chainGuid = (i: number) =>
  guidBytes(`{0c0c0c0c-0000-4000-8000-${i.toString(16).padStart(12, '0')}}`);

const recordIds = (events: string[]) =>
  events.map((e) => Number(/<EventRecordID>(\d+)</.exec(e)?.[1]));

describe('damaged EVTX files', () => {
  const tempDir = useTempDir();
  const write = (bytes: Buffer) => {
    const path = join(tempDir(), 'damaged.evtx');
    writeFileSync(path, bytes);
    return path;
  };

  it('reads every chunk to the end of the file, whatever the header declares', () => {
    const path = write(
      buildFile([chunkOf([1, 2]).bytes, chunkOf([3]).bytes, chunkOf([4, 5]).bytes], {
        declaredChunks: 1,
      }),
    );
    const { events, problems } = renderFile(path);
    expect(recordIds(events)).toEqual([1, 2, 3, 4, 5]);
    expect(problems).toEqual([]);
    expect(collectEvtxInfo(path).chunks).toMatchObject({ declared: 1, valid: 3 });
  });

  it('skips empty blocks silently and reports blocks without the chunk signature', () => {
    const junk = Buffer.alloc(chunkSize, 0x5a);
    const path = write(
      buildFile([chunkOf([1]).bytes, Buffer.alloc(chunkSize), junk, chunkOf([2]).bytes], {
        tail: 100,
      }),
    );
    const { events, problems } = renderFile(path);
    expect(recordIds(events)).toEqual([1, 2]);
    expect(problems).toEqual([
      {
        chunkIndex: 2,
        chunkFileOffset: 4096 + 2 * chunkSize,
        chunkOffset: 0,
        message: 'block has no chunk signature (skipped)',
      },
    ]);
  });

  it('reports header and data CRC mismatches but reads the records; no-CRC flags silence them', () => {
    const { bytes } = chunkOf([1, 2]);
    bytes.writeUInt32LE((bytes.readUInt32LE(52) ^ 1) >>> 0, 52); // stored data CRC off by one bit
    bytes.writeUInt32LE((bytes.readUInt32LE(124) ^ 1) >>> 0, 124); // stored header CRC too
    const damagedHeader = buildFile([bytes], { badHeaderCrc: true });
    const { events, problems } = renderFile(write(damagedHeader));
    expect(recordIds(events)).toEqual([1, 2]);
    expect(problems.map((p) => p.message)).toEqual([
      'file header CRC-32 does not match',
      'chunk header CRC-32 does not match (records read anyway)',
      'chunk data CRC-32 does not match (records read anyway)',
    ]);
    const noCrc = chunkOf([1, 2], { flags: 0x4 }).bytes;
    noCrc.writeUInt32LE(0, 52);
    noCrc.writeUInt32LE(0, 124);
    const quiet = renderFile(write(buildFile([noCrc], { flags: 0x4, badHeaderCrc: true })));
    expect(quiet.problems).toEqual([]);
    expect(recordIds(quiet.events)).toEqual([1, 2]);
  });

  it('ends a chunk’s walk at a record whose size and trailing copy differ, and recovers the rest on request', () => {
    const { bytes, offsets } = chunkOf([1, 2, 3, 4]);
    const second = offsets[1] as number;
    const size = bytes.readUInt32LE(second + 4);
    bytes.writeUInt32LE(0, second + size - 4); // trailing copy destroyed
    const path = write(buildFile([bytes, chunkOf([5]).bytes]));
    const plain = renderFile(path);
    expect(recordIds(plain.events)).toEqual([1, 5]);
    expect(plain.problems).toContainEqual(
      expect.objectContaining({
        chunkIndex: 0,
        chunkOffset: second,
        message: `record size ${size} differs from its trailing copy 0; the rest of the chunk is not read`,
      }),
    );
    expect(plain.problems).toContainEqual(
      expect.objectContaining({
        chunkOffset: offsets[2],
        message: expect.stringContaining('2 intact records of this chunk lie after the damage'),
      }),
    );
    expect(recordIds(renderFile(path, { recover: true }).events)).toEqual([1, 3, 4, 5]);
    expect(collectEvtxInfo(path).records).toMatchObject({ allocated: 2, recoverable: 2 });
  });

  it('treats a record size of 0 as damage, never as a loop', () => {
    const { bytes, offsets } = chunkOf([1, 2, 3]);
    bytes.writeUInt32LE(0, (offsets[1] as number) + 4);
    const { events, problems } = renderFile(write(buildFile([bytes])));
    expect(recordIds(events)).toEqual([1]);
    expect(problems.map((p) => p.message)).toContain(
      'record size 0 is too small; the rest of the chunk is not read',
    );
  });

  it('skips a record whose BinXML is cut short and reads the next one', () => {
    const chunk = new ChunkBuilder();
    chunk.record(1, (w) => writeEvent(w, systemFields({ recordId: 1 }), null));
    const cut = chunk.record(2, (w: BinXmlWriter) => {
      writeEvent(w, systemFields({ recordId: 2 }), null);
      w.out.length -= 40; // values run past the end of the record
    });
    chunk.record(3, (w) => writeEvent(w, systemFields({ recordId: 3 }), null));
    const { events, problems } = renderFile(write(buildFile([chunk.finish()])));
    expect(recordIds(events)).toEqual([1, 3]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ chunkIndex: 0, chunkOffset: cut });
    expect(problems[0]?.message).toMatch(/^record skipped: /);
  });

  it('skips a record that points at a template outside the chunk', () => {
    const chunk = new ChunkBuilder();
    chunk.record(1, (w) => w.fragmentHeader().u8(0x0c).u8(1).u32(0).u32(0xfffff0).u32(0));
    chunk.record(2, (w) => writeEvent(w, systemFields({ recordId: 2 }), null));
    const { events, problems } = renderFile(write(buildFile([chunk.finish()])));
    expect(recordIds(events)).toEqual([2]);
    expect(problems[0]?.message).toContain('template offset 16777200 outside the chunk');
  });

  it('stops runaway nesting instead of exhausting the stack', () => {
    const chunk = new ChunkBuilder();
    chunk.record(1, (w) => {
      w.fragmentHeader();
      for (let i = 0; i < 600; i++) w.u8(0x01).u32(0).name('E').u8(0x02);
    });
    chunk.record(2, (w) => writeEvent(w, systemFields({ recordId: 2 }), null));
    const { events, problems } = renderFile(write(buildFile([chunk.finish()])));
    expect(recordIds(events)).toEqual([2]);
    expect(problems[0]?.message).toContain('elements nested too deeply');
  });

  it('skips a record whose template instantiates itself and keeps the others', () => {
    const chunk = new ChunkBuilder();
    chunk.record(1, (w) => writeEvent(w, systemFields({ recordId: 1 }), null));
    const bad = chunk.record(2, (w) => {
      w.fragmentHeader();
      const self = (t: BinXmlWriter): void => {
        t.element('Loop', [], (c) => c.instance('self', selfGuid, self, []));
      };
      w.instance('self', selfGuid, self, []);
      w.eof();
    });
    chunk.record(3, (w) => writeEvent(w, systemFields({ recordId: 3 }), null));
    const path = write(buildFile([chunk.finish()]));
    const { events, problems } = renderFile(path);
    expect(recordIds(events)).toEqual([1, 3]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ chunkOffset: bad });
    expect(problems[0]?.message).toMatch(/^record skipped: .*template/);
    expect(collectEvtxInfo(path).records).toMatchObject({ decoded: 2, undecodable: 1 });
  });

  it('bounds nesting across a chain of distinct templates', () => {
    const chunk = new ChunkBuilder();
    chunk.record(1, (w) => writeEvent(w, systemFields({ recordId: 1 }), null));
    chunk.record(2, (w) => {
      w.fragmentHeader();
      const link =
        (i: number) =>
        (t: BinXmlWriter): void => {
          if (i === 900) t.element('End');
          else
            t.element('L', [], (c) => c.instance(`t${i + 1}`, chainGuid(i + 1), link(i + 1), []));
        };
      w.instance('t0', chainGuid(0), link(0), []);
      w.eof();
    });
    const path = write(buildFile([chunk.finish()]));
    const { events, problems } = renderFile(path);
    expect(recordIds(events)).toEqual([1]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^record skipped: .*nested too deeply/),
    ]);
    expect(collectEvtxInfo(path).records).toMatchObject({ decoded: 1, undecodable: 1 });
  });

  it('refuses a file without the EVTX signature', () => {
    expect(() => renderFile(write(Buffer.from('<Events></Events>')))).toThrow(/not an EVTX file/);
  });
});
