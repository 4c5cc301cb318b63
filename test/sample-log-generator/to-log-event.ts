/**
 * What a reader must give back for a generated event: the LogEvent of model/log-event.ts,
 * built from the generator's own data (not from any rendered text). Used by the round-trip
 * tests of the XML and EVTX readers.
 */
import type { LogEvent } from '../../src/model/log-event.js';
import { filetimeToIso } from '../../src/model/time.js';
import { formatGuid, renderValue } from './evtx/values.js';
import type { GenEvent } from './gen-event.js';

/** CR LF and lone CR become LF, as an XML parser reads them (XML 1.0 §2.11); both readers agree. */
const lineEnds = (text: string) => text.replace(/\r\n?/g, '\n');

/** The LogEvent a reader should produce; `withMessage` for sources that carry RenderingInfo. Pure. */
export function expectedLogEvent(event: GenEvent, withMessage: boolean): LogEvent {
  const data: Record<string, string> = {};
  if (event.payload.kind === 'eventData') {
    event.payload.fields.forEach((f, i) => {
      data[f.name ?? `param${i + 1}`] = lineEnds(renderValue(f.value));
    });
    if (event.payload.binary !== undefined)
      data.Binary = renderValue({ type: 'binary', value: event.payload.binary });
  } else {
    event.payload.fields.forEach((f, i) => {
      data[f.name ?? `Parameter${i}`] = lineEnds(renderValue(f.value));
    });
  }
  return {
    time: filetimeToIso(event.time),
    computer: event.computer,
    channel: event.channel,
    provider: event.provider.name,
    eventId: event.eventId,
    level: event.level,
    task: event.task,
    opcode: event.opcode,
    keywords: `0x${event.keywords.toString(16)}`,
    recordId: event.recordId,
    processId: event.processId,
    threadId: event.threadId,
    activityId: event.activityId ? formatGuid(event.activityId) : null,
    userSid: event.userSid ?? null,
    data,
    message: withMessage ? lineEnds(event.rendering.message) : null,
  };
}
