import { entityText, type BinXmlVisitor } from '../binary/walk-binxml.js';

/** A JSON value as the renderer builds it. */
export type JsonValue = string | JsonObject | JsonValue[];
export interface JsonObject {
  [key: string]: JsonValue;
}

interface OpenElement {
  name: string;
  attributes: JsonObject | null;
  children: [string, JsonValue][];
  text: string;
}

/**
 * Renders one record as a JSON object with the XML's content: an element becomes an object
 * whose attributes sit under `#attributes` and whose child elements are keys (an array when a
 * name repeats); text goes under `#text`, or is the element's whole value when it has neither
 * attributes nor children. Entity and character references are decoded.
 */
export class JsonRenderer implements BinXmlVisitor {
  private stack: OpenElement[] = [];
  private roots: [string, JsonValue][] = [];

  /** Returns the object collected since the last call and starts afresh. */
  take(): JsonObject {
    const result = group(this.roots);
    this.stack = [];
    this.roots = [];
    return result;
  }

  startElement(name: string): void {
    this.stack.push({ name, attributes: null, children: [], text: '' });
  }

  attribute(name: string, _localName: string | null, value: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top) (top.attributes ??= {})[name] = value;
  }

  text(text: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top) top.text += text;
  }

  entityRef(name: string): void {
    this.text(entityText(name));
  }

  charRef(code: number): void {
    this.text(String.fromCodePoint(code));
  }

  cdata(text: string): void {
    this.text(text);
  }

  processingInstruction(): void {}

  endElement(): void {
    const element = this.stack.pop();
    if (!element) return;
    let value: JsonValue;
    if (element.attributes === null && element.children.length === 0) value = element.text;
    else {
      const object: JsonObject = {};
      if (element.attributes) object['#attributes'] = element.attributes;
      Object.assign(object, group(element.children));
      if (element.text !== '') object['#text'] = element.text;
      value = object;
    }
    const parent = this.stack[this.stack.length - 1];
    (parent ? parent.children : this.roots).push([element.name, value]);
  }
}

/** Children by name; a repeated name collects its values into an array. */
function group(children: [string, JsonValue][]): JsonObject {
  const object: JsonObject = {};
  const repeated = new Set<string>();
  for (const [name, value] of children) {
    const existing = object[name];
    if (existing === undefined) object[name] = value;
    else if (repeated.has(name)) (existing as JsonValue[]).push(value);
    else {
      object[name] = [existing, value];
      repeated.add(name);
    }
  }
  return object;
}
