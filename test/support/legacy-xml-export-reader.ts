/**
 * The XML export reader as it was before the streaming scanner (commit e477644): events cut out
 * as strings by this splitter, each parsed by the full parser (eventXmlToLogEvent, which the
 * new reader keeps as its fallback). Kept only as the oracle that test/readers/xml-export/
 * same-as-before.test.ts compares the new reader with; do not use it elsewhere.
 */
import { errorMessage, ParseError } from '../../src/errors.js';
import { eventXmlToLogEvent } from '../../src/readers/xml-export/event-xml-to-log-event.js';
import type { InputFile, RecordSink } from '../../src/readers/reader.js';
import {
  fixedBytesPerCodeUnit,
  type TextEncodingName,
} from '../../src/readers/text/detect-encoding.js';
import { readTextChunks } from '../../src/readers/text/read-text-chunks.js';

/** The old `xmlExportReader.read`. */
export async function readXmlExportAsBefore(file: InputFile, sink: RecordSink): Promise<void> {
  const { encoding, chunks } = await readTextChunks(file.path);
  const splitter = new EventSplitter(encoding.encoding, encoding.bomLength);
  const onProblem = (p: { byteOffset: number; message: string }) =>
    sink.warning({ location: `byte ${p.byteOffset}`, message: p.message });
  const onEvent = (slice: { xml: string; byteOffset: number }) => {
    try {
      sink.event(eventXmlToLogEvent(slice.xml, slice.byteOffset));
    } catch (error) {
      const location = error instanceof ParseError ? error.location : `byte ${slice.byteOffset}`;
      sink.warning({ location, message: errorMessage(error) });
    }
  };
  for await (const chunk of chunks) {
    splitter.push(chunk.text, onEvent, onProblem);
    sink.progress(chunk.bytesRead);
  }
  splitter.finish(onProblem);
}

/** One `<Event>…</Event>` element cut out of an export, with its byte offset in the file. */
interface EventSlice {
  xml: string;
  byteOffset: number;
}

/** Text that could not be cut into a whole event. */
interface SliceProblem {
  byteOffset: number;
  message: string;
}

/** An event larger than this is treated as damage rather than buffered further. */
const maxEventSizeInChars = 16 * 1024 * 1024;

const closeTag = '</Event>';

/**
 * Cuts a stream of XML text into single `<Event>` elements, whatever surrounds them: nothing
 * (`wevtutil qe /f:xml`), an `<Events>` root (Event Viewer), an XML declaration, or blank lines
 * (PowerShell `ToXml()`). Events do not nest, so an event ends at the first `</Event>`; a new
 * `<Event` before that means the first one was cut short. Holds at most one event in memory.
 */
class EventSplitter {
  private buffer = '';
  private bufferByteOffset: number;
  private readonly bytesPerChar: number | null;

  constructor(encoding: TextEncodingName, startByteOffset: number) {
    this.bytesPerChar = fixedBytesPerCodeUnit(encoding);
    this.bufferByteOffset = startByteOffset;
  }

  /** Adds decoded text; calls back for every complete event and every problem found. */
  push(text: string, onEvent: (slice: EventSlice) => void, onProblem: (p: SliceProblem) => void) {
    this.buffer += text;
    for (;;) {
      const start = findEventStart(this.buffer, 0, true);
      if (start < 0) {
        // Keep a tail that may be the beginning of `<Event`.
        this.consume(Math.max(0, this.buffer.length - 6));
        return;
      }
      this.consume(start);
      const end = this.buffer.indexOf(closeTag, 1);
      const nextStart = findEventStart(this.buffer, 1, false);
      if (nextStart >= 0 && (end < 0 || nextStart < end)) {
        onProblem({
          byteOffset: this.bufferByteOffset,
          message: 'event element is not closed before the next event starts',
        });
        this.consume(nextStart);
        continue;
      }
      if (end < 0) {
        if (this.buffer.length > maxEventSizeInChars) {
          onProblem({
            byteOffset: this.bufferByteOffset,
            message: `event element longer than ${maxEventSizeInChars} characters; skipped`,
          });
          this.consume(this.buffer.length);
        }
        return;
      }
      const stop = end + closeTag.length;
      onEvent({ xml: this.buffer.slice(0, stop), byteOffset: this.bufferByteOffset });
      this.consume(stop);
    }
  }

  /** Call at the end of input: a started event that never closed is reported. */
  finish(onProblem: (p: SliceProblem) => void): void {
    if (findEventStart(this.buffer, 0, true) >= 0) {
      onProblem({
        byteOffset: this.bufferByteOffset,
        message: 'file ends inside an event element (truncated export?)',
      });
    }
    this.buffer = '';
  }

  private consume(chars: number): void {
    if (chars <= 0) return;
    const taken = this.buffer.slice(0, chars);
    this.bufferByteOffset +=
      this.bytesPerChar === null ? Buffer.byteLength(taken, 'utf8') : chars * this.bytesPerChar;
    this.buffer = this.buffer.slice(chars);
  }
}

/**
 * Index of the next `<Event` start tag (not `<Events`, `<EventData`, `<EventID`), or -1. When
 * the buffer ends right after `<Event`, `unknownIsStart` decides.
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
