import {
  isEmptyValue,
  nodeKind,
  type ContentNode,
  type ElementNode,
  type Template,
  type ValueTable,
} from '../binary/binxml-nodes.js';
import type { ChunkDecoder } from '../binary/chunk-decoder.js';
import type { LogEventBuilder } from './log-event-builder.js';
import { integerValue } from '../binary/format-value.js';
import { isNumericField, systemChild } from './system-fields.js';
import { valueType } from '../binary/value-types.js';
import { isAlwaysClean, type BinXmlWalker } from '../binary/walk-binxml.js';

/**
 * The ingest fast path's compiled form of a template's `<System>` part: for each field the
 * LogEvent needs, the value slot (or constant text) it comes from, so a record fills its System
 * fields straight from its values without walking elements. Compiled once per template (shared
 * across chunks); templates with anything unusual in System get no plan and are walked.
 */

interface PlannedField {
  code: number;
  /** Local attribute name, or null for the element's text. */
  attribute: string | null;
  /** Value slot, or -1 for constant `text`. */
  index: number;
  text: string;
  /** Slot whose emptiness drops the attribute (a sole optional substitution), or -1. */
  optional: number;
  /** The LogEvent takes the field as a number (see `isNumericField`). */
  numeric: boolean;
}

interface PlannedElement {
  /** Slot whose emptiness drops the whole element, or -1. */
  optional: number;
  fields: PlannedField[];
}

export interface SystemPlan {
  elements: PlannedElement[];
  /** Every slot used inside System: an array or BinXML value in one of them changes the
   * shape, so such records are walked instead. */
  checked: number[];
  /** Slots in Event's own content and attributes: only an array there changes the shape. */
  eventValues: number[];
  /** Event's children after System, walked as usual. */
  rest: ContentNode[];
}

const textFields = new Set([2, 3, 4, 5, 6, 8, 11, 12]);
const plans = new WeakMap<Template, SystemPlan | null>();

/** The plan for a template, compiled on first use; null when it has none. */
export function systemPlan(template: Template): SystemPlan | null {
  let plan = plans.get(template);
  if (plan === undefined) {
    plan = compileSystemPlan(template);
    plans.set(template, plan);
  }
  return plan;
}

function single(nodes: ContentNode[]): {
  field: Omit<PlannedField, 'code' | 'attribute' | 'optional' | 'numeric'>;
  ok: boolean;
} {
  if (nodes.length === 0) return { field: { index: -1, text: '' }, ok: true };
  const only = nodes.length === 1 ? nodes[0] : undefined;
  if (only?.kind === nodeKind.text) return { field: { index: -1, text: only.text }, ok: true };
  if (only?.kind === nodeKind.substitution)
    return { field: { index: only.index, text: '' }, ok: true };
  return { field: { index: -1, text: '' }, ok: false };
}

function compileSystemPlan(template: Template): SystemPlan | null {
  const event = template.nodes.length === 1 ? template.nodes[0] : undefined;
  if (
    event?.kind !== nodeKind.element ||
    event.localName !== 'Event' ||
    event.soleOptionalValue >= 0
  )
    return null;
  const system = event.children[0];
  if (system?.kind !== nodeKind.element || system.localName !== 'System') return null;
  if (system.soleOptionalValue >= 0 || system.contentValues.length > 0) return null;
  const checked: number[] = [];
  const eventValues = [...event.contentValues];
  for (const attribute of event.attributes) {
    for (const piece of attribute.pieces)
      if (piece.kind === nodeKind.substitution) eventValues.push(piece.index);
  }
  const elements: PlannedElement[] = [];
  const seen = new Set<number>();
  for (const child of system.children) {
    if (child.kind === nodeKind.text) continue;
    if (child.kind !== nodeKind.element) return null;
    const planned = planElement(child, checked);
    if (planned === null) return null;
    if (planned === undefined) continue;
    if (seen.has(planned.code)) return null; // the XML reader would take whichever comes first
    seen.add(planned.code);
    elements.push(planned.element);
  }
  return { elements, checked, eventValues, rest: event.children.slice(1) };
}

/** One System child: its fields, undefined when the LogEvent ignores it, null when unusual. */
function planElement(
  element: ElementNode,
  checked: number[],
): { code: number; element: PlannedElement } | null | undefined {
  if (element.children.some((c) => c.kind !== nodeKind.text && c.kind !== nodeKind.substitution)) {
    return null;
  }
  checked.push(...element.contentValues);
  for (const attribute of element.attributes) {
    for (const piece of attribute.pieces)
      if (piece.kind === nodeKind.substitution) checked.push(piece.index);
  }
  const code = systemChild[element.localName] ?? 0;
  if (code === 0) return undefined;
  const fields: PlannedField[] = [];
  if (textFields.has(code)) {
    const { field, ok } = single(element.children);
    if (!ok) return null;
    fields.push({
      code,
      attribute: null,
      optional: -1,
      numeric: isNumericField(code, null),
      ...field,
    });
  } else {
    for (const attribute of element.attributes) {
      if (attribute.localName === null) continue;
      const { field, ok } = single(attribute.pieces);
      if (!ok) return null;
      fields.push({
        code,
        attribute: attribute.localName,
        optional: attribute.soleOptionalValue,
        numeric: isNumericField(code, attribute.localName),
        ...field,
      });
    }
  }
  return { code, element: { optional: element.soleOptionalValue, fields } };
}

/**
 * Builds the event of a record that is one instance of a planned template: System fields from
 * the values, the rest walked. Returns false (having done nothing) when the plan does not
 * apply to these values.
 */
export function buildPlannedEvent(
  plan: SystemPlan,
  values: ValueTable,
  decoder: ChunkDecoder,
  walker: BinXmlWalker,
  builder: LogEventBuilder,
): boolean {
  const types = values.types;
  for (const index of plan.checked) {
    const type = types[index] ?? 0;
    if (type & valueType.arrayFlag || type === valueType.binXml) return false;
  }
  for (const index of plan.eventValues) if ((types[index] ?? 0) & valueType.arrayFlag) return false;
  walker.useDecoder(decoder);
  builder.beginPlannedEvent();
  for (const element of plan.elements) {
    if (element.optional >= 0 && isEmptyValue(values, element.optional)) continue;
    for (const field of element.fields) {
      if (field.optional >= 0 && isEmptyValue(values, field.optional)) continue;
      if (field.numeric && field.index >= 0 && field.index < types.length) {
        const offset = values.offsets[field.index] as number;
        const size = values.sizes[field.index] as number;
        const n = integerValue(decoder.bytes, offset, size, types[field.index] as number);
        if (n !== undefined) {
          builder.system.number(field.code, field.attribute, n);
          continue;
        }
      }
      const text = field.index >= 0 ? walker.valueText(values, field.index) : field.text;
      if (field.attribute === null) {
        const clean = field.index >= 0 && isAlwaysClean(types[field.index] ?? 0);
        builder.system.text(field.code, text, clean);
      } else builder.system.attribute(field.code, field.attribute, text);
    }
  }
  walker.walkWithValues(decoder, plan.rest, values);
  builder.endPlannedEvent();
  return true;
}
