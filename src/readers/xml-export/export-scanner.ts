import { errorMessage, ParseError } from '../../errors.js';
import type { LogEvent } from '../../model/log-event.js';
import { eventXmlToLogEvent } from './event-xml-to-log-event.js';
import { preview, scanOutsideEvents } from './outside-events.js';
import { EventScanner, maxAttributesPerElement } from './scan-event.js';

/** An event larger than this is treated as damage rather than buffered further. */
export const maxEventSizeInChars = 16 * 1024 * 1024;

const closeTag = '</Event>';

export interface ExportScanOutput {
  event(event: LogEvent): void;
  warning(location: string, message: string): void;
}

/**
 * Reads a stream of XML text into events, whatever surrounds them: nothing (`wevtutil qe
 * /f:xml`), an `<Events>` root (Event Viewer), an XML declaration, or blank lines (PowerShell
 * `ToXml()`). Events do not nest, so an event ends at the first `</Event>`; a new `<Event`
 * before that means the first one was cut short. Each event is read by EventScanner, or by the
 * full parser when the scanner does not take it. Text between events that is not allowed
 * there (outside-events.ts) is reported with its byte offset. Holds at most one event (and the
 * decoded chunk it is in) in memory.
 */
export class ExportScanner {
  private buffer = '';
  /** Byte offset in the file of `buffer[0]`. */
  private baseByte: number;
  private readonly bytesPerChar: number | null;
  // UTF-8: a known pair (index in buffer, byte offset), so offsets are counted forward only.
  private mapIndex = 0;
  private mapByte: number;
  /** Byte offset of the first character of damaged text in the current gap between events. */
  private junkByte = -1;
  private junkPreview = '';
  /** The rest of an oversized event, which was reported as such, is being skipped. */
  private skippingEvent = false;
  private readonly scanner = new EventScanner();

  /**
   * `bytesPerChar`: bytes each character of the text takes in the file (UTF-16: 2), or null
   * for UTF-8; `startByte`: offset of the first character (after a byte-order mark).
   */
  constructor(
    bytesPerChar: number | null,
    startByte: number,
    private readonly output: ExportScanOutput,
  ) {
    this.bytesPerChar = bytesPerChar;
    this.baseByte = startByte;
    this.mapByte = startByte;
  }

  /** Adds decoded text that follows what was pushed before. */
  push(text: string): void {
    const buffer = this.buffer.length === 0 ? text : this.buffer + text;
    this.buffer = buffer;
    let pos = 0;
    let known = -1; // the next event start, when the last search went past it
    for (;;) {
      const start = known >= pos ? known : findEventStart(buffer, pos, true);
      if (start < 0) {
        // Keep a tail that may be the beginning of `<Event`.
        pos = this.outside(pos, Math.max(pos, buffer.length - 6), false);
        break;
      }
      this.outside(pos, start, true);
      this.endGap(start, '');
      pos = start;
      if (this.scanned(pos)) {
        pos = this.scanner.stop;
        known = eventStartAt(buffer, pos);
        continue;
      }
      // What the scanner did not read: cut at the first `</Event>` and read by the full parser.
      const end = buffer.indexOf(closeTag, pos + 1);
      const nextStart = findEventStart(buffer, pos + 1, false);
      if (nextStart >= 0 && (end < 0 || nextStart < end)) {
        this.warn(pos, 'event element is not closed before the next event starts');
        pos = nextStart;
        continue;
      }
      if (end < 0) {
        if (buffer.length - pos > maxEventSizeInChars) {
          this.warn(pos, `event element longer than ${maxEventSizeInChars} characters; skipped`);
          pos = buffer.length;
          this.skippingEvent = true;
        }
        break;
      }
      const stop = end + closeTag.length;
      const crowded = this.scanner.crowdedElement;
      if (crowded === null) this.fullParse(pos, stop);
      else this.warn(pos, crowdedMessage(crowded, false));
      pos = stop;
      known = nextStart;
    }
    this.shift(pos);
  }

  /**
   * The text pushed so far ends where the file's UTF-16 code units went out of step (a byte
   * missing or added); reading resumes at `byteOffset`, at an `<Event` in step again.
   */
  realign(byteOffset: number): void {
    const note = `; the UTF-16 text is out of step (a byte missing or added?) up to byte ${byteOffset}, where reading resumes`;
    if (findEventStart(this.buffer, 0, true) === 0) {
      this.warn(0, `event element cut short${note}`);
    } else {
      this.outside(0, this.buffer.length, true);
      this.endGap(this.buffer.length, note);
    }
    this.buffer = '';
    this.baseByte = byteOffset;
    this.mapIndex = 0;
    this.mapByte = byteOffset;
    this.skippingEvent = false;
  }

  /** Call at the end of input: a started event that never closed, or damage, is reported. */
  finish(): void {
    if (findEventStart(this.buffer, 0, true) >= 0) {
      this.outside(0, findEventStart(this.buffer, 0, true), true);
      this.endGap(findEventStart(this.buffer, 0, true), '');
      this.warn(
        findEventStart(this.buffer, 0, true),
        'file ends inside an event element (truncated export?)',
      );
    } else {
      this.outside(0, this.buffer.length, true);
      this.endGap(this.buffer.length, '');
    }
    this.buffer = '';
  }

  /** The event at `start` read by EventScanner, when it reads it (`scanner.stop`: its end). */
  private scanned(start: number): boolean {
    const event = this.scanner.scan(this.buffer, start, this.buffer.length);
    if (event === null) return false;
    const crowded = this.scanner.crowdedElement;
    if (crowded !== null) this.warn(start, crowdedMessage(crowded, true));
    this.output.event(event);
    return true;
  }

  /** The full parser's reading of the event from `start` to `stop`, or its warning. */
  private fullParse(start: number, stop: number): void {
    const byteOffset = this.byteAt(start);
    try {
      this.output.event(eventXmlToLogEvent(this.buffer.slice(start, stop), byteOffset));
    } catch (error) {
      const location = error instanceof ParseError ? error.location : `byte ${byteOffset}`;
      this.output.warning(location, errorMessage(error));
    }
  }

  /**
   * Reads the text between events from `from` to `to`; remembers where damage starts. Returns
   * the index up to which it was read (allowed markup cut at `to` is left, unless `final`).
   */
  private outside(from: number, to: number, final: boolean): number {
    if (from >= to) return from;
    if (this.junkByte >= 0 || this.skippingEvent) return to;
    const scan = scanOutsideEvents(this.buffer, from, to, final);
    if (scan.junkAt >= 0) {
      this.junkByte = this.byteAt(scan.junkAt);
      this.junkPreview = preview(this.buffer, scan.junkAt);
    }
    return scan.readTo;
  }

  /** The gap between events ends at `at`: damage found in it becomes one warning. */
  private endGap(at: number, note: string): void {
    this.skippingEvent = false;
    if (this.junkByte < 0) return;
    const bytes = this.byteAt(at) - this.junkByte;
    this.output.warning(
      `byte ${this.junkByte}`,
      `${bytes} bytes of text that is not part of any event skipped (a damaged event or foreign text), starting "${this.junkPreview}"${note}`,
    );
    this.junkByte = -1;
  }

  private warn(at: number, message: string): void {
    this.output.warning(`byte ${this.byteAt(at)}`, message);
  }

  /** Byte offset in the file of `buffer[index]`. */
  private byteAt(index: number): number {
    if (this.bytesPerChar !== null) return this.baseByte + index * this.bytesPerChar;
    if (index < this.mapIndex) {
      this.mapIndex = 0;
      this.mapByte = this.baseByte;
    }
    if (index > this.mapIndex) {
      this.mapByte += Buffer.byteLength(this.buffer.slice(this.mapIndex, index), 'utf8');
      this.mapIndex = index;
    }
    return this.mapByte;
  }

  /** Drops the first `pos` characters, which have been read. */
  private shift(pos: number): void {
    if (pos <= 0) return;
    this.baseByte = this.byteAt(pos);
    this.buffer = this.buffer.slice(pos);
    this.mapIndex = 0;
    this.mapByte = this.baseByte;
  }
}

function crowdedMessage(element: string, kept: boolean): string {
  return (
    `element <${element}> has more than ${maxAttributesPerElement} attributes; the rest were not read` +
    (kept ? '' : ' and the event, not readable without them, was skipped')
  );
}

/** `at`, past blanks, when an `<Event` start tag begins there; else −1 (search then). */
function eventStartAt(text: string, at: number): number {
  let i = at;
  for (let c = text.charCodeAt(i); c === 0x20 || c === 0x0d || c === 0x0a || c === 0x09;) {
    c = text.charCodeAt(++i);
  }
  if (!text.startsWith('<Event', i)) return -1;
  const next = text.charCodeAt(i + 6);
  return next === 0x20 ||
    next === 0x09 ||
    next === 0x0d ||
    next === 0x0a ||
    next === 0x3e ||
    next === 0x2f
    ? i
    : -1;
}

/**
 * Index of the next `<Event` start tag (not `<Events`, `<EventData`, `<EventID`), or -1. When
 * the text ends right after `<Event`, `unknownIsStart` decides.
 */
function findEventStart(text: string, from: number, unknownIsStart: boolean): number {
  let at = text.indexOf('<Event', from);
  while (at >= 0) {
    const next = text.charCodeAt(at + 6);
    if (Number.isNaN(next)) return unknownIsStart ? at : -1;
    // space, tab, CR, LF, '>' or '/'
    if (
      next === 0x20 ||
      next === 0x09 ||
      next === 0x0d ||
      next === 0x0a ||
      next === 0x3e ||
      next === 0x2f
    ) {
      return at;
    }
    at = text.indexOf('<Event', at + 6);
  }
  return -1;
}
