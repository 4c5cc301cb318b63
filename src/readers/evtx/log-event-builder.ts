import type { LogEvent } from '../../model/log-event.js';
import { normalizeIsoTime } from '../../model/time.js';
import { flattenPayload, flattenUserData, type PayloadElement } from './flatten-payload.js';
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

/**
 * `toInt` of the XML reader: decimal or `0x` hex text → safe integer, else null. `Number` reads
 * both forms exactly as the reader's `parseInt(…, 16)` branch does, without a regex. Pure.
 */
function toInt(value: string | null): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const parsed = Number(trimmed);
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
  if (text.length > 32) {
    return notXmlText.test(text) ? text.replace(notXmlTextAll, replaceNotXmlText) : text;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || c >= 0xfffe) {
      return text.replace(notXmlTextAll, replaceNotXmlText);
    }
  }
  return text;
}

function replaceNotXmlText(match: string): string {
  return match.charCodeAt(0) === 0x0d ? '\n' : '\ufffd';
}

/** Our FILETIME text already is stored-time text; anything else goes through the normaliser. */
function storedTime(text: string | undefined): string | null {
  if (text === undefined) return null;
  if (text.length === 28 && text.charCodeAt(19) === 0x2e && text.charCodeAt(27) === 0x5a)
    return text;
  return normalizeIsoTime(text);
}

const sectionBit: Record<string, number> = {
  System: 1,
  EventData: 2,
  UserData: 4,
  RenderingInfo: 8,
};

/** System children the LogEvent needs, as small integers (0 = not needed). */
export const systemChild: Record<string, number> = {
  Provider: 1,
  EventID: 2,
  Level: 3,
  Task: 4,
  Opcode: 5,
  Keywords: 6,
  TimeCreated: 7,
  EventRecordID: 8,
  Correlation: 9,
  Execution: 10,
  Channel: 11,
  Computer: 12,
  Security: 13,
};

/**
 * Builds a LogEvent straight from the BinXML walk, without XML text, following the conventions
 * of model/log-event.ts exactly as the XML export reader applies them (a test feeds the same
 * events through both). Reusable: `take()` returns the event and resets.
 */
export class LogEventBuilder implements BinXmlVisitor {
  private depth = 0;
  private done = false;
  private section: Section = section.none;
  /** Sections met so far: bits for System, EventData, UserData, RenderingInfo; others by name. */
  private sectionBits = 0;
  private readonly otherSections = new Set<string>();
  /** The open System child (depth 3) as a `systemChild` code, and which were seen already. */
  private systemField = 0;
  private systemSeen = 0;
  /** Name of the open EventData/RenderingInfo child (depth 3), or ''. */
  private field = '';
  private fieldText = '';
  private providerName: string | null = null;
  private providerSource: string | null = null;
  private eventId: string | null = null;
  private level: string | null = null;
  private task: string | null = null;
  private opcode: string | null = null;
  private keywords: string | null = null;
  private systemTime: string | null = null;
  private recordId: string | null = null;
  private activityId: string | null = null;
  private processId: string | null = null;
  private threadId: string | null = null;
  private channel: string | null = null;
  private computer: string | null = null;
  private userSid: string | null = null;
  private data: Record<string, string> = {};
  private dataCount = 0;
  private dataName: string | null = null;
  private binarySeen = false;
  private message: string | null = null;
  private payloadStack: PayloadElement[] = [];

  startElement(_name: string, local: string): void {
    const depth = ++this.depth;
    if (this.done) return;
    if (depth === 1) {
      if (local !== 'Event') this.section = section.skip;
      return;
    }
    if (this.section === section.skip && depth > 2) return;
    if (depth === 2) {
      this.openSection(local);
      return;
    }
    if (this.section === section.payload) {
      const element: PayloadElement = {
        name: local,
        attributes: [],
        children: [],
        text: '',
      };
      (this.payloadStack[this.payloadStack.length - 1] as PayloadElement).children.push(element);
      this.payloadStack.push(element);
      return;
    }
    if (depth !== 3) return;
    this.fieldText = '';
    if (this.section === section.system) {
      const code = systemChild[local] ?? 0;
      const bit = 1 << code;
      // Only the first element of each name counts, as in the XML reader.
      this.systemField = this.systemSeen & bit ? 0 : code;
      this.systemSeen |= bit;
      return;
    }
    this.field = local;
    if (this.section === section.eventData && this.field === 'Data') {
      this.dataCount++;
      this.dataName = null;
    }
  }

  private openSection(local: string): void {
    const bit = sectionBit[local] ?? 0;
    const first = bit ? !(this.sectionBits & bit) : !this.otherSections.has(local);
    if (bit) this.sectionBits |= bit;
    else this.otherSections.add(local);
    if (!first) this.section = section.skip;
    else if (bit === 1) this.section = section.system;
    else if (bit === 2) this.section = section.eventData;
    else if (bit === 8) this.section = section.renderingInfo;
    else {
      this.section = section.payload;
      this.payloadStack = [{ name: local, attributes: [], children: [], text: '' }];
    }
  }

  attribute(_name: string, local: string | null, value: string): void {
    if (this.done) return;
    if (this.section === section.payload) {
      if (local !== null) {
        (this.payloadStack[this.payloadStack.length - 1] as PayloadElement).attributes.push([
          local,
          value,
        ]);
      }
      return;
    }
    if (this.depth !== 3) return;
    if (this.section === section.system) {
      this.systemAttribute(this.systemField, local, value);
    } else if (this.section === section.eventData && this.field === 'Data') {
      if (this.dataName === null && local === 'Name') this.dataName = value;
    }
  }

  text(text: string): void {
    if (this.done) return;
    if (this.section === section.payload) {
      if (this.depth >= 2) {
        (this.payloadStack[this.payloadStack.length - 1] as PayloadElement).text += text;
      }
    } else if (this.depth === 3) {
      this.fieldText += text;
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
      element.text = xmlNewlines(element.text);
      if (depth === 2) this.addPayload(element);
      return;
    }
    if (depth !== 3) return;
    if (this.section === section.system) this.endSystemField();
    else if (this.section === section.eventData) {
      const field = this.field;
      if (field === 'Data') {
        this.data[this.dataName ?? `param${this.dataCount}`] = xmlNewlines(this.fieldText);
      } else if (field === 'Binary' && !this.binarySeen) {
        this.binarySeen = true;
        this.data.Binary = this.fieldText.trim().toUpperCase();
      }
    } else if (this.section === section.renderingInfo && this.field === 'Message') {
      if (this.message === null && this.fieldText !== '')
        this.message = xmlNewlines(this.fieldText);
    }
    this.field = '';
  }

  private endSystemField(): void {
    this.systemText(this.systemField, this.fieldText);
    this.systemField = 0;
  }

  /** An attribute of the System child `code` (see `systemChild`); the first one counts. */
  systemAttribute(code: number, local: string | null, value: string): void {
    switch (code) {
      case 1:
        if (local === 'Name') this.providerName ??= value;
        else if (local === 'EventSourceName') this.providerSource ??= value;
        break;
      case 7:
        if (local === 'SystemTime') this.systemTime ??= value;
        break;
      case 9:
        if (local === 'ActivityID') this.activityId ??= value;
        break;
      case 10:
        if (local === 'ProcessID') this.processId ??= value;
        else if (local === 'ThreadID') this.threadId ??= value;
        break;
      case 13:
        if (local === 'UserID') this.userSid ??= value;
        break;
    }
  }

  /** The text of the System child `code` (see `systemChild`). */
  systemText(code: number, text: string): void {
    switch (code) {
      case 2:
        this.eventId = text;
        break;
      case 3:
        this.level = text;
        break;
      case 4:
        this.task = text;
        break;
      case 5:
        this.opcode = text;
        break;
      case 6:
        this.keywords = xmlNewlines(text);
        break;
      case 8:
        this.recordId = text;
        break;
      case 11:
        this.channel = xmlNewlines(text);
        break;
      case 12:
        this.computer = xmlNewlines(text);
        break;
    }
  }

  /**
   * For a System part filled in directly (system-plan.ts): as if `<Event>` and a complete
   * `<System>` had been walked; the rest of the event is then walked as usual.
   */
  beginPlannedEvent(): void {
    this.depth = 1;
    this.sectionBits |= 1;
  }

  /** Closes the `<Event>` opened by `beginPlannedEvent`. */
  endPlannedEvent(): void {
    this.endElement();
  }

  private addPayload(element: PayloadElement): void {
    if (element.name === 'UserData') flattenUserData(element, this.data);
    else if (element.attributes.length > 0 || element.children.length > 0) {
      flattenPayload(element, '', this.data);
    }
  }

  /** The event walked since the last call; throws EvtxDamage when it lacks a time or event id. */
  take(): LogEvent {
    const time = storedTime(this.systemTime ?? undefined);
    const eventId = toInt(this.eventId);
    const event: LogEvent = {
      time: time ?? '',
      computer: this.computer ?? '',
      channel: this.channel ?? '',
      provider: this.providerName ?? this.providerSource ?? '',
      eventId: eventId ?? 0,
      level: toInt(this.level),
      task: toInt(this.task),
      opcode: toInt(this.opcode),
      keywords: this.keywords,
      recordId: toInt(this.recordId),
      processId: toInt(this.processId),
      threadId: toInt(this.threadId),
      activityId: this.activityId,
      userSid: this.userSid,
      data: this.data,
      message: this.message,
    };
    const hasSystem = (this.sectionBits & 1) !== 0;
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
    this.sectionBits = 0;
    if (this.otherSections.size) this.otherSections.clear();
    this.systemField = 0;
    this.systemSeen = 0;
    this.field = '';
    this.fieldText = '';
    this.providerName = null;
    this.providerSource = null;
    this.eventId = null;
    this.level = null;
    this.task = null;
    this.opcode = null;
    this.keywords = null;
    this.systemTime = null;
    this.recordId = null;
    this.activityId = null;
    this.processId = null;
    this.threadId = null;
    this.channel = null;
    this.computer = null;
    this.userSid = null;
    this.data = {};
    this.dataCount = 0;
    this.dataName = null;
    this.binarySeen = false;
    this.message = null;
    this.payloadStack = [];
  }
}
