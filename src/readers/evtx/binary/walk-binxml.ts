import {
  isEmptyValue,
  nodeKind,
  type AttributeNode,
  type ContentNode,
  type ElementNode,
  type ValueTable,
} from './binxml-nodes.js';
import type { ChunkDecoder } from './chunk-decoder.js';
import { decodeUtf16, scanUtf16 } from './utf16.js';
import { repeatingArray, valueText } from './value-text.js';
import { valueType } from './value-types.js';

/** Receives a record's XML content in document order; text arrives unescaped. */
export interface BinXmlVisitor {
  /** `localName` is `name` without its namespace prefix. */
  startElement(name: string, localName: string): void;
  /** `localName` is null for `xmlns:*` declarations. */
  attribute(name: string, localName: string | null, value: string): void;
  /**
   * `clean`: the text holds nothing XML text would change or cannot carry (no CR, no control
   * character but tab and LF, no U+FFFE/U+FFFF): numbers, GUIDs, … and most strings.
   */
  text(text: string, clean?: boolean): void;
  entityRef(name: string): void;
  charRef(code: number): void;
  cdata(text: string): void;
  processingInstruction(target: string, data: string): void;
  endElement(name: string): void;
}

const predefinedEntities: Record<string, string> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
};

/** The character an entity reference stands for; unknown names stay as written. Pure. */
export function entityText(name: string): string {
  return predefinedEntities[name] ?? `&${name};`;
}

/**
 * Whether a value type's text is always clean (see `BinXmlVisitor.text`): everything but
 * strings (numbers, hex, GUIDs, SIDs, times, Bool). Pure.
 */
export function isAlwaysClean(type: number): boolean {
  const item = type & ~valueType.arrayFlag;
  return item !== valueType.string && item !== valueType.ansiString && item !== valueType.binXml;
}

const emptyValues: ValueTable = { types: [], offsets: [], sizes: [] };

/**
 * Renders decoded BinXML through a visitor, applying substitutions (evtx-format.md §1.10):
 * value type and size from the instance; optional substitutions that are empty drop their
 * attribute or element; array values repeat the enclosing element; BinXML values (0x21) are
 * decoded in place as markup. Throws EvtxDamage from nested decoding.
 */
export class BinXmlWalker {
  private decoder!: ChunkDecoder;

  constructor(private readonly visitor: BinXmlVisitor) {}

  /** Walks a record's decoded nodes; `decoder` is the record's chunk. */
  walk(decoder: ChunkDecoder, nodes: ContentNode[]): void {
    this.decoder = decoder;
    this.walkContent(nodes, emptyValues, 0, -1, '');
  }

  private walkContent(
    nodes: ContentNode[],
    values: ValueTable,
    depth: number,
    itemIndex: number,
    itemText: string,
  ): void {
    const visitor = this.visitor;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as ContentNode;
      switch (node.kind) {
        case nodeKind.element:
          this.walkElement(node, values, depth);
          break;
        case nodeKind.text:
          visitor.text(node.text);
          break;
        case nodeKind.substitution:
          if (node.index === itemIndex) visitor.text(itemText);
          else this.walkValue(values, node.index, depth);
          break;
        case nodeKind.entityRef:
          visitor.entityRef(node.name);
          break;
        case nodeKind.charRef:
          visitor.charRef(node.code);
          break;
        case nodeKind.cdata:
          visitor.cdata(node.text);
          break;
        case nodeKind.processingInstruction:
          visitor.processingInstruction(node.target, node.data);
          break;
        case nodeKind.instance:
          this.walkContent(node.template.nodes, node.values, depth + 1, -1, '');
          break;
      }
    }
  }

  private walkElement(element: ElementNode, values: ValueTable, depth: number): void {
    if (element.soleOptionalValue >= 0 && isEmptyValue(values, element.soleOptionalValue)) return;
    const array = repeatingArray(this.decoder.bytes, values, element.contentValues);
    if (array === null) this.emitElement(element, values, depth, -1, '');
    else
      for (const item of array.items) this.emitElement(element, values, depth, array.index, item);
  }

  private emitElement(
    element: ElementNode,
    values: ValueTable,
    depth: number,
    itemIndex: number,
    itemText: string,
  ): void {
    const visitor = this.visitor;
    visitor.startElement(element.name, element.localName);
    const attributes = element.attributes;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i] as AttributeNode;
      if (attribute.soleOptionalValue >= 0 && isEmptyValue(values, attribute.soleOptionalValue))
        continue;
      visitor.attribute(
        attribute.name,
        attribute.localName,
        this.attributeValue(attribute, values, itemIndex, itemText),
      );
    }
    this.walkContent(element.children, values, depth, itemIndex, itemText);
    visitor.endElement(element.name);
  }

  private attributeValue(
    attribute: AttributeNode,
    values: ValueTable,
    itemIndex: number,
    itemText: string,
  ): string {
    const pieces = attribute.pieces;
    const only = pieces.length === 1 ? pieces[0] : undefined;
    if (only?.kind === nodeKind.substitution && only.index !== itemIndex) {
      return this.valueText(values, only.index);
    }
    let text = '';
    for (const piece of pieces) {
      if (piece.kind === nodeKind.text) text += piece.text;
      else if (piece.kind === nodeKind.substitution) {
        text += piece.index === itemIndex ? itemText : this.valueText(values, piece.index);
      } else if (piece.kind === nodeKind.entityRef) text += entityText(piece.name);
      else text += String.fromCodePoint(piece.code);
    }
    return text;
  }

  /** The chunk whose bytes `valueText` reads. */
  useDecoder(decoder: ChunkDecoder): void {
    this.decoder = decoder;
  }

  /** Walks nodes of an instance whose values are `values` (see system-plan.ts). */
  walkWithValues(decoder: ChunkDecoder, nodes: ContentNode[], values: ValueTable): void {
    this.decoder = decoder;
    this.walkContent(nodes, values, 1, -1, '');
  }

  /** A value as plain text (arrays joined by spaces, BinXML values dropped). */
  valueText(values: ValueTable, index: number): string {
    return valueText(this.decoder.bytes, values, index);
  }

  private walkValue(values: ValueTable, index: number, depth: number): void {
    if (index >= values.types.length) return;
    const type = values.types[index] as number;
    if (type === valueType.binXml) {
      const offset = values.offsets[index] as number;
      const nested = this.decoder.decodeFragments(
        offset,
        offset + (values.sizes[index] as number),
        depth + 1,
      );
      this.walkContent(nested, emptyValues, depth + 1, -1, '');
      return;
    }
    if (type === valueType.string) {
      // The length scan also tells whether the text is clean.
      const bytes = this.decoder.bytes;
      const offset = values.offsets[index] as number;
      const scan = scanUtf16(bytes, offset, (values.sizes[index] as number) >>> 1);
      const units = scan >>> 1;
      if (units > 0) this.visitor.text(decodeUtf16(bytes, offset, units), (scan & 1) === 1);
      return;
    }
    const text = this.valueText(values, index);
    if (text !== '') this.visitor.text(text, isAlwaysClean(type));
  }
}
