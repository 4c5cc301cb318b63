import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { el, nameHash, sub, templateIdentity, text, attr } from './binxml.js';
import { encodeGuid, encodeSid, renderValue } from './values.js';
import { writeEvtx, type EvtxRecord } from './write-evtx.js';

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
      ],
    ),
    el('EventData', [], [el('Data', [attr('Name', text('VmName'))], [sub(2, 'string')])]),
  ],
);

function records(count: number): EvtxRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    recordId: BigInt(i + 1),
    written: 130_000_000_000_000_000n + BigInt(i) * 10_000_000n,
    template,
    values: [
      { type: 'uint16', value: 21300 },
      { type: 'filetime', value: 130_000_000_000_000_000n + BigInt(i) * 10_000_000n },
      { type: 'string', value: `VM-${'x'.repeat(i % 40)}` },
    ],
  }));
}

describe('EVTX writer', () => {
  it('hashes names as the string table does (real bytes: "Event" → 0x0cba)', () => {
    expect(nameHash('Event')).toBe(0x0cba);
  });

  it('encodes GUIDs, SIDs and renders values the way Windows does', () => {
    expect(encodeGuid('{05F02597-FE85-4E67-8542-69567AB8FD4F}').toString('hex')).toBe(
      '9725f00585fe674e854269567ab8fd4f',
    );
    expect(encodeSid('S-1-5-18').toString('hex')).toBe('010100000000000512000000');
    expect(renderValue({ type: 'hex64', value: 0x8000000000000000n })).toBe('0x8000000000000000');
    expect(renderValue({ type: 'hex32', value: 0x3e7 })).toBe('0x3e7');
    expect(renderValue({ type: 'guid', value: '05f02597-fe85-4e67-8542-69567ab8fd4f' })).toBe(
      '{05F02597-FE85-4E67-8542-69567AB8FD4F}',
    );
    expect(renderValue({ type: 'binary', value: Uint8Array.from([0x43, 0x00, 0xab]) })).toBe(
      '4300AB',
    );
  });

  it('fills several chunks with valid header and data checksums and contiguous record ids', () => {
    const { bytes, layout } = writeEvtx(records(1500));
    expect(layout.chunks.length).toBeGreaterThanOrEqual(3);
    expect(bytes.length).toBe(4096 + layout.chunks.length * 65536);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('ElfFile\0');
    expect(bytes.readUInt32LE(124)).toBe(crc32(bytes.subarray(0, 120)));
    expect(bytes.readUInt16LE(42)).toBe(layout.chunks.length);
    let next = 1n;
    layout.chunks.forEach((info, i) => {
      const chunk = bytes.subarray(4096 + i * 65536, 4096 + (i + 1) * 65536);
      expect(chunk.subarray(0, 8).toString('latin1')).toBe('ElfChnk\0');
      expect(chunk.readBigUInt64LE(24)).toBe(next);
      expect(info.firstRecordId).toBe(next);
      next = info.lastRecordId + 1n;
      const freeSpace = chunk.readUInt32LE(48);
      expect(chunk.readUInt32LE(52)).toBe(crc32(chunk.subarray(512, freeSpace)));
      expect(chunk.readUInt32LE(124)).toBe(
        crc32(Buffer.concat([chunk.subarray(0, 120), chunk.subarray(128, 512)])),
      );
      // The template is defined once in each chunk (its GUID appears once) and instantiated per record.
      const guid = templateIdentity(template).guid;
      let definitions = 0;
      for (let at = chunk.indexOf(guid); at >= 0; at = chunk.indexOf(guid, at + 1))
        definitions += 1;
      expect(definitions).toBe(1);
      let records = 0;
      for (let at = 512; at < freeSpace; at += chunk.readUInt32LE(at + 4)) {
        expect(chunk.readUInt32LE(at)).toBe(0x2a2a);
        records += 1;
      }
      expect(records).toBe(info.records);
    });
    expect(next).toBe(1501n);
  });

  it('writes the same bytes for the same records', () => {
    expect(writeEvtx(records(300)).bytes.equals(writeEvtx(records(300)).bytes)).toBe(true);
  });
});
