import type { LogEvent } from '../../../model/log-event.js';
import { flattenPayload, flattenUserData, type PayloadElement } from './flatten-payload.js';
import { SystemFields, systemChild, xmlNewlines } from './system-fields.js';
import { entityText, type BinXmlVisitor } from '../binary/walk-binxml.js';

const section = {
  none: 0,
  system: 1,
  eventData: 2,
  payload: 3,
  renderingInfo: 4,
  skip: 5,
} as const;
type Section = (typeof section)[keyof typeof section];

const sectionBit: Record<string, number> = {
  System: 1,
  EventData: 2,
  UserData: 4,
  RenderingInfo: 8,
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
  /** Every piece of `fieldText` came clean (see `BinXmlVisitor.text`): no newline work. */
  private fieldClean = true;
  /** The System texts (public for system-plan.ts, which fills them directly). */
  readonly system = new SystemFields();
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
    this.fieldClean = true;
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
      this.system.attribute(this.systemField, local, value);
    } else if (this.section === section.eventData && this.field === 'Data') {
      if (this.dataName === null && local === 'Name') this.dataName = value;
    }
  }

  text(text: string, clean = false): void {
    if (this.done) return;
    if (this.section === section.payload) {
      if (this.depth >= 2) {
        (this.payloadStack[this.payloadStack.length - 1] as PayloadElement).text += text;
      }
    } else if (this.depth === 3) {
      this.fieldText += text;
      if (!clean) this.fieldClean = false;
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
        this.data[this.dataName ?? `param${this.dataCount}`] = this.fieldClean
          ? this.fieldText
          : xmlNewlines(this.fieldText);
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
    this.system.text(this.systemField, this.fieldText);
    this.systemField = 0;
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
    const hasSystem = (this.sectionBits & 1) !== 0;
    const data = this.data;
    const message = this.message;
    try {
      return this.system.toLogEvent(hasSystem, data, message);
    } finally {
      this.reset();
    }
  }

  /** Forgets a partly walked event (after damage). */
  reset(): void {
    this.depth = 0;
    this.done = false;
    this.section = section.none;
    this.sectionBits = 0;
    this.system.reset();
    if (this.otherSections.size) this.otherSections.clear();
    this.systemField = 0;
    this.systemSeen = 0;
    this.field = '';
    this.fieldText = '';
    this.fieldClean = true;
    this.data = {};
    this.dataCount = 0;
    this.dataName = null;
    this.binarySeen = false;
    this.message = null;
    this.payloadStack = [];
  }
}
