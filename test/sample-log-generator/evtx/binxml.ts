/**
 * BinXML encoding for the EVTX writer (evtx-format.md §1.7–§1.10): element trees with
 * substitution slots, encoded as template definitions, and template instances that fill them.
 * Every offset written is a chunk offset, so encoding happens at a known position in a chunk.
 */
import { createHash } from 'node:crypto';
import { encodeValue, valueTypeCode, type EvtxValue, type ValueType } from './values.js';

/** Literal text or a substitution slot inside a template. */
export type TemplateText =
  | { kind: 'text'; text: string }
  | { kind: 'substitution'; index: number; type: ValueType; optional: boolean };

export interface TemplateAttribute {
  name: string;
  value: TemplateText;
}

export interface TemplateElement {
  kind: 'element';
  name: string;
  attributes: TemplateAttribute[];
  children: (TemplateElement | TemplateText)[];
}

/** Shorthands to build template trees. */
export const el = (
  name: string,
  attributes: TemplateAttribute[] = [],
  children: (TemplateElement | TemplateText)[] = [],
): TemplateElement => ({ kind: 'element', name, attributes, children });
export const text = (value: string): TemplateText => ({ kind: 'text', text: value });
export const sub = (index: number, type: ValueType, optional = false): TemplateText => ({
  kind: 'substitution',
  index,
  type,
  optional,
});
export const attr = (name: string, value: TemplateText): TemplateAttribute => ({ name, value });

const token = {
  endOfStream: 0x00,
  openStart: 0x01,
  closeStart: 0x02,
  closeEmpty: 0x03,
  endElement: 0x04,
  value: 0x05,
  attribute: 0x06,
  templateInstance: 0x0c,
  normalSubstitution: 0x0d,
  optionalSubstitution: 0x0e,
  fragmentHeader: 0x0f,
  moreFlag: 0x40,
} as const;

/** Growable little-endian writer whose positions are chunk offsets (base + length). */
export class ChunkByteWriter {
  private bytes: number[] = [];
  constructor(readonly base: number) {}

  get position(): number {
    return this.base + this.bytes.length;
  }
  u8(v: number): void {
    this.bytes.push(v & 0xff);
  }
  u16(v: number): void {
    this.u8(v);
    this.u8(v >>> 8);
  }
  u32(v: number): void {
    this.u16(v & 0xffff);
    this.u16(v >>> 16);
  }
  raw(data: Uint8Array): void {
    for (const b of data) this.bytes.push(b);
  }
  utf16(s: string): void {
    this.raw(Buffer.from(s, 'utf16le'));
  }
  /** Reserves a u32 and returns its chunk offset, for patchU32. */
  reserveU32(): number {
    const at = this.position;
    this.u32(0);
    return at;
  }
  patchU32(chunkOffset: number, v: number): void {
    const i = chunkOffset - this.base;
    this.bytes[i] = v & 0xff;
    this.bytes[i + 1] = (v >>> 8) & 0xff;
    this.bytes[i + 2] = (v >>> 16) & 0xff;
    this.bytes[i + 3] = (v >>> 24) & 0xff;
  }
  toBuffer(): Buffer {
    return Buffer.from(this.bytes);
  }
}

/** Hash of a name for the common-string table (evtx-format.md §1.4). Pure. */
export function nameHash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 65599) + name.charCodeAt(i)) >>> 0;
  return h & 0xffff;
}

/** Per-chunk dictionaries: names and template definitions already written, by chunk offset. */
export interface ChunkDictionaries {
  names: Map<string, number>;
  templates: Map<string, number>;
}

/** Names and templates inlined while encoding one record (committed only if the record fits). */
export interface NewEntries {
  names: { name: string; offset: number }[];
  templates: { key: string; offset: number; templateId: number }[];
}

/** A template's identity: GUID derived from its shape, id = the GUID's first 4 bytes. */
export interface TemplateIdentity {
  key: string;
  guid: Buffer;
  templateId: number;
}

/** Deterministic identity of a template tree (a hash of its structure and literals). Pure. */
export function templateIdentity(root: TemplateElement): TemplateIdentity {
  const key = JSON.stringify(root);
  const guid = createHash('sha256').update(key).digest().subarray(0, 16);
  return { key, guid, templateId: guid.readUInt32LE(0) };
}

class RecordEncoder {
  readonly added: NewEntries = { names: [], templates: [] };
  constructor(
    private readonly w: ChunkByteWriter,
    private readonly dict: ChunkDictionaries,
  ) {}

  private nameRef(name: string): void {
    const known =
      this.dict.names.get(name) ?? this.added.names.find((n) => n.name === name)?.offset;
    if (known !== undefined) {
      this.w.u32(known);
      return;
    }
    const at = this.w.position + 4;
    this.w.u32(at);
    this.added.names.push({ name, offset: at });
    this.w.u32(0); // next entry in the hash bucket, patched when the chunk is sealed
    this.w.u16(nameHash(name));
    this.w.u16(name.length);
    this.w.utf16(name);
    this.w.u16(0);
  }

  private textOrSubstitution(t: TemplateText): void {
    if (t.kind === 'text') {
      this.w.u8(token.value);
      this.w.u8(valueTypeCode.string);
      this.w.u16(t.text.length);
      this.w.utf16(t.text);
    } else {
      this.w.u8(t.optional ? token.optionalSubstitution : token.normalSubstitution);
      this.w.u16(t.index);
      this.w.u8(valueTypeCode[t.type]);
    }
  }

  /** An element inside a template definition (with the dependency identifier, §1.9). */
  element(e: TemplateElement): void {
    const hasAttributes = e.attributes.length > 0;
    this.w.u8(hasAttributes ? token.openStart | token.moreFlag : token.openStart);
    this.w.u16(0xffff);
    const sizeAt = this.w.reserveU32();
    this.nameRef(e.name);
    if (hasAttributes) {
      const listAt = this.w.reserveU32();
      e.attributes.forEach((a, i) => {
        const last = i === e.attributes.length - 1;
        this.w.u8(last ? token.attribute : token.attribute | token.moreFlag);
        this.nameRef(a.name);
        this.textOrSubstitution(a.value);
      });
      this.w.patchU32(listAt, this.w.position - listAt - 4);
    }
    if (e.children.length === 0) {
      this.w.u8(token.closeEmpty);
    } else {
      this.w.u8(token.closeStart);
      for (const c of e.children) {
        if (c.kind === 'element') this.element(c);
        else this.textOrSubstitution(c);
      }
      this.w.u8(token.endElement);
    }
    this.w.patchU32(sizeAt, this.w.position - sizeAt - 4);
  }

  /** Fragment header + template instance (definition inline on first use) + end of stream. */
  instance(root: TemplateElement, identity: TemplateIdentity, values: EvtxValue[]): void {
    this.w.u8(token.fragmentHeader);
    this.w.u8(1);
    this.w.u8(1);
    this.w.u8(0);
    this.w.u8(token.templateInstance);
    this.w.u8(0x01);
    this.w.u32(identity.templateId);
    const known = this.dict.templates.get(identity.key);
    if (known !== undefined) {
      this.w.u32(known);
    } else {
      const at = this.w.position + 4;
      this.w.u32(at);
      this.added.templates.push({ key: identity.key, offset: at, templateId: identity.templateId });
      this.w.u32(0); // next definition in the bucket, patched when the chunk is sealed
      this.w.raw(identity.guid);
      const sizeAt = this.w.reserveU32();
      this.w.u8(token.fragmentHeader);
      this.w.u8(1);
      this.w.u8(1);
      this.w.u8(0);
      this.element(root);
      this.w.u8(token.endOfStream);
      this.w.patchU32(sizeAt, this.w.position - sizeAt - 4);
    }
    const encoded = values.map(encodeValue);
    this.w.u32(values.length);
    values.forEach((v, i) => {
      this.w.u16(encoded[i]?.length ?? 0);
      this.w.u8(valueTypeCode[v.type]);
      this.w.u8(0);
    });
    for (const bytes of encoded) this.w.raw(bytes);
    this.w.u8(token.endOfStream);
  }
}

/**
 * Encodes one record's BinXML (fragment + template instance) at chunk offset `base`. Pure with
 * respect to `dict`: names and templates it inlines are returned, not added.
 */
export function encodeRecordBinXml(
  base: number,
  dict: ChunkDictionaries,
  root: TemplateElement,
  identity: TemplateIdentity,
  values: EvtxValue[],
): { bytes: Buffer; added: NewEntries } {
  const w = new ChunkByteWriter(base);
  const encoder = new RecordEncoder(w, dict);
  encoder.instance(root, identity, values);
  return { bytes: w.toBuffer(), added: encoder.added };
}
