import type { ValueTable } from './binxml-nodes.js';
import { formatArrayItems, formatValue } from './format-value.js';
import { valueType } from './value-types.js';

/**
 * Substitution values as plain text, shared by the renderers: arrays joined by spaces, BinXML
 * values dropped (they are markup, rendered in place where they stand as content). Pure.
 */
export function valueText(bytes: Uint8Array, values: ValueTable, index: number): string {
  if (index >= values.types.length) return '';
  const type = values.types[index] as number;
  const offset = values.offsets[index] as number;
  const size = values.sizes[index] as number;
  if (type === valueType.binXml) return '';
  if (type & valueType.arrayFlag) return formatArrayItems(bytes, offset, size, type).join(' ');
  return formatValue(bytes, offset, size, type);
}

/**
 * The array value that repeats an element (MS-EVEN6 §3.1.4.7.5): the first of the slots
 * substituted directly in its content that holds an array, with its items (one empty item for
 * an empty array); null when none does. Pure.
 */
export function repeatingArray(
  bytes: Uint8Array,
  values: ValueTable,
  contentValues: number[],
): { index: number; items: string[] } | null {
  for (let i = 0; i < contentValues.length; i++) {
    const index = contentValues[i] as number;
    const type = values.types[index] ?? 0;
    if (type & valueType.arrayFlag) {
      const offset = values.offsets[index] as number;
      const items = formatArrayItems(bytes, offset, values.sizes[index] as number, type);
      if (items.length === 0) items.push('');
      return { index, items };
    }
  }
  return null;
}
