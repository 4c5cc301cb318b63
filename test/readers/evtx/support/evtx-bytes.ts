import { crc32Portable } from '../../../../src/readers/evtx/binary/crc32.js';

/**
 * Byte builders for EVTX structures (evtx-format.md §1), written independently of the parser so
 * tests can lay out every token, value type and kind of damage. Offsets inside a chunk are
 * absolute chunk offsets, exactly as the format wants, so names and template definitions are
 * written inline on first use and referenced afterwards.
 */

export const chunkSize = 65536;

/** A substitution value: its type and a writer that puts its bytes at the current position. */
export interface Value {
  type: number;
  write: (w: BinXmlWriter) => void;
}

function utf16(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++)
    out.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
  return out;
}

/** Writes BinXML into a chunk at an absolute chunk offset. */
export class BinXmlWriter {
  readonly out: number[] = [];
  /** True while writing a template definition: element starts then carry a dependency id. */
  inTemplate = false;

  constructor(
    private readonly chunk: ChunkBuilder,
    private readonly base: number,
  ) {}

  get pos(): number {
    return this.base + this.out.length;
  }

  u8(value: number): this {
    this.out.push(value & 0xff);
    return this;
  }
  u16(value: number): this {
    this.out.push(value & 0xff, (value >>> 8) & 0xff);
    return this;
  }
  u32(value: number): this {
    this.out.push(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff);
    return this;
  }
  raw(bytes: ArrayLike<number>): this {
    for (let i = 0; i < bytes.length; i++) this.out.push(bytes[i] as number);
    return this;
  }
  utf16(text: string): this {
    return this.raw(utf16(text));
  }
  private patch32(at: number, value: number): void {
    const i = at - this.base;
    this.out[i] = value & 0xff;
    this.out[i + 1] = (value >>> 8) & 0xff;
    this.out[i + 2] = (value >>> 16) & 0xff;
    this.out[i + 3] = (value >>> 24) & 0xff;
  }
  private patch16(at: number, value: number): void {
    const i = at - this.base;
    this.out[i] = value & 0xff;
    this.out[i + 1] = (value >>> 8) & 0xff;
  }

  fragmentHeader(): this {
    return this.raw([0x0f, 0x01, 0x01, 0x00]);
  }
  eof(): this {
    return this.u8(0x00);
  }

  /** A name reference: the entry is written inline the first time the chunk uses the name. */
  name(text: string): this {
    const known = this.chunk.names.get(text);
    if (known !== undefined) return this.u32(known);
    const at = this.pos + 4;
    this.chunk.names.set(text, at);
    return this.u32(at).u32(0).u16(0).u16(text.length).utf16(text).u16(0);
  }

  /**
   * An element: open start (0x01, or 0x41 with attributes), the attributes, then content and
   * end (0x02 … 0x04) or close-empty (0x03) when `content` is null.
   */
  element(
    name: string,
    attributes: [string, (w: BinXmlWriter) => void][] = [],
    content: ((w: BinXmlWriter) => void) | null = null,
  ): this {
    this.u8(attributes.length ? 0x41 : 0x01);
    if (this.inTemplate) this.u16(0xffff);
    const sizeAt = this.pos;
    this.u32(0).name(name);
    if (attributes.length) {
      const listAt = this.pos;
      this.u32(0);
      attributes.forEach(([attributeName, value], i) => {
        this.u8(i < attributes.length - 1 ? 0x46 : 0x06).name(attributeName);
        value(this);
      });
      this.patch32(listAt, this.pos - listAt - 4);
    }
    if (content) {
      this.u8(0x02);
      content(this);
      this.u8(0x04);
    } else {
      this.u8(0x03);
    }
    this.patch32(sizeAt, this.pos - sizeAt - 4);
    return this;
  }

  text(text: string, more = false): this {
    return this.u8(more ? 0x45 : 0x05)
      .u8(0x01)
      .u16(text.length)
      .utf16(text);
  }
  substitution(index: number, type: number, optional = false): this {
    return this.u8(optional ? 0x0e : 0x0d)
      .u16(index)
      .u8(type);
  }
  charRef(code: number): this {
    return this.u8(0x08).u16(code);
  }
  entityRef(name: string): this {
    return this.u8(0x09).name(name);
  }
  cdata(text: string): this {
    return this.u8(0x07).u16(text.length).utf16(text);
  }
  processingInstruction(target: string, data: string): this {
    this.u8(0x0a).name(target);
    return this.u8(0x0b).u16(data.length).utf16(data);
  }

  /**
   * A template instance: the definition (`body`, a root element) is written inline the first
   * time `key` is used in the chunk; then the values with their descriptors.
   */
  instance(key: string, guid: number[], body: (w: BinXmlWriter) => void, values: Value[]): this {
    this.u8(0x0c).u8(0x01).raw(guid.slice(0, 4));
    const known = this.chunk.templates.get(key);
    if (known !== undefined) this.u32(known);
    else {
      const at = this.pos + 4;
      this.chunk.templates.set(key, at);
      this.u32(at).u32(0).raw(guid);
      const sizeAt = this.pos;
      this.u32(0);
      const wasInTemplate = this.inTemplate;
      this.inTemplate = true;
      this.fragmentHeader();
      body(this);
      this.eof();
      this.inTemplate = wasInTemplate;
      this.patch32(sizeAt, this.pos - sizeAt - 4);
    }
    this.u32(values.length);
    const descriptorsAt = this.pos;
    for (const value of values) this.u16(0).u8(value.type).u8(0);
    values.forEach((value, i) => {
      const start = this.pos;
      const wasInTemplate = this.inTemplate;
      this.inTemplate = false;
      value.write(this);
      this.inTemplate = wasInTemplate;
      this.patch16(descriptorsAt + i * 4, this.pos - start);
    });
    return this;
  }
}

/** Lays out records in one 64 KiB chunk and writes its header with valid CRCs. */
export class ChunkBuilder {
  readonly bytes = Buffer.alloc(chunkSize);
  readonly names = new Map<string, number>();
  readonly templates = new Map<string, number>();
  private pos = 512;
  private firstId = 0;
  private lastId = 0;
  private lastRecordOffset = 0;

  /** Appends a record with BinXML from `body`; returns its chunk offset. */
  record(id: number, body: (w: BinXmlWriter) => void, written = 132000000000000000n): number {
    const at = this.pos;
    const w = new BinXmlWriter(this, at + 24);
    body(w);
    const size = 24 + w.out.length + 4;
    this.bytes.write('**\0\0', at, 'latin1');
    this.bytes.writeUInt32LE(size, at + 4);
    this.bytes.writeBigUInt64LE(BigInt(id), at + 8);
    this.bytes.writeBigUInt64LE(written, at + 16);
    Buffer.from(w.out).copy(this.bytes, at + 24);
    this.bytes.writeUInt32LE(size, at + size - 4);
    if (this.firstId === 0) this.firstId = id;
    this.lastId = id;
    this.lastRecordOffset = at;
    this.pos += size;
    return at;
  }

  /** Finishes the header: record ids, offsets, flags, both CRCs. */
  finish(options: { flags?: number; freeSpaceOffset?: number } = {}): Buffer {
    const b = this.bytes;
    b.write('ElfChnk\0', 0, 'latin1');
    b.writeBigUInt64LE(BigInt(this.firstId), 8);
    b.writeBigUInt64LE(BigInt(this.lastId), 16);
    b.writeBigUInt64LE(BigInt(this.firstId), 24);
    b.writeBigUInt64LE(BigInt(this.lastId), 32);
    b.writeUInt32LE(128, 40);
    b.writeUInt32LE(this.lastRecordOffset, 44);
    const free = options.freeSpaceOffset ?? this.pos;
    b.writeUInt32LE(free, 48);
    b.writeUInt32LE(crc32Portable(b, 512, Math.min(free, chunkSize)), 52);
    b.writeUInt32LE(options.flags ?? 0, 120);
    b.writeUInt32LE(crc32Portable(b, 128, 512, crc32Portable(b, 0, 120)), 124);
    return b;
  }
}

/** An EVTX file: header (valid CRC unless told) followed by the given 64 KiB blocks. */
export function buildFile(
  blocks: Buffer[],
  options: { declaredChunks?: number; flags?: number; badHeaderCrc?: boolean; tail?: number } = {},
): Buffer {
  const header = Buffer.alloc(4096);
  header.write('ElfFile\0', 0, 'latin1');
  header.writeBigUInt64LE(0n, 8);
  header.writeBigUInt64LE(BigInt(Math.max(0, blocks.length - 1)), 16);
  header.writeUInt32LE(128, 32);
  header.writeUInt16LE(1, 36);
  header.writeUInt16LE(3, 38);
  header.writeUInt16LE(4096, 40);
  header.writeUInt16LE(options.declaredChunks ?? blocks.length, 42);
  header.writeUInt32LE(options.flags ?? 0, 120);
  header.writeUInt32LE((crc32Portable(header, 0, 120) ^ (options.badHeaderCrc ? 1 : 0)) >>> 0, 124);
  return Buffer.concat([header, ...blocks, Buffer.alloc(options.tail ?? 0, 0xaa)]);
}

/** Value helpers. */
export const value = {
  null: (size = 0): Value => ({ type: 0x00, write: (w) => w.raw(new Array(size).fill(0)) }),
  string: (text: string): Value => ({ type: 0x01, write: (w) => w.utf16(text) }),
  bytes: (type: number, bytes: number[]): Value => ({ type, write: (w) => w.raw(bytes) }),
  u8: (n: number): Value => ({ type: 0x04, write: (w) => w.u8(n) }),
  u16: (n: number): Value => ({ type: 0x06, write: (w) => w.u16(n) }),
  u32: (n: number): Value => ({ type: 0x08, write: (w) => w.u32(n) }),
  hex64: (n: bigint): Value => ({
    type: 0x15,
    write: (w) => w.u32(Number(n & 0xffffffffn)).u32(Number(n >> 32n)),
  }),
  filetime: (ticks: bigint): Value => ({
    type: 0x11,
    write: (w) => w.u32(Number(ticks & 0xffffffffn)).u32(Number(ticks >> 32n)),
  }),
  guid: (bytes: number[]): Value => ({ type: 0x0f, write: (w) => w.raw(bytes) }),
  sid: (bytes: number[]): Value => ({ type: 0x13, write: (w) => w.raw(bytes) }),
  stringArray: (items: string[]): Value => ({
    type: 0x81,
    write: (w) => {
      for (const item of items) w.utf16(item).u16(0);
    },
  }),
  binXml: (body: (w: BinXmlWriter) => void): Value => ({ type: 0x21, write: body }),
};

/** GUID bytes as stored (first three fields little-endian) for `{…}` text. */
export function guidBytes(text: string): number[] {
  const hex = text.replace(/[{}-]/g, '');
  const bytes = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  const swap = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  return swap.map((i) => bytes[i] as number);
}

/** SID bytes for `S-1-5-21-…` text. */
export function sidBytes(text: string): number[] {
  const [, revision, authority, ...subs] = text.split('-').map(Number);
  const out = [revision ?? 0, subs.length, 0, 0, 0, 0, 0, authority ?? 0];
  for (const sub of subs)
    out.push(sub & 0xff, (sub >>> 8) & 0xff, (sub >>> 16) & 0xff, (sub >>> 24) & 0xff);
  return out;
}
