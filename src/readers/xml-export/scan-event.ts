import type { LogEvent } from '../../model/log-event.js';
import { normalizeIsoTime } from '../../model/time.js';
import {
  addPayloadFields,
  addUserDataFields,
  toInt,
  type XmlElement,
  type XmlNode,
} from './event-xml-to-log-event.js';
import { decodeXmlEntities } from './xml-text.js';

/**
 * Attributes read from one element. Windows writes a handful per element; past this many, the
 * rest of the element's attributes are not read (a warning says so) and the full parser, which
 * would hold them all, is never asked to read the event.
 */
export const maxAttributesPerElement = 256;
/** Deeper events go to the full parser, which bounds nesting itself (and says so). */
const maxDepth = 64;

// What an open element is to the scan (`kinds` of the element stack).
const skip = 0;
const root = 1;
const system = 2;
const systemField = 3;
const eventData = 4;
const dataItem = 5;
const binary = 6;
const rendering = 7;
const message = 8;
const tree = 9;

// System children read, by slot: text fields first, then attribute fields.
const textFieldNames = [
  'EventID',
  'Level',
  'Task',
  'Opcode',
  'Keywords',
  'EventRecordID',
  'Channel',
  'Computer',
];
/** System children whose attributes are read (readAttributeFields), into slots 8-14. */
const attributeElements = ['Provider', 'TimeCreated', 'Execution', 'Correlation', 'Security'];
const elementSlots = new Map<string, number>([
  ...textFieldNames.map((name, slot) => [name, slot] as [string, number]),
  ...attributeElements.map((name, k) => [name, 16 + k] as [string, number]),
]);
const slotCount = 15;

/**
 * Element names the full parser refuses or renames (it guards against prototype pollution);
 * events with them go to it, so that they come out as they did.
 */
const namesForTheFullParser = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/** A UserData (or other payload) element being read, kept as fast-xml-parser would give it. */
class TreeNode {
  attrs: string[] | null = null;
  children: XmlElement | null = null;
  text = '';

  add(name: string, value: XmlNode): void {
    const children = (this.children ??= {});
    const existing = children[name];
    if (existing !== undefined && Object.prototype.hasOwnProperty.call(children, name)) {
      if (Array.isArray(existing)) existing.push(value);
      else children[name] = [existing, value];
    } else children[name] = name === 'Data' ? [value] : value;
  }

  /** The node as fast-xml-parser builds it: children, then `#text`, then attributes. */
  value(): XmlNode {
    if (this.children === null && this.attrs === null) return lineEnds(this.text);
    const element = this.children ?? {};
    if (this.text !== '') element['#text'] = lineEnds(this.text);
    const attrs = this.attrs ?? [];
    for (let k = 0; k < attrs.length; k += 2) {
      element[`@${attrs[k] as string}`] = lineEnds(attrs[k + 1] as string);
    }
    return element;
  }
}

/** XML line-end handling as the full parser does it: CR LF and lone CR become LF. */
function lineEnds(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

function decoded(raw: string | null): string | null {
  return raw === null ? null : decodeXmlEntities(lineEnds(raw));
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function isWordChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

/**
 * Whether the `&` at `at` starts a reference the full parser's validator accepts (`&name;` of
 * at most 20 word characters, `&#digits;`, `&#xhex;`), looking no further than `limit`.
 */
function isValidReference(s: string, at: number, limit: number): boolean {
  let i = at + 1;
  const c = s.charCodeAt(i);
  if (c === 59) return false; // "&;"
  if (c === 35) {
    i++;
    const hex = s.charCodeAt(i) === 120;
    if (hex) i++;
    for (; i < limit; i++) {
      const d = s.charCodeAt(i);
      if (d === 59) return true;
      const digit = d >= 48 && d <= 57;
      if (!(digit || (hex && ((d >= 97 && d <= 102) || (d >= 65 && d <= 70))))) return false;
    }
    return false;
  }
  for (let count = 0; i < limit; i++, count++) {
    const d = s.charCodeAt(i);
    if (isWordChar(d) && count < 20) continue;
    return d === 59;
  }
  return false;
}

/**
 * Reads one `<Event>` element straight into a LogEvent, for the shapes Windows writes: System
 * fields, EventData, UserData and other payloads, RenderingInfo. It accepts only markup it can
 * read exactly as the full parser (fast-xml-parser, event-xml-to-log-event.ts) does — names
 * without prefixes, quoted attributes, the predefined and numeric references, no comments,
 * CDATA or processing instructions — and gives null for anything else (malformed XML
 * included), so that the full parser decides and words the warning. One instance per thread;
 * not reentrant.
 */
export class EventScanner {
  /** The element whose attributes passed `maxAttributesPerElement` in the last scan, if any. */
  crowdedElement: string | null = null;

  private s = '';
  private end = 0;
  private depth = 0;
  private readonly kinds: number[] = [];
  private readonly names: string[] = [];
  private readonly slots: number[] = [];
  private readonly trees: (TreeNode | null)[] = [];
  private readonly texts: (string | null)[] = new Array<string | null>(slotCount).fill(null);
  private seenElements = 0;
  private payloadsSeen: string[] = [];
  private systemSeen = false;
  private renderingSeen = false;
  private messageText: string | null = null;
  private dataKeys: (string | null)[] = [];
  private dataTexts: string[] = [];
  private binaryText: string | null = null;
  private data: Record<string, string> = {};
  // The first `&` (and `<`) at or after `ampFrom` (`ltFrom`) in `s`, kept across the events of
  // one string: searching afresh for each event would scan the rest of the string each time.
  private nextAmp = -1;
  private ampFrom = Infinity;
  private nextLt = -1;
  private ltFrom = Infinity;
  private readonly attrNames: string[] = [];
  private readonly attrValues: string[] = [];
  private attrCount = 0;

  /** Index after the event's `</Event>`, after a scan that gave an event. */
  stop = 0;

  /**
   * The event in `s` that starts at `start` (at `<Event`) and ends, before `limit`, at the
   * first `</Event>` (`stop` is then the index after it); null when there is none to read or
   * the full parser must decide. A scan that reads an event has met no other `<Event` start
   * tag inside it (an `Event` element there gives null).
   */
  scan(s: string, start: number, limit: number): LogEvent | null {
    this.reset(s, limit);
    let i = start;
    while (i < limit) {
      if (s.charCodeAt(i) !== 60) {
        const lt = s.indexOf('<', i);
        if (lt < 0 || lt >= limit || this.depth === 0 || !this.text(i, lt)) return null;
        i = lt;
        continue;
      }
      i = s.charCodeAt(i + 1) === 47 ? this.closeTag(i) : this.openTag(i);
      if (i < 0) return null;
      if (this.depth === 0) {
        this.stop = i;
        return this.event();
      }
    }
    return null;
  }

  private reset(s: string, end: number): void {
    if (s !== this.s) {
      this.s = s;
      this.ampFrom = Infinity;
      this.ltFrom = Infinity;
    }
    this.end = end;
    this.depth = 0;
    this.texts.fill(null);
    this.seenElements = 0;
    this.payloadsSeen = [];
    this.systemSeen = false;
    this.renderingSeen = false;
    this.messageText = null;
    this.dataKeys = [];
    this.dataTexts = [];
    this.binaryText = null;
    this.data = {};
    this.crowdedElement = null;
  }

  /** Text from `i` to `lt` inside the open element; false when a reference is malformed. */
  private text(i: number, lt: number): boolean {
    const s = this.s;
    if (this.nextAmp < i || this.ampFrom > i) {
      const amp = s.indexOf('&', i);
      this.nextAmp = amp < 0 ? s.length : amp;
      this.ampFrom = i;
    }
    while (this.nextAmp < lt) {
      if (!isValidReference(s, this.nextAmp, lt)) return false;
      const amp = s.indexOf('&', this.nextAmp + 1);
      this.nextAmp = amp < 0 ? s.length : amp;
    }
    const top = this.depth - 1;
    switch (this.kinds[top]) {
      case systemField: {
        const slot = this.slots[top] as number;
        if (slot < textFieldNames.length) this.texts[slot] += s.slice(i, lt);
        break;
      }
      case dataItem: {
        const slot = this.slots[top] as number;
        this.dataTexts[slot] += s.slice(i, lt);
        break;
      }
      case binary:
        this.binaryText += s.slice(i, lt);
        break;
      case message:
        this.messageText += s.slice(i, lt);
        break;
      case tree:
        (this.trees[top] as TreeNode).text += s.slice(i, lt);
        break;
      default:
    }
    return true;
  }

  /** Reads the start tag at `i` (`<` then a name); the index after it, or −1. */
  private openTag(i: number): number {
    const s = this.s;
    let j = i + 1;
    if (!isNameStart(s.charCodeAt(j))) return -1;
    j++;
    while (isNameChar(s.charCodeAt(j))) j++;
    const name = s.slice(i + 1, j);
    if (namesForTheFullParser.has(name)) return -1;
    const after = this.readAttributes(j, name);
    if (after < 0) return -1;
    const selfClosing = s.charCodeAt(after - 2) === 47;
    if (selfClosing && this.depth === 0) return -1; // `<Event/>`: no `</Event>` of its own
    if (!this.push(name)) return -1;
    if (selfClosing) this.pop();
    return after;
  }

  /**
   * Reads the attributes after a tag name up to and including `>` or `/>` into `attrNames` and
   * `attrValues`; the index after the tag, or −1 for anything but plain quoted attributes.
   */
  private readAttributes(j: number, element: string): number {
    const s = this.s;
    this.attrCount = 0;
    for (;;) {
      const spaceStart = j;
      while (isSpace(s.charCodeAt(j))) j++;
      const c = s.charCodeAt(j);
      if (c === 62) return j + 1;
      if (c === 47) return s.charCodeAt(j + 1) === 62 ? j + 2 : -1;
      if (j === spaceStart || !isNameStart(c)) return -1;
      const nameStart = j;
      j++;
      for (let d = s.charCodeAt(j); isNameChar(d) || d === 58; d = s.charCodeAt(++j));
      const name = s.slice(nameStart, j);
      if (s.charCodeAt(j) !== 61) return -1;
      const quote = s.charCodeAt(j + 1);
      if (quote !== 34 && quote !== 39) return -1;
      const close = s.indexOf(quote === 34 ? '"' : "'", j + 2);
      if (close < 0 || close >= this.end) return -1;
      if (this.nextLt < j || this.ltFrom > j) {
        const lt = s.indexOf('<', j);
        this.nextLt = lt < 0 ? s.length : lt;
        this.ltFrom = j;
      }
      if (this.nextLt < close) return -1;
      if (name.indexOf(':') >= 0 && !name.startsWith('xmlns:')) return -1;
      if (this.attrCount >= maxAttributesPerElement) {
        this.crowdedElement ??= element;
      } else {
        for (let k = 0; k < this.attrCount; k++) if (this.attrNames[k] === name) return -1;
        this.attrNames[this.attrCount] = name;
        this.attrValues[this.attrCount] = s.slice(j + 2, close);
        this.attrCount++;
      }
      j = close + 1;
    }
  }

  /** The value of attribute `name` of the tag just read (raw), or null. */
  private attribute(name: string): string | null {
    for (let k = 0; k < this.attrCount; k++) {
      if (this.attrNames[k] === name) return this.attrValues[k] as string;
    }
    return null;
  }

  /** Opens element `name` below the current one; false when the full parser must decide. */
  private push(name: string): boolean {
    const depth = this.depth;
    if (depth >= maxDepth) return false;
    let kind = skip;
    let slot = 0;
    let node: TreeNode | null = null;
    if (depth === 0) {
      if (name !== 'Event') return false;
      kind = root;
    } else if (name === 'Event') {
      return false; // another event starts inside this one: the caller sorts that out
    } else {
      switch (this.kinds[depth - 1]) {
        case root:
          if (name === 'System') {
            if (!this.systemSeen) kind = system;
            this.systemSeen = true;
          } else if (name === 'RenderingInfo') {
            if (!this.renderingSeen) kind = rendering;
            this.renderingSeen = true;
          } else if (!this.payloadsSeen.includes(name)) {
            this.payloadsSeen.push(name);
            if (name === 'EventData') kind = eventData;
            else {
              kind = tree;
              node = this.treeNode();
            }
          }
          break;
        case system: {
          const element = elementSlots.get(name);
          if (element !== undefined && (this.seenElements & (1 << element)) === 0) {
            this.seenElements |= 1 << element;
            kind = systemField;
            slot = element;
            if (element < textFieldNames.length) this.texts[element] = '';
            else this.readAttributeFields(name);
          }
          break;
        }
        case eventData:
          if (name === 'Data') {
            kind = dataItem;
            slot = this.dataKeys.length;
            this.dataKeys.push(this.attribute('Name'));
            this.dataTexts.push('');
          } else if (name === 'Binary' && this.binaryText === null) {
            kind = binary;
            this.binaryText = '';
          }
          break;
        case rendering:
          if (name === 'Message' && this.messageText === null) {
            kind = message;
            this.messageText = '';
          }
          break;
        case tree:
          kind = tree;
          node = this.treeNode();
          break;
        default:
      }
    }
    this.kinds[depth] = kind;
    this.names[depth] = name;
    this.slots[depth] = slot;
    this.trees[depth] = node;
    this.depth = depth + 1;
    return true;
  }

  /** The attributes read of System's `element` (first occurrence) into their slots. */
  private readAttributeFields(element: string): void {
    const texts = this.texts;
    switch (element) {
      case 'Provider':
        texts[8] = this.attribute('Name');
        texts[9] = this.attribute('EventSourceName');
        break;
      case 'TimeCreated':
        texts[10] = this.attribute('SystemTime');
        break;
      case 'Execution':
        texts[11] = this.attribute('ProcessID');
        texts[12] = this.attribute('ThreadID');
        break;
      case 'Correlation':
        texts[13] = this.attribute('ActivityID');
        break;
      case 'Security':
        texts[14] = this.attribute('UserID');
        break;
      default:
    }
  }

  private treeNode(): TreeNode {
    const node = new TreeNode();
    for (let k = 0; k < this.attrCount; k++) {
      const name = this.attrNames[k] as string;
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      (node.attrs ??= []).push(name, this.attrValues[k] as string);
    }
    return node;
  }

  /** Reads the end tag at `i`, which must close the open element; the index after it, or −1. */
  private closeTag(i: number): number {
    const s = this.s;
    const name = this.names[this.depth - 1];
    if (this.depth === 0 || name === undefined || !s.startsWith(name, i + 2)) return -1;
    let j = i + 2 + name.length;
    while (isSpace(s.charCodeAt(j))) j++;
    // The event ends at the first `</Event>` exactly, as the splitting of events has it.
    if (s.charCodeAt(j) !== 62 || (this.depth === 1 && j !== i + 7)) return -1;
    this.pop();
    return j + 1;
  }

  private pop(): void {
    const top = --this.depth;
    const kind = this.kinds[top];
    if (kind === eventData) this.addEventData();
    else if (kind === tree) {
      const value = (this.trees[top] as TreeNode).value();
      const name = this.names[top] as string;
      this.trees[top] = null;
      if (this.kinds[top - 1] === tree) (this.trees[top - 1] as TreeNode).add(name, value);
      else if (typeof value !== 'string') {
        if (name === 'UserData') addUserDataFields(value, this.data);
        else addPayloadFields(value, this.data);
      }
    }
  }

  /** `<Data Name=…>` by name, unnamed `<Data>` as param1, param2, … by position; `<Binary>`. */
  private addEventData(): void {
    const data = this.data;
    const keys = this.dataKeys;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      data[key === null || key === undefined ? `param${k + 1}` : (decoded(key) as string)] =
        decoded(this.dataTexts[k] as string) as string;
    }
    if (this.binaryText !== null) {
      data.Binary = (decoded(this.binaryText) as string).trim().toUpperCase();
    }
  }

  /** The event read, or null when it lacks what every event has (the full parser says what). */
  private event(): LogEvent | null {
    if (!this.systemSeen) return null;
    const t = this.texts;
    const time = normalizeIsoTime(decoded(t[10] ?? null) ?? '');
    if (time === null) return null;
    const eventId = toInt(decoded(t[0] ?? null));
    if (eventId === null) return null;
    const rendered = decoded(this.messageText);
    return {
      time,
      computer: decoded(t[7] ?? null) ?? '',
      channel: decoded(t[6] ?? null) ?? '',
      provider: decoded(t[8] ?? null) ?? decoded(t[9] ?? null) ?? '',
      eventId,
      level: toInt(decoded(t[1] ?? null)),
      task: toInt(decoded(t[2] ?? null)),
      opcode: toInt(decoded(t[3] ?? null)),
      keywords: decoded(t[4] ?? null),
      recordId: toInt(decoded(t[5] ?? null)),
      processId: toInt(decoded(t[11] ?? null)),
      threadId: toInt(decoded(t[12] ?? null)),
      activityId: decoded(t[13] ?? null),
      userSid: decoded(t[14] ?? null),
      data: this.data,
      message: rendered === null || rendered === '' ? null : rendered,
    };
  }
}
