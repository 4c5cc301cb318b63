import { nodeKind, type ContentNode, type Template } from './binxml-nodes.js';
import { maxSharedTemplates, maxTemplateSignatureChars } from './limits.js';

/**
 * A part of a definition's BinXML that may differ between chunks without changing what it
 * decodes to: a name reference (the name's chunk offset, and the name itself when it is written
 * in place right after it: `name`), or a size or dependency id the decoder steps over (`name`
 * null). `at` is where it starts, from the start of the definition's BinXML; `size` its bytes.
 */
export interface DefinitionField {
  at: number;
  size: number;
  name: string | null;
}

/** A decoded definition kept for comparison with definitions met later. */
interface KnownDefinition {
  /** The definition's BinXML, copied. */
  definition: Buffer;
  template: Template;
  /** Its fields that may differ, in order; null when it must match byte for byte. */
  fields: DefinitionField[] | null;
}

/** The name at a chunk offset of the chunk being read, or null when none can be read there. */
export type NameAt = (offset: number) => string | null;

const noNames: NameAt = () => null;

function u16(b: Uint8Array, at: number): number {
  return (b[at] as number) | ((b[at + 1] as number) << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (
    ((b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16)) +
    (b[at + 3] as number) * 0x1000000
  );
}

/**
 * Compiled templates shared across the chunks of a file (and across files), by GUID. A
 * definition is decoded once per distinct form: a later definition matches a known one when
 * their bytes are equal, or equal apart from their `DefinitionField`s, whose names are the
 * same. Names are referred to by chunk offset and written in place where a chunk first uses
 * them, so the same template has other offsets, sizes and lengths in each chunk; it decodes to
 * the same nodes, so it is not decoded again. Definitions that still decode to equal nodes share
 * one Template, found by the text of its nodes, so what is compiled from it (XML and System
 * plans) is compiled once too. In the 33.6 MB synthetic file the 4,364 definitions met (one per
 * template and chunk) are 319 distinct templates. Bounded: cleared when it grows past
 * `maxSharedTemplates` entries (or the node texts past `maxTemplateSignatureChars`), keeping
 * memory flat.
 */
export class TemplateCache {
  private readonly byGuid = new Map<string, KnownDefinition[]>();
  private readonly bySignature = new Map<string, Template>();
  private signatureChars = 0;
  private size = 0;
  compiled = 0;
  reused = 0;
  /** Decoded definitions that turned out to equal an earlier template. */
  shared = 0;

  /**
   * The template for the definition at `offset` in `chunk` (`dataSize` bytes of BinXML after
   * its 24-byte header), decoding it with `compile` when no known definition matches.
   * `compile` records the fields it meets in `fields`; `nameAt` reads names of `chunk`.
   */
  lookup(
    chunk: Uint8Array,
    offset: number,
    guid: string,
    dataSize: number,
    compile: (fields: DefinitionField[]) => Template,
    nameAt: NameAt = noNames,
  ): Template {
    const start = offset + 24;
    const candidates = this.byGuid.get(guid);
    if (candidates && start + dataSize <= chunk.length) {
      for (const candidate of candidates) {
        if (sameDefinition(candidate, chunk, start, start + dataSize, nameAt)) {
          this.reused++;
          return candidate.template;
        }
      }
    }
    const fields: DefinitionField[] = [];
    const template = this.distinct(compile(fields));
    this.compiled++;
    if (this.size >= maxSharedTemplates) {
      this.byGuid.clear();
      this.size = 0;
    }
    const entry: KnownDefinition = {
      definition: Buffer.from(chunk.subarray(start, start + dataSize)),
      template,
      // Definitions holding a template instance also refer to other definitions by offset.
      fields: holdsInstance(template.nodes) ? null : fields,
    };
    const list = this.byGuid.get(guid);
    if (list) list.push(entry);
    else this.byGuid.set(guid, [entry]);
    this.size++;
    return template;
  }

  /** The earlier Template with the same GUID and nodes, or `template` itself (remembered). */
  private distinct(template: Template): Template {
    // A template instance inside a definition (rare) is not shared: its text would spell out
    // the nested templates, which crafted input can nest into an exponentially long text.
    if (holdsInstance(template.nodes)) return template;
    const signature = `${template.guid}${JSON.stringify(template.nodes)}`;
    const same = this.bySignature.get(signature);
    if (same) {
      this.shared++;
      return same;
    }
    if (
      this.bySignature.size >= maxSharedTemplates ||
      this.signatureChars + signature.length > maxTemplateSignatureChars
    ) {
      this.bySignature.clear();
      this.signatureChars = 0;
    }
    this.bySignature.set(signature, template);
    this.signatureChars += signature.length;
    return template;
  }
}

/**
 * Whether the definition at `chunk[start, end)` decodes to the known definition's nodes: its
 * bytes are the known bytes, except that where the known definition has a field it has one of
 * the same kind: a size or id of the same length (any value), or a reference to the same name
 * (written in place or not). Decoding then meets the same tokens and names, so it gives the
 * same nodes. Equal bytes are not enough: a name referred to by offset may be another name in
 * this chunk.
 */
function sameDefinition(
  known: KnownDefinition,
  chunk: Uint8Array,
  start: number,
  end: number,
  nameAt: NameAt,
): boolean {
  const definition = known.definition;
  const fields = known.fields;
  if (end - start === definition.length && definition.compare(chunk, start, end) === 0) {
    return fields === null || sameNames(fields, chunk, start, nameAt);
  }
  if (fields === null || fields.length === 0) return false;
  let from = 0; // in the known definition
  let at = start; // in the chunk
  for (const field of fields) {
    const length = field.at - from;
    if (at + length + 4 > end || !sameBytes(definition, from, chunk, at, length)) return false;
    at += length;
    from = field.at + field.size;
    if (field.name === null) {
      at += field.size;
      continue;
    }
    const nameOffset = u32(chunk, at);
    at += 4;
    if (nameOffset === at) {
      // Written in place: stepped over as the decoder does.
      if (at + 8 > end) return false;
      at += 10 + 2 * u16(chunk, at + 6);
      if (at > end) return false;
    }
    if (nameAt(nameOffset) !== field.name) return false;
  }
  const rest = definition.length - from;
  return at + rest === end && sameBytes(definition, from, chunk, at, rest);
}

/** Whether the names a definition laid out as `fields` refers to by offset are theirs. */
function sameNames(
  fields: DefinitionField[],
  chunk: Uint8Array,
  start: number,
  nameAt: NameAt,
): boolean {
  for (const field of fields) {
    // Names written in place (longer fields) are part of the bytes already compared.
    if (field.name !== null && field.size === 4) {
      if (nameAt(u32(chunk, start + field.at)) !== field.name) return false;
    }
  }
  return true;
}

/** Whether `a[from, from + length)` equals `b[at, at + length)`; short runs without a call. */
function sameBytes(a: Buffer, from: number, b: Uint8Array, at: number, length: number): boolean {
  if (length > 32) return a.compare(b, at, at + length, from, from + length) === 0;
  for (let i = 0; i < length; i++) if (b[at + i] !== a[from + i]) return false;
  return true;
}

/** Whether decoded nodes hold a template instance, at any element depth. Pure. */
function holdsInstance(nodes: ContentNode[]): boolean {
  for (const node of nodes) {
    if (node.kind === nodeKind.instance) return true;
    if (node.kind === nodeKind.element && holdsInstance(node.children)) return true;
  }
  return false;
}
