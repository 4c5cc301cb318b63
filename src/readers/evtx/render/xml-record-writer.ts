import {
  isEmptyValue,
  nodeKind,
  type ContentNode,
  type ValueTable,
} from '../binary/binxml-nodes.js';
import type { ChunkDecoder } from '../binary/chunk-decoder.js';
import { formatArrayItems } from '../binary/format-value.js';
import { repeatingArray, valueText } from '../binary/value-text.js';
import { valueType } from '../binary/value-types.js';
import type { ByteWriter } from './xml-bytes.js';
import {
  compileContent,
  opKind,
  pieceText,
  templatePlan,
  type AttributePlan,
  type ElementPlan,
  type XmlOp,
} from './xml-plan.js';
import { writeValue } from './xml-values.js';

const emptyValues: ValueTable = { types: [], offsets: [], sizes: [] };
const closeStart = 0x3e; // >
const closeEmpty = [0x2f, 0x3e]; // />
const quote = 0x22;

/**
 * Renders records as XML the way Windows does (`wevtutil qe /f:xml`), on one line: no XML
 * declaration, no indentation, empty elements as `<Name/>`, entity references as written.
 * Substitutions follow evtx-format.md §1.10: value type and size from the instance; optional
 * substitutions that are empty drop their attribute or element; an array value repeats the
 * element holding it; BinXML values (0x21) are decoded in place as markup. Output goes into a
 * ByteWriter as UTF-8, from compiled templates (xml-plan.ts).
 */
export class XmlRecordWriter {
  private decoder!: ChunkDecoder;
  private bytes!: Uint8Array;
  /** A start tag is open (`<name attr="…"`): the next content closes it with `>`. */
  private openTag = false;

  constructor(private readonly out: ByteWriter) {}

  /**
   * Writes one record's XML. A record that fails half-way (EvtxDamage from nested decoding)
   * leaves nothing behind and rethrows.
   */
  write(decoder: ChunkDecoder, nodes: ContentNode[]): void {
    this.decoder = decoder;
    this.bytes = decoder.bytes;
    const start = this.out.pos;
    try {
      this.nodes(nodes, 0);
      this.closeOpenTag();
    } catch (error) {
      this.out.pos = start;
      this.openTag = false;
      throw error;
    }
  }

  /** Decoded nodes of a record or BinXML value; usually one instance of a compiled template. */
  private nodes(nodes: ContentNode[], depth: number): void {
    const only = nodes.length === 1 ? nodes[0] : undefined;
    if (only?.kind === nodeKind.instance) {
      this.content(templatePlan(only.template), only.values, depth + 1, -1, '');
    } else {
      this.content(compileContent(nodes), emptyValues, depth, -1, '');
    }
  }

  private closeOpenTag(): void {
    if (this.openTag) {
      this.out.byte(closeStart);
      this.openTag = false;
    }
  }

  private content(
    ops: XmlOp[],
    values: ValueTable,
    depth: number,
    itemIndex: number,
    itemText: string,
  ): void {
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i] as XmlOp;
      switch (op.kind) {
        case opKind.bytes:
          this.closeOpenTag();
          this.out.raw(op.bytes);
          break;
        case opKind.value:
          if (op.index === itemIndex) {
            if (itemText !== '') {
              this.closeOpenTag();
              this.out.escapedString(itemText);
            }
          } else this.value(values, op.index, depth);
          break;
        case opKind.element:
          this.element(op.element as ElementPlan, values, depth);
          break;
        case opKind.instance:
          this.content(op.plan, op.values as ValueTable, depth + 1, -1, '');
          break;
      }
    }
  }

  private element(element: ElementPlan, values: ValueTable, depth: number): void {
    if (element.optional >= 0 && isEmptyValue(values, element.optional)) return;
    const array = repeatingArray(this.bytes, values, element.contentValues);
    if (array === null) this.emitElement(element, values, depth, -1, '');
    else
      for (const item of array.items) this.emitElement(element, values, depth, array.index, item);
  }

  private emitElement(
    element: ElementPlan,
    values: ValueTable,
    depth: number,
    itemIndex: number,
    itemText: string,
  ): void {
    const out = this.out;
    this.closeOpenTag();
    out.raw(element.open);
    this.openTag = true;
    const attributes = element.attributes;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i] as AttributePlan;
      if (attribute.optional >= 0 && isEmptyValue(values, attribute.optional)) continue;
      out.raw(attribute.prefix);
      if (attribute.pieces.length === 0) continue; // constant: the prefix is all of it
      if (attribute.only >= 0 && attribute.only !== itemIndex) {
        this.attributeValue(values, attribute.only);
      } else {
        out.escapedString(this.attributeText(attribute, values, itemIndex, itemText));
      }
      out.byte(quote);
    }
    this.content(element.content, values, depth, itemIndex, itemText);
    if (this.openTag) {
      out.raw(closeEmptyBytes);
      this.openTag = false;
    } else {
      out.raw(element.close);
    }
  }

  /** A sole substitution as an attribute value: arrays joined by spaces, BinXML dropped. */
  private attributeValue(values: ValueTable, index: number): void {
    if (index >= values.types.length) return;
    const type = values.types[index] as number;
    if (type === valueType.binXml) return;
    const offset = values.offsets[index] as number;
    const size = values.sizes[index] as number;
    if (type & valueType.arrayFlag) {
      this.out.escapedString(formatArrayItems(this.bytes, offset, size, type).join(' '));
    } else {
      writeValue(this.out, this.bytes, offset, size, type);
    }
  }

  /** An attribute value made of several pieces, as one text (escaped as a whole). */
  private attributeText(
    attribute: AttributePlan,
    values: ValueTable,
    itemIndex: number,
    itemText: string,
  ): string {
    let text = '';
    for (const piece of attribute.pieces) {
      if (piece.kind !== nodeKind.substitution) text += pieceText(piece);
      else
        text += piece.index === itemIndex ? itemText : valueText(this.bytes, values, piece.index);
    }
    return text;
  }

  /** A substitution in content; writes nothing (and leaves a start tag open) when empty. */
  private value(values: ValueTable, index: number, depth: number): void {
    if (index >= values.types.length) return;
    const type = values.types[index] as number;
    const offset = values.offsets[index] as number;
    const size = values.sizes[index] as number;
    if (type === valueType.binXml) {
      this.nodes(this.decoder.decodeFragments(offset, offset + size, depth + 1), depth + 1);
      return;
    }
    const out = this.out;
    const mark = out.pos;
    if (this.openTag) out.byte(closeStart);
    const start = out.pos;
    if (type & valueType.arrayFlag) {
      out.escapedString(formatArrayItems(this.bytes, offset, size, type).join(' '));
    } else {
      writeValue(out, this.bytes, offset, size, type);
    }
    if (out.pos === start) out.pos = mark;
    else this.openTag = false;
  }
}

const closeEmptyBytes = new Uint8Array(closeEmpty);
