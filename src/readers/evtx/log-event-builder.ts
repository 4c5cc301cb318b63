import type { LogEvent } from '../../model/log-event.js';
import { normalizeIsoTime } from '../../model/time.js';
import {
  flattenPayload,
  flattenUserData,
  localName,
  type PayloadElement,
} from './flatten-payload.js';
import { EvtxDamage } from './limits.js';
import { entityText, type BinXmlVisitor } from './walk-binxml.js';

const section = {
  none: 0,
  system: 1,
  eventData: 2,
  payload: 3,
  renderingInfo: 4,
  skip: 5,
} as const;
type Section = (typeof section)[keyof typeof section];

/** `toInt` of the XML reader: decimal or `0x` hex text → safe integer, else null. Pure. */
function toInt(value: string | null): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const parsed = /^0x[0-9a-f]+$/i.test(trimmed) ? Number.parseInt(trimmed, 16) : Number(trimmed);
  return Number.isSafeInteger(parsed) ? parsed : null;
}

// eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot carry are what this matches
const notXmlText = /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot carry are what this matches
const notXmlTextAll = /\r\n?|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Text as it comes out of an XML export of the same event: XML parsers turn CR LF and lone CR
 * into LF (XML 1.0 §2.11), and characters XML cannot carry are U+FFFD in our own XML (see
 * escapeXml). Pure.
 */
function xmlNewlines(text: string): string {
  if (!notXmlText.test(text)) return text;
  return text.replace(notXmlTextAll, (c) => (c.charCodeAt(0) === 0x0d ? '\n' : '\ufffd'));
}

/** Our FILETIME text already is stored-time text; anything else goes through the normaliser. */
function storedTime(text: string | undefined): string | null {
  if (text === undefined) return null;
  if (text.length === 28 && text.charCodeAt(19) === 0x2e && text.charCodeAt(27) === 0x5a)
    return text;
  return normalizeIsoTime(text);
}

/**
 * Builds a LogEvent straight from the BinXML walk, without XML text, following the conventions
 * of model/log-event.ts exactly as the XML export reader applies them (a test feeds the same
 * events through both). Reusable: `take()` returns the event and resets.
 */
export class LogEventBuilder implements BinXmlVisitor {
  private depth = 0;
  private done = false;
  private section: Section = section.none;
  private readonly sectionsSeen = new Set<string>();
  /** Name of the open System/EventData/RenderingInfo child (depth 3), or ''. */
  private field = '';
  private fieldText = '';
  private readonly systemText = new Map<string, string>();
  private readonly systemAttributes = new Map<string, string>();
  private data: Record<string, string> = {};
  private dataCount = 0;
  private dataName: string | null = null;
  private binarySeen = false;
  private message: string | null = null;
  private payloadStack: PayloadElement[] = [];

  startElement(name: string): void {
    const depth = ++this.depth;
    if (this.done) return;
    if (depth === 1) {
      if (localName(name) !== 'Event') this.section = section.skip;
      return;
    }
    if (this.section === section.skip && depth > 2) return;
    if (depth === 2) {
      const local = localName(name) ?? name;
      const first = !this.sectionsSeen.has(local);
      this.sectionsSeen.add(local);
      this.section = !first
        ? section.skip
        : local === 'System'
          ? section.system
          : local === 'EventData'
            ? section.eventData
            : local === 'RenderingInfo'
              ? section.renderingInfo
              : section.payload;
      if (this.section === section.payload) {
        this.payloadStack = [{ name: local, attributes: [], children: [], text: '' }];
      }
      return;
    }
    if (this.section === section.payload) {
      const element: PayloadElement = {
        name: localName(name) ?? name,
        attributes: [],
        children: [],
        text: '',
      };
      (this.payloadStack[this.payloadStack.length - 1] as PayloadElement).children.push(element);
      this.payloadStack.push(element);
      return;
    }
    if (depth === 3) {
      this.field = localName(name) ?? name;
      this.fieldText = '';
      if (this.section === section.eventData && this.field === 'Data') {
        this.dataCount++;
        this.dataName = null;
      }
    }
  }

  attribute(name: string, value: string): void {
    if (this.done) return;
    const depth = this.depth;
    if (this.section === section.payload) {
      const local = localName(name);
      if (local !== null)
        (this.payloadStack[this.payloadStack.length - 1] as PayloadElement).attributes.push([
          local,
          value,
        ]);
    } else if (depth === 3 && this.section === section.system) {
      const key = `${this.field}@${localName(name)}`;
      if (!this.systemAttributes.has(key) && !this.systemText.has(this.field))
        this.systemAttributes.set(key, value);
    } else if (depth === 3 && this.section === section.eventData && this.field === 'Data') {
      if (this.dataName === null && localName(name) === 'Name') this.dataName = value;
    }
  }

  text(text: string): void {
    if (this.done) return;
    if (this.section === section.payload) {
      if (this.depth >= 2)
        (this.payloadStack[this.payloadStack.length - 1] as PayloadElement).text +=
          xmlNewlines(text);
    } else if (this.depth === 3) {
      this.fieldText += xmlNewlines(text);
    }
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
    const depth = this.depth--;
    if (this.done) return;
    if (depth === 1) {
      this.done = true;
      return;
    }
    if (this.section === section.payload) {
      const element = this.payloadStack.pop() as PayloadElement;
      if (depth === 2) this.addPayload(element);
      return;
    }
    if (depth !== 3) return;
    const field = this.field;
    if (this.section === section.system) {
      if (!this.systemText.has(field)) this.systemText.set(field, this.fieldText);
    } else if (this.section === section.eventData) {
      if (field === 'Data') this.data[this.dataName ?? `param${this.dataCount}`] = this.fieldText;
      else if (field === 'Binary' && !this.binarySeen) {
        this.binarySeen = true;
        this.data.Binary = this.fieldText.trim().toUpperCase();
      }
    } else if (
      this.section === section.renderingInfo &&
      field === 'Message' &&
      this.message === null
    ) {
      this.message = this.fieldText === '' ? null : this.fieldText;
    }
    this.field = '';
  }

  private addPayload(element: PayloadElement): void {
    if (element.name === 'UserData') flattenUserData(element, this.data);
    else if (element.attributes.length > 0 || element.children.length > 0)
      flattenPayload(element, '', this.data);
  }

  /** The event walked since the last call; throws EvtxDamage when it lacks a time or event id. */
  take(): LogEvent {
    const text = this.systemText;
    const attributes = this.systemAttributes;
    const time = storedTime(attributes.get('TimeCreated@SystemTime'));
    const eventId = toInt(text.get('EventID') ?? null);
    const event: LogEvent = {
      time: time ?? '',
      computer: text.get('Computer') ?? '',
      channel: text.get('Channel') ?? '',
      provider: attributes.get('Provider@Name') ?? attributes.get('Provider@EventSourceName') ?? '',
      eventId: eventId ?? 0,
      level: toInt(text.get('Level') ?? null),
      task: toInt(text.get('Task') ?? null),
      opcode: toInt(text.get('Opcode') ?? null),
      keywords: text.get('Keywords') ?? null,
      recordId: toInt(text.get('EventRecordID') ?? null),
      processId: toInt(attributes.get('Execution@ProcessID') ?? null),
      threadId: toInt(attributes.get('Execution@ThreadID') ?? null),
      activityId: attributes.get('Correlation@ActivityID') ?? null,
      userSid: attributes.get('Security@UserID') ?? null,
      data: this.data,
      message: this.message,
    };
    const hasSystem = this.sectionsSeen.has('System');
    this.reset();
    if (!hasSystem) throw new EvtxDamage('event has no <System> element', 0);
    if (time === null) throw new EvtxDamage('event has no valid TimeCreated/@SystemTime', 0);
    if (eventId === null) throw new EvtxDamage('event has no valid <EventID>', 0);
    return event;
  }

  /** Forgets a partly walked event (after damage). */
  reset(): void {
    this.depth = 0;
    this.done = false;
    this.section = section.none;
    this.sectionsSeen.clear();
    this.field = '';
    this.fieldText = '';
    this.systemText.clear();
    this.systemAttributes.clear();
    this.data = {};
    this.dataCount = 0;
    this.dataName = null;
    this.binarySeen = false;
    this.message = null;
    this.payloadStack = [];
  }
}
