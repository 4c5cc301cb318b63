import type { LogEvent } from '../../../model/log-event.js';
import { normalizeIsoTime } from '../../../model/time.js';
import { EvtxDamage } from '../binary/limits.js';

/**
 * The System part of a LogEvent as the EVTX fast path collects it: the texts the XML reader
 * would read (first element or attribute of each name), turned into LogEvent fields with the
 * XML reader's own conversions.
 */

/**
 * `toInt` of the XML reader: decimal or `0x` hex text → safe integer, else null. `Number` reads
 * both forms exactly as the reader's `parseInt(…, 16)` branch does, without a regex. Pure.
 */
function toInt(value: string | number | null): number | null {
  if (value === null || typeof value === 'number') return value;
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
 * xml-bytes.ts). Pure.
 */
export function xmlNewlines(text: string): string {
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
 * Whether the System field `code` (attribute `local`, or null for the element's text) becomes
 * a LogEvent number, so `SystemFields.number` takes it. Pure.
 */
export function isNumericField(code: number, local: string | null): boolean {
  if (local === null) return code === 2 || code === 3 || code === 4 || code === 5 || code === 8;
  return code === 10 && (local === 'ProcessID' || local === 'ThreadID');
}

/** The System texts of one event; `reset()` between events. */
export class SystemFields {
  private providerName: string | null = null;
  private providerSource: string | null = null;
  /** Text, or the number itself when it came from an integer value (see `number`). */
  private eventId: string | number | null = null;
  private level: string | number | null = null;
  private task: string | number | null = null;
  private opcode: string | number | null = null;
  private keywords: string | null = null;
  private systemTime: string | null = null;
  private recordId: string | number | null = null;
  private activityId: string | null = null;
  private processId: string | number | null = null;
  private threadId: string | number | null = null;
  private channel: string | null = null;
  private computer: string | null = null;
  private userSid: string | null = null;

  /** An attribute of the System child `code` (see `systemChild`); the first one counts. */
  attribute(code: number, local: string | null, value: string): void {
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

  /**
   * A safe integer for a numeric field (as `isNumericField` says), instead of its text: what
   * `toInt` would read from the text, without writing and reading it.
   */
  number(code: number, local: string | null, value: number): void {
    switch (code) {
      case 2:
        this.eventId = value;
        break;
      case 3:
        this.level = value;
        break;
      case 4:
        this.task = value;
        break;
      case 5:
        this.opcode = value;
        break;
      case 8:
        this.recordId = value;
        break;
      case 10:
        if (local === 'ProcessID') this.processId ??= value;
        else if (local === 'ThreadID') this.threadId ??= value;
        break;
    }
  }

  /**
   * The text of the System child `code` (see `systemChild`); `clean` as for
   * `BinXmlVisitor.text` (no newline work needed).
   */
  text(code: number, text: string, clean = false): void {
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
        this.keywords = clean ? text : xmlNewlines(text);
        break;
      case 8:
        this.recordId = text;
        break;
      case 11:
        this.channel = clean ? text : xmlNewlines(text);
        break;
      case 12:
        this.computer = clean ? text : xmlNewlines(text);
        break;
    }
  }

  /**
   * The LogEvent with these System fields and the given payload. Throws EvtxDamage when the
   * event has no System part, or no valid time or event id (the XML reader refuses those too).
   */
  toLogEvent(hasSystem: boolean, data: Record<string, string>, message: string | null): LogEvent {
    if (!hasSystem) throw new EvtxDamage('event has no <System> element', 0);
    const time = storedTime(this.systemTime ?? undefined);
    if (time === null) throw new EvtxDamage('event has no valid TimeCreated/@SystemTime', 0);
    const eventId = toInt(this.eventId);
    if (eventId === null) throw new EvtxDamage('event has no valid <EventID>', 0);
    return {
      time,
      computer: this.computer ?? '',
      channel: this.channel ?? '',
      provider: this.providerName ?? this.providerSource ?? '',
      eventId,
      level: toInt(this.level),
      task: toInt(this.task),
      opcode: toInt(this.opcode),
      keywords: this.keywords,
      recordId: toInt(this.recordId),
      processId: toInt(this.processId),
      threadId: toInt(this.threadId),
      activityId: this.activityId,
      userSid: this.userSid,
      data,
      message,
    };
  }

  reset(): void {
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
  }
}
