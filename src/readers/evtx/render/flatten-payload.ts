export { localName } from '../binary/binxml-nodes.js';

/**
 * UserData and other payload elements → `data` keys, exactly as the XML export reader derives
 * them (src/readers/xml-export/event-xml-to-log-event.ts via fast-xml-parser), so both readers
 * give equal LogEvents: children grouped by name in order of first appearance, leaves by local
 * name, deeper levels as dotted keys, repeats as `_2`, `_3`, attributes as `key@attr`.
 */

/** An element of a payload, names already reduced to local names. */
export interface PayloadElement {
  name: string;
  attributes: [name: string, value: string][];
  children: PayloadElement[];
  /** Direct text content (all text nodes of the element, concatenated). */
  text: string;
}

function setUnique(data: Record<string, string>, key: string, value: string): void {
  if (!(key in data)) {
    data[key] = value;
    return;
  }
  let n = 2;
  while (`${key}_${n}` in data) n++;
  data[`${key}_${n}`] = value;
}

/** Children grouped by name, in order of each name's first appearance. */
function groupChildren(element: PayloadElement): PayloadElement[][] {
  const groups = new Map<string, PayloadElement[]>();
  for (const child of element.children) {
    const group = groups.get(child.name);
    if (group) group.push(child);
    else groups.set(child.name, [child]);
  }
  return [...groups.values()];
}

function isPlainText(element: PayloadElement): boolean {
  return element.attributes.length === 0 && element.children.length === 0;
}

function addAttributes(element: PayloadElement, key: string, data: Record<string, string>): void {
  for (const [name, value] of element.attributes) {
    if (name !== 'xmlns') setUnique(data, `${key}@${name}`, value);
  }
}

/** Adds the fields below `element` (its own attributes only when `prefix` is set). Pure but for `data`. */
export function flattenPayload(
  element: PayloadElement,
  prefix: string,
  data: Record<string, string>,
): void {
  // The XML reader skips an element that is only text (it becomes a string, not an object).
  if (isPlainText(element) && prefix !== '') return;
  for (const group of groupChildren(element)) {
    const name = (group[0] as PayloadElement).name;
    const key = prefix === '' ? name : `${prefix}.${name}`;
    for (const item of group) {
      if (item.children.length === 0) {
        setUnique(data, key, item.text);
        addAttributes(item, key, data);
      } else {
        flattenPayload(item, key, data);
      }
    }
  }
  if (prefix !== '') addAttributes(element, prefix, data);
}

/** UserData: the wrapper elements are skipped and their children flattened. */
export function flattenUserData(userData: PayloadElement, data: Record<string, string>): void {
  for (const group of groupChildren(userData)) {
    for (const wrapper of group) {
      if (!isPlainText(wrapper)) flattenPayload(wrapper, '', data);
    }
  }
}
