import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ParseError } from '../../errors.js';
import type { LogEvent } from '../../model/log-event.js';
import { normalizeIsoTime } from '../../model/time.js';
import { decodeXmlEntities } from './xml-text.js';

/** A parsed XML element as fast-xml-parser gives it: text, or an object of children/attributes. */
export type XmlNode = string | XmlElement;
export interface XmlElement {
  [key: string]: XmlNode | XmlNode[] | undefined;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  isArray: (name) => name === 'Data',
});

const textKey = '#text';

/**
 * One `<Event>` element as Windows writes it (plain, RenderedXml, Event Viewer or ToXml()) →
 * LogEvent, following the conventions in model/log-event.ts. Pure. Throws ParseError (location
 * `byte N`) when the XML is not well formed or lacks the fields every event has.
 */
export function eventXmlToLogEvent(xml: string, byteOffset: number): LogEvent {
  const location = `byte ${byteOffset}`;
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ParseError(
      `malformed event XML: ${valid.err.msg} (line ${valid.err.line} of the event)`,
      location,
    );
  }
  const root = asElement((parser.parse(xml) as XmlElement).Event);
  const system = asElement(root?.System);
  if (!root || !system) throw new ParseError('event has no <System> element', location);

  const time = normalizeIsoTime(attr(system.TimeCreated, 'SystemTime') ?? '');
  if (time === null) throw new ParseError('event has no valid TimeCreated/@SystemTime', location);
  const eventId = toInt(text(system.EventID));
  if (eventId === null) throw new ParseError('event has no valid <EventID>', location);
  const provider = asElement(system.Provider);

  return {
    time,
    computer: text(system.Computer) ?? '',
    channel: text(system.Channel) ?? '',
    provider: attr(provider, 'Name') ?? attr(provider, 'EventSourceName') ?? '',
    eventId,
    level: toInt(text(system.Level)),
    task: toInt(text(system.Task)),
    opcode: toInt(text(system.Opcode)),
    keywords: text(system.Keywords),
    recordId: toInt(text(system.EventRecordID)),
    processId: toInt(attr(system.Execution, 'ProcessID')),
    threadId: toInt(attr(system.Execution, 'ThreadID')),
    activityId: attr(system.Correlation, 'ActivityID'),
    userSid: attr(system.Security, 'UserID'),
    data: eventFields(root),
    message: renderedMessage(root),
  };
}

/** The event's fields: EventData, UserData or any other payload element. */
function eventFields(root: XmlElement): Record<string, string> {
  const data: Record<string, string> = {};
  for (const [name, value] of Object.entries(root)) {
    if (name === 'System' || name === 'RenderingInfo' || name.startsWith('@') || name === textKey)
      continue;
    const payload = asElement(single(value));
    if (!payload) continue;
    if (name === 'EventData') addEventData(payload, data);
    else if (name === 'UserData') addUserDataFields(payload, data);
    else addPayloadFields(payload, data);
  }
  return data;
}

/** UserData: the fields of its wrapper element(s) (e.g. `VmlEventLog`), the wrapper skipped. */
export function addUserDataFields(payload: XmlElement, data: Record<string, string>): void {
  for (const [wrapperName, wrapper] of childEntries(payload)) {
    if (!wrapperName.startsWith('@')) flatten(wrapper, '', data);
  }
}

/** A payload element other than EventData and UserData: its children's fields. */
export function addPayloadFields(payload: XmlElement, data: Record<string, string>): void {
  flatten(payload, '', data);
}

/** `<Data Name=…>` by name, unnamed `<Data>` as param1, param2, … by position; `<Binary>`. */
function addEventData(eventData: XmlElement, data: Record<string, string>): void {
  const items = eventData.Data;
  const list = items === undefined ? [] : Array.isArray(items) ? items : [items];
  list.forEach((item, index) => {
    const name = attr(item, 'Name');
    data[name ?? `param${index + 1}`] = text(item) ?? '';
  });
  const binary = text(single(eventData.Binary));
  if (binary !== null) data.Binary = binary.trim().toUpperCase();
}

/** UserData and other payloads: leaf elements by local name, nested ones with dotted keys. */
function flatten(
  node: XmlNode | XmlNode[] | undefined,
  prefix: string,
  data: Record<string, string>,
): void {
  const values = node === undefined ? [] : Array.isArray(node) ? node : [node];
  for (const value of values) {
    if (typeof value === 'string') continue;
    for (const [name, child] of childEntries(value)) {
      if (name.startsWith('@')) {
        if (name !== '@xmlns' && !name.startsWith('@xmlns:') && prefix !== '') {
          setUnique(data, `${prefix}${name}`, decodeXmlEntities(String(child)));
        }
        continue;
      }
      const key = prefix === '' ? name : `${prefix}.${name}`;
      for (const item of Array.isArray(child) ? child : [child]) {
        if (isLeaf(item)) {
          setUnique(data, key, text(item) ?? '');
          if (typeof item !== 'string') flattenAttributes(item, key, data);
        } else flatten(item, key, data);
      }
    }
  }
}

function flattenAttributes(element: XmlElement, key: string, data: Record<string, string>): void {
  for (const [name, value] of Object.entries(element)) {
    if (name.startsWith('@') && name !== '@xmlns' && !name.startsWith('@xmlns:')) {
      setUnique(data, `${key}${name}`, decodeXmlEntities(String(value)));
    }
  }
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

function renderedMessage(root: XmlElement): string | null {
  const info = asElement(single(root.RenderingInfo));
  const message = text(single(info?.Message));
  return message === null || message === '' ? null : message;
}

/** An element with no child elements (attributes and text only). */
function isLeaf(node: XmlNode | undefined): boolean {
  if (node === undefined || typeof node === 'string') return true;
  return Object.keys(node).every((k) => k === textKey || k.startsWith('@'));
}

function childEntries(element: XmlElement): [string, XmlNode | XmlNode[]][] {
  return Object.entries(element).filter(
    (entry): entry is [string, XmlNode | XmlNode[]] =>
      entry[0] !== textKey && entry[1] !== undefined,
  );
}

function single(value: XmlNode | XmlNode[] | undefined): XmlNode | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function asElement(value: XmlNode | XmlNode[] | undefined): XmlElement | undefined {
  const one = single(value);
  return one !== undefined && typeof one !== 'string' ? one : undefined;
}

/** Text content of an element (entities decoded), or null when the element is absent. */
function text(value: XmlNode | XmlNode[] | undefined): string | null {
  const one = single(value);
  if (one === undefined) return null;
  if (typeof one === 'string') return decodeXmlEntities(one);
  const inner = one[textKey];
  return typeof inner === 'string' ? decodeXmlEntities(inner) : '';
}

function attr(value: XmlNode | XmlNode[] | undefined, name: string): string | null {
  const element = asElement(value);
  const raw = element?.[`@${name}`];
  return typeof raw === 'string' ? decodeXmlEntities(raw) : null;
}

/** Decimal or 0x-hex integer text → number; null when absent, empty or not a safe integer. */
export function toInt(value: string | null): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const parsed = /^0x[0-9a-f]+$/i.test(trimmed) ? Number.parseInt(trimmed, 16) : Number(trimmed);
  return Number.isSafeInteger(parsed) ? parsed : null;
}
