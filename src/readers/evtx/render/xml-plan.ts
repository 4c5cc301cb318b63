import {
  nodeKind,
  type AttributeNode,
  type ContentNode,
  type ElementNode,
  type Template,
  type ValuePiece,
  type ValueTable,
} from '../binary/binxml-nodes.js';
import { entityText } from '../binary/walk-binxml.js';
import { ByteWriter, utf8 } from './xml-bytes.js';

/**
 * Templates compiled for XML output: every element name, constant text, entity or character
 * reference is turned into its final UTF-8 bytes once, so rendering a record only copies bytes
 * and writes the values into their slots. Compiled once per template (templates are shared
 * across chunks), held in a WeakMap next to it.
 */

export const opKind = { bytes: 0, value: 1, element: 2, instance: 3 } as const;

/**
 * One step of compiled content. Every step has the same fields (one object shape, so the
 * renderer's dispatch stays monomorphic); which are used depends on `kind`:
 * - bytes: content that is the same in every record (closes an open start tag, then `bytes`);
 * - value: a substitution in element content, value slot `index`;
 * - element: an element, `element`;
 * - instance: a template instance inside content: the template's `plan` with its `values`.
 */
export interface XmlOp {
  kind: (typeof opKind)[keyof typeof opKind];
  bytes: Uint8Array;
  index: number;
  element: ElementPlan | null;
  plan: XmlOp[];
  values: ValueTable | null;
}

const noBytes = new Uint8Array(0);

function makeOp(kind: XmlOp['kind'], parts: Partial<XmlOp>): XmlOp {
  return {
    kind,
    bytes: parts.bytes ?? noBytes,
    index: parts.index ?? -1,
    element: parts.element ?? null,
    plan: parts.plan ?? [],
    values: parts.values ?? null,
  };
}

export interface ElementPlan {
  /** Value slot whose emptiness drops the element (a sole optional substitution), or -1. */
  optional: number;
  /** Slots substituted directly in the content: an array there repeats the element. */
  contentValues: number[];
  /** `<name` */
  open: Uint8Array;
  attributes: AttributePlan[];
  content: XmlOp[];
  /** `</name>` */
  close: Uint8Array;
}

export interface AttributePlan {
  /** Value slot whose emptiness drops the attribute, or -1. */
  optional: number;
  /** ` name="`; or, for an attribute whose value is constant, the whole ` name="value"`. */
  prefix: Uint8Array;
  /** The slot when the value is exactly one substitution, else -1 (then `pieces` is used). */
  only: number;
  /** The value's pieces; empty when `prefix` holds the whole constant attribute. */
  pieces: ValuePiece[];
}

const plans = new WeakMap<Template, XmlOp[]>();

/** The compiled form of a template, made on first use. */
export function templatePlan(template: Template): XmlOp[] {
  let plan = plans.get(template);
  if (plan === undefined) {
    plan = compileContent(template.nodes);
    plans.set(template, plan);
  }
  return plan;
}

/** Where constant bytes are put together while compiling (then copied out). */
const scratch = new ByteWriter(1 << 12);

/** Escaped UTF-8 of constant text (one definition of escaping: ByteWriter's). */
function escapedBytes(text: string): Uint8Array {
  scratch.escapedString(text);
  return scratch.copyFrom(0);
}

/** Names of the elements in template-less records, which are compiled record by record. */
const nameBytes = new Map<string, Uint8Array>();
const maxNames = 4096;

function encodedName(text: string): Uint8Array {
  let bytes = nameBytes.get(text);
  if (bytes === undefined) {
    if (nameBytes.size >= maxNames) nameBytes.clear();
    bytes = utf8(text);
    nameBytes.set(text, bytes);
  }
  return bytes;
}

/**
 * Compiles decoded content nodes: a template's body, or the nodes of one record or nested
 * BinXML value (whose instances refer to templates compiled once).
 */
export function compileContent(nodes: ContentNode[]): XmlOp[] {
  const ops: XmlOp[] = [];
  for (const node of nodes) {
    switch (node.kind) {
      case nodeKind.element:
        ops.push(makeOp(opKind.element, { element: compileElement(node) }));
        break;
      case nodeKind.text:
        if (node.text !== '') ops.push(makeOp(opKind.bytes, { bytes: escapedBytes(node.text) }));
        break;
      case nodeKind.substitution:
        ops.push(makeOp(opKind.value, { index: node.index }));
        break;
      case nodeKind.entityRef:
        ops.push(makeOp(opKind.bytes, { bytes: utf8(`&${node.name};`) }));
        break;
      case nodeKind.charRef:
        ops.push(makeOp(opKind.bytes, { bytes: utf8(`&#${node.code};`) }));
        break;
      case nodeKind.cdata:
        ops.push(
          makeOp(opKind.bytes, {
            bytes: utf8(`<![CDATA[${node.text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`),
          }),
        );
        break;
      case nodeKind.processingInstruction:
        ops.push(
          makeOp(opKind.bytes, {
            bytes: utf8(
              node.data === '' ? `<?${node.target}?>` : `<?${node.target} ${node.data}?>`,
            ),
          }),
        );
        break;
      case nodeKind.instance:
        ops.push(
          makeOp(opKind.instance, { plan: templatePlan(node.template), values: node.values }),
        );
        break;
    }
  }
  return ops;
}

function compileElement(element: ElementNode): ElementPlan {
  const attributes = element.attributes.map(compileAttribute);
  // Constant attributes at the start are always written: they become part of `<name`.
  let constant = 0;
  while (
    constant < attributes.length &&
    (attributes[constant] as AttributePlan).pieces.length === 0
  )
    constant++;
  const name = encodedName(`<${element.name}`);
  return {
    optional: element.soleOptionalValue,
    contentValues: element.contentValues,
    open: constant === 0 ? name : joined(name, attributes, constant),
    attributes: attributes.slice(constant),
    content: compileContent(element.children),
    close: encodedName(`</${element.name}>`),
  };
}

/** `name` followed by the prefixes of the first `count` attributes, as one byte run. */
function joined(name: Uint8Array, attributes: AttributePlan[], count: number): Uint8Array {
  scratch.raw(name);
  for (let i = 0; i < count; i++) scratch.raw((attributes[i] as AttributePlan).prefix);
  return scratch.copyFrom(0);
}

function compileAttribute(attribute: AttributeNode): AttributePlan {
  const pieces = attribute.pieces;
  const only = pieces.length === 1 ? pieces[0] : undefined;
  if (pieces.every((piece) => piece.kind !== nodeKind.substitution)) {
    // The same in every record: written out whole, escaped as one text.
    scratch.raw(encodedName(` ${attribute.name}="`));
    scratch.escapedString(pieces.map(pieceText).join(''));
    scratch.byte(0x22);
    return { optional: -1, prefix: scratch.copyFrom(0), only: -1, pieces: [] };
  }
  return {
    optional: attribute.soleOptionalValue,
    prefix: encodedName(` ${attribute.name}="`),
    only: only?.kind === nodeKind.substitution ? only.index : -1,
    pieces,
  };
}

/** The text of a constant attribute-value piece: entity and character references decoded. */
export function pieceText(piece: ValuePiece): string {
  if (piece.kind === nodeKind.text) return piece.text;
  if (piece.kind === nodeKind.entityRef) return entityText(piece.name);
  if (piece.kind === nodeKind.charRef) return String.fromCodePoint(piece.code);
  return '';
}
