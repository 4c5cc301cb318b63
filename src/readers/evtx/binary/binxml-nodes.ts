/**
 * The parsed form of BinXML (evtx-format.md §1.7–1.10): element trees whose substitution slots
 * refer to a value table. Template definitions are parsed once into these nodes and reused for
 * every record that instantiates them.
 */

export const nodeKind = {
  element: 0,
  text: 1,
  substitution: 2,
  entityRef: 3,
  charRef: 4,
  cdata: 5,
  processingInstruction: 6,
  instance: 7,
} as const;

export interface ElementNode {
  kind: typeof nodeKind.element;
  name: string;
  /** The name without its namespace prefix, as XML readers with namespaces removed see it. */
  localName: string;
  attributes: AttributeNode[];
  children: ContentNode[];
  /** Index of the value when the content is exactly one optional substitution, else -1. */
  soleOptionalValue: number;
  /** Values substituted directly in the content (arrays repeat the element). */
  contentValues: number[];
}

export interface AttributeNode {
  name: string;
  /** Without namespace prefix; null for `xmlns:*` declarations (XML readers drop those). */
  localName: string | null;
  pieces: ValuePiece[];
  /** Index of the value when the attribute is exactly one optional substitution, else -1. */
  soleOptionalValue: number;
}

export interface TextNode {
  kind: typeof nodeKind.text;
  text: string;
}

export interface SubstitutionNode {
  kind: typeof nodeKind.substitution;
  index: number;
  optional: boolean;
}

export interface EntityRefNode {
  kind: typeof nodeKind.entityRef;
  name: string;
}

export interface CharRefNode {
  kind: typeof nodeKind.charRef;
  code: number;
}

export interface CdataNode {
  kind: typeof nodeKind.cdata;
  text: string;
}

export interface ProcessingInstructionNode {
  kind: typeof nodeKind.processingInstruction;
  target: string;
  data: string;
}

/** A template instance met in a record: the definition plus this record's values. */
export interface InstanceNode {
  kind: typeof nodeKind.instance;
  template: Template;
  values: ValueTable;
}

export type ValuePiece = TextNode | SubstitutionNode | EntityRefNode | CharRefNode;
export type ContentNode =
  | ElementNode
  | TextNode
  | SubstitutionNode
  | EntityRefNode
  | CharRefNode
  | CdataNode
  | ProcessingInstructionNode
  | InstanceNode;

/** A compiled template definition. Holds no chunk offsets, so chunks can share it. */
export interface Template {
  guid: string;
  nodes: ContentNode[];
}

/** One instance's values: type, chunk offset and size of each, from the instance's descriptors. */
export interface ValueTable {
  types: number[];
  offsets: number[];
  sizes: number[];
}

/** True when value `index` is absent (NULL, or zero bytes long): optional slots are dropped. */
export function isEmptyValue(values: ValueTable, index: number): boolean {
  if (index >= values.types.length) return true;
  return values.types[index] === 0 || values.sizes[index] === 0;
}

/** Local name (`ns:Name` → `Name`); null for `xmlns:*`. Pure. */
export function localName(name: string): string | null {
  const colon = name.indexOf(':');
  if (colon < 0) return name;
  if (name.slice(0, colon) === 'xmlns') return null;
  return name.indexOf(':', colon + 1) < 0 ? name.slice(colon + 1) : name;
}
