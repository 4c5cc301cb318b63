import {
  localName,
  nodeKind,
  type AttributeNode,
  type ContentNode,
  type ElementNode,
  type InstanceNode,
  type Template,
  type ValuePiece,
} from './binxml-nodes.js';
import { token } from './binxml-tokens.js';
import { formatGuid } from './format-value.js';
import { chunkSizeInBytes, EvtxDamage, maxElementDepth, maxNestingDepth } from './limits.js';
import type { DefinitionField, TemplateCache } from './template-cache.js';
import { decodeUtf16 } from './utf16.js';

/**
 * Decodes the BinXML of one chunk. Names and template definitions are resolved by chunk offset
 * and cached for the chunk's lifetime (evtx-format.md §1.8, §1.10); compiled templates are also
 * shared with later chunks through `TemplateCache`. Every read is bounds-checked; damage throws
 * EvtxDamage, which the caller turns into a skipped record.
 */
export class ChunkDecoder {
  private readonly names = new Map<number, string>();
  private readonly templates = new Map<number, Template>();
  private pos = 0;
  private end = 0;
  /** While a definition is decoded: the fields that may differ between chunks (TemplateCache). */
  private fields: DefinitionField[] | null = null;
  /** Where that definition's BinXML starts. */
  private definitionStart = 0;
  private readonly nameAt = (offset: number): string | null => this.nameAtOffset(offset);
  /** Definitions being decoded (a definition that instantiates itself is damage). */
  private readonly decoding = new Set<number>();

  constructor(
    readonly bytes: Uint8Array,
    private readonly cache: TemplateCache,
  ) {}

  /** The fragments of a record or of a nested BinXML value at `[start, end)`. */
  decodeFragments(start: number, end: number, depth: number): ContentNode[] {
    if (depth > maxNestingDepth) throw new EvtxDamage('BinXML nested too deeply', start);
    const savedPos = this.pos;
    const savedEnd = this.end;
    this.pos = start;
    this.end = end;
    try {
      const nodes: ContentNode[] = [];
      let complete = 0; // nodes of fragments that ended with EOF
      while (this.pos < this.end) {
        const tok = this.bytes[this.pos] as number;
        try {
          if (tok === token.fragmentHeader) {
            this.need(4);
            this.pos += 4;
          } else if (tok === token.templateInstance) {
            nodes.push(this.readInstance(depth));
          } else if ((tok & 0x1f) === token.openStart) {
            nodes.push(this.readElement(false, depth, 0));
          } else if (tok === token.eof) {
            this.pos++;
            complete = nodes.length;
            // Another fragment may follow (a whole fragment header); anything else is slack.
            if (!this.fragmentHeaderFollows()) break;
          } else {
            throw this.damage(`unexpected BinXML token 0x${tok.toString(16)} at fragment level`);
          }
        } catch (error) {
          // Records often end in leftovers of an older record after their last EOF: a broken
          // fragment after a complete one is slack, not damage.
          if (complete > 0 && error instanceof EvtxDamage) return nodes.slice(0, complete);
          throw error;
        }
      }
      return nodes;
    } finally {
      this.pos = savedPos;
      this.end = savedEnd;
    }
  }

  private fragmentHeaderFollows(): boolean {
    const b = this.bytes;
    const at = this.pos;
    return (
      at + 5 <= this.end &&
      b[at] === token.fragmentHeader &&
      b[at + 1] === 1 &&
      b[at + 2] === 1 &&
      b[at + 3] === 0
    );
  }

  private damage(message: string): EvtxDamage {
    return new EvtxDamage(message, this.pos);
  }

  private need(length: number): void {
    if (this.pos + length > this.end) {
      throw this.damage(
        `BinXML needs ${length} bytes at offset ${this.pos}, data ends at ${this.end}`,
      );
    }
  }

  private u16(at: number): number {
    return (this.bytes[at] as number) | ((this.bytes[at + 1] as number) << 8);
  }

  private u32(at: number): number {
    const b = this.bytes;
    return (
      ((b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16)) +
      (b[at + 3] as number) * 0x1000000
    );
  }

  /** A name reference: inline (offset = here, stepped over) or an earlier entry. */
  private readName(): string {
    this.need(4);
    const at = this.pos;
    const offset = this.u32(at);
    this.pos += 4;
    const inPlace = offset === this.pos;
    if (inPlace) {
      this.need(8);
      const length = 10 + 2 * this.u16(this.pos + 6);
      this.need(length);
      this.pos += length;
    }
    const name = this.nameAtOffset(offset);
    if (name === null) {
      throw this.damage(
        offset + 8 > chunkSizeInBytes
          ? `name offset ${offset} outside the chunk`
          : `name at ${offset} runs past the chunk`,
      );
    }
    this.fields?.push({ at: at - this.definitionStart, size: this.pos - at, name });
    return name;
  }

  /** Steps over `length` bytes the decoder does not use (sizes, ids). */
  private stepOver(length: number): void {
    this.fields?.push({ at: this.pos - this.definitionStart, size: length, name: null });
    this.pos += length;
  }

  /** The name whose entry starts at chunk offset `offset`; null when it would leave the chunk. */
  private nameAtOffset(offset: number): string | null {
    let name = this.names.get(offset);
    if (name === undefined) {
      if (offset + 8 > chunkSizeInBytes) return null;
      const units = this.u16(offset + 6);
      if (offset + 8 + 2 * units > chunkSizeInBytes) return null;
      name = decodeUtf16(this.bytes, offset + 8, units);
      this.names.set(offset, name);
    }
    return name;
  }

  /** u16 character count + UTF-16 text (value text, CDATA, PI data). */
  private readCountedText(): string {
    this.need(2);
    const units = this.u16(this.pos);
    this.pos += 2;
    this.need(units * 2);
    const text = decodeUtf16(this.bytes, this.pos, units);
    this.pos += units * 2;
    return text;
  }

  /**
   * A template instance. `depth` counts instances and nested values around it and
   * `elementDepth` its enclosing elements, across the definitions being decoded, so nesting is
   * bounded however the definitions refer to each other.
   */
  private readInstance(depth: number, elementDepth = 0): InstanceNode {
    if (depth > maxNestingDepth) throw this.damage('template instances nested too deeply');
    this.need(10);
    const definitionOffset = this.u32(this.pos + 6);
    this.pos += 10;
    if (definitionOffset === this.pos) {
      // The definition is written here, the first time the chunk uses it: step over it.
      this.need(24);
      const dataSize = this.u32(this.pos + 20);
      this.need(24 + dataSize);
      this.pos += 24 + dataSize;
    }
    const template = this.templateAt(definitionOffset, depth, elementDepth);
    this.need(4);
    const count = this.u32(this.pos);
    this.pos += 4;
    this.need(count * 4);
    const types = new Array<number>(count);
    const sizes = new Array<number>(count);
    const offsets = new Array<number>(count);
    let at = this.pos + count * 4;
    for (let i = 0; i < count; i++) {
      const size = this.u16(this.pos + i * 4);
      sizes[i] = size;
      types[i] = this.bytes[this.pos + i * 4 + 2] as number;
      offsets[i] = at;
      at += size;
    }
    if (at > this.end)
      throw this.damage(`template values (${at - this.pos} bytes) run past the data`);
    this.pos = at;
    return { kind: nodeKind.instance, template, values: { types, sizes, offsets } };
  }

  /** The compiled template whose definition sits at `offset` (see `readInstance`). */
  private templateAt(offset: number, depth: number, elementDepth: number): Template {
    const known = this.templates.get(offset);
    if (known) return known;
    if (this.decoding.has(offset)) throw this.damage(`template at ${offset} instantiates itself`);
    if (offset + 24 > chunkSizeInBytes)
      throw this.damage(`template offset ${offset} outside the chunk`);
    const dataSize = this.u32(offset + 20);
    if (offset + 24 + dataSize > chunkSizeInBytes)
      throw this.damage(`template at ${offset} runs past the chunk`);
    const guid = formatGuid(this.bytes, offset + 4);
    const decode = (fields: DefinitionField[]): Template => {
      const saved = [this.pos, this.end, this.definitionStart] as const;
      const savedFields = this.fields;
      this.pos = offset + 24;
      this.end = offset + 24 + dataSize;
      this.definitionStart = this.pos;
      this.fields = fields;
      this.decoding.add(offset);
      try {
        return { guid, nodes: this.readTemplateBody(depth, elementDepth) };
      } finally {
        [this.pos, this.end, this.definitionStart] = saved;
        this.fields = savedFields;
        this.decoding.delete(offset);
      }
    };
    const template = this.cache.lookup(this.bytes, offset, guid, dataSize, decode, this.nameAt);
    this.templates.set(offset, template);
    return template;
  }

  private readTemplateBody(depth: number, elementDepth: number): ContentNode[] {
    const nodes: ContentNode[] = [];
    while (this.pos < this.end) {
      const tok = this.bytes[this.pos] as number;
      if (tok === token.fragmentHeader) {
        this.need(4);
        this.pos += 4;
      } else if ((tok & 0x1f) === token.openStart) {
        nodes.push(this.readElement(true, depth, elementDepth));
      } else if (tok === token.eof) {
        break;
      } else {
        throw this.damage(`unexpected BinXML token 0x${tok.toString(16)} in a template definition`);
      }
    }
    return nodes;
  }

  /** An element; `inTemplate` says whether element starts carry the u16 dependency id. */
  private readElement(inTemplate: boolean, depth: number, elementDepth: number): ElementNode {
    if (elementDepth > maxElementDepth) throw this.damage('elements nested too deeply');
    const tok = this.bytes[this.pos] as number;
    this.pos++;
    this.need(inTemplate ? 6 : 4);
    this.stepOver(inTemplate ? 6 : 4); // [dependency id], data size
    const name = this.readName();
    const attributes: AttributeNode[] = [];
    if (tok & token.moreFlag) {
      this.need(4);
      this.stepOver(4); // attribute list size
      while (this.pos < this.end && ((this.bytes[this.pos] as number) & 0x1f) === token.attribute) {
        this.pos++;
        const attributeName = this.readName();
        const pieces = this.readValuePieces();
        const only = pieces.length === 1 ? pieces[0] : undefined;
        const soleOptionalValue =
          only?.kind === nodeKind.substitution && only.optional ? only.index : -1;
        attributes.push({
          name: attributeName,
          localName: localName(attributeName),
          pieces,
          soleOptionalValue,
        });
      }
    }
    this.need(1);
    const close = this.bytes[this.pos] as number;
    this.pos++;
    let children: ContentNode[] = [];
    if (close === token.closeStart) children = this.readContent(inTemplate, depth, elementDepth);
    else if (close !== token.closeEmpty) {
      throw this.damage(`element <${name}>: expected close token, found 0x${close.toString(16)}`);
    }
    const contentValues: number[] = [];
    for (const child of children)
      if (child.kind === nodeKind.substitution) contentValues.push(child.index);
    const only = children.length === 1 ? children[0] : undefined;
    const soleOptionalValue =
      only?.kind === nodeKind.substitution && only.optional ? only.index : -1;
    return {
      kind: nodeKind.element,
      name,
      localName: localName(name) ?? name,
      attributes,
      children,
      soleOptionalValue,
      contentValues,
    };
  }

  /** Value text, substitutions and references making up an attribute value. */
  private readValuePieces(): ValuePiece[] {
    const pieces: ValuePiece[] = [];
    for (;;) {
      const piece =
        this.pos < this.end ? this.readPiece((this.bytes[this.pos] as number) & 0x1f) : null;
      if (!piece) return pieces;
      pieces.push(piece);
    }
  }

  private readPiece(kind: number): ValuePiece | null {
    switch (kind) {
      case token.value:
        this.need(2);
        this.pos += 2; // token, value type (always string)
        return { kind: nodeKind.text, text: this.readCountedText() };
      case token.normalSubstitution:
      case token.optionalSubstitution: {
        this.need(4);
        const index = this.u16(this.pos + 1);
        this.pos += 4;
        return {
          kind: nodeKind.substitution,
          index,
          optional: kind === token.optionalSubstitution,
        };
      }
      case token.charRef:
        this.need(3);
        this.pos += 3;
        return { kind: nodeKind.charRef, code: this.u16(this.pos - 2) };
      case token.entityRef:
        this.pos++;
        return { kind: nodeKind.entityRef, name: this.readName() };
      default:
        return null;
    }
  }

  private readContent(inTemplate: boolean, depth: number, elementDepth: number): ContentNode[] {
    const children: ContentNode[] = [];
    for (;;) {
      this.need(1);
      const tok = this.bytes[this.pos] as number;
      const kind = tok & 0x1f;
      if (kind === token.end) {
        this.pos++;
        return children;
      }
      const piece = this.readPiece(kind);
      if (piece) {
        children.push(piece);
      } else if (kind === token.openStart) {
        children.push(this.readElement(inTemplate, depth, elementDepth + 1));
      } else if (kind === token.cdata) {
        this.pos++;
        children.push({ kind: nodeKind.cdata, text: this.readCountedText() });
      } else if (kind === token.piTarget) {
        this.pos++;
        const target = this.readName();
        let data = '';
        if (this.pos < this.end && this.bytes[this.pos] === token.piData) {
          this.pos++;
          data = this.readCountedText();
        }
        children.push({ kind: nodeKind.processingInstruction, target, data });
      } else if (tok === token.templateInstance) {
        children.push(this.readInstance(depth + 1, elementDepth));
      } else if (tok === token.fragmentHeader) {
        this.need(4);
        this.pos += 4;
      } else {
        throw this.damage(`unexpected BinXML token 0x${tok.toString(16)} inside an element`);
      }
    }
  }
}
