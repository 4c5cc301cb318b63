/**
 * The generator's event: everything one Windows event carries, plus its rendered message. The
 * EVTX writer turns it into a template instance, the XML writers into wevtutil's text.
 */
import { attr, el, sub, text, type TemplateElement, type TemplateText } from './evtx/binxml.js';
import type { EvtxRecord } from './evtx/write-evtx.js';
import { nullValue, type EvtxValue } from './evtx/values.js';

export const eventNamespace = 'http://schemas.microsoft.com/win/2004/08/events/event';
export const vmlNamespace = 'http://www.microsoft.com/Windows/Virtualization/Events';

export interface ProviderInfo {
  name: string;
  /** Written as given (case included); omitted when no source gives it. */
  guid?: string;
  eventSourceName?: string;
}

export interface EventField {
  /** `Name` of an EventData `<Data>` (absent: unnamed Data) or the UserData child element. */
  name?: string;
  value: EvtxValue;
}

export type EventPayload =
  | { kind: 'eventData'; fields: EventField[]; binary?: Uint8Array }
  | { kind: 'userData'; wrapper: string; namespace: string; fields: EventField[] };

/** Text the RenderingInfo block carries (the localised names of level, opcode, keywords). */
export interface Rendering {
  culture: string;
  message: string;
  level: string;
  task: string;
  opcode: string;
  channel: string;
  provider: string;
  keywords: string[];
}

export interface GenEvent {
  node: string;
  computer: string;
  channel: string;
  provider: ProviderInfo;
  eventId: number;
  qualifiers?: number;
  version: number;
  level: number;
  task: number;
  opcode: number;
  keywords: bigint;
  /** TimeCreated as FILETIME ticks (UTC, as the node's clock saw it). */
  time: bigint;
  /** EventRecordID on the node (the channel's running number). */
  recordId: number;
  processId: number;
  threadId: number;
  activityId?: string;
  userSid?: string;
  payload: EventPayload;
  rendering: Rendering;
}

/**
 * Substitution numbers of the System part, laid out as Windows' own event template does
 * (evtx-format.md §1.10; Channel and Computer are literal text of the template).
 */
const slot = {
  level: 0,
  opcode: 1,
  task: 2,
  eventId: 3,
  qualifiers: 4,
  keywords: 5,
  timeCreated: 6,
  activityId: 7,
  processId: 8,
  threadId: 9,
  recordId: 10,
  version: 11,
  userId: 12,
  relatedActivityId: 13,
} as const;
const firstPayloadSlot = 14;

const templateCache = new Map<string, TemplateElement>();

/** The template tree of an event's shape; equal shapes share one tree object. */
export function eventTemplate(event: GenEvent): TemplateElement {
  const payloadShape =
    event.payload.kind === 'eventData'
      ? {
          d: event.payload.fields.map((f) => [f.name ?? null, f.value.type]),
          b: event.payload.binary !== undefined,
        }
      : {
          w: event.payload.wrapper,
          n: event.payload.namespace,
          f: event.payload.fields.map((f) => [f.name, f.value.type]),
        };
  const key = JSON.stringify([event.provider, event.channel, event.computer, payloadShape]);
  const cached = templateCache.get(key);
  if (cached) return cached;

  const providerAttrs = [attr('Name', text(event.provider.name))];
  if (event.provider.guid) providerAttrs.push(attr('Guid', text(event.provider.guid)));
  if (event.provider.eventSourceName) {
    providerAttrs.push(attr('EventSourceName', text(event.provider.eventSourceName)));
  }
  const system = el(
    'System',
    [],
    [
      el('Provider', providerAttrs),
      el(
        'EventID',
        [attr('Qualifiers', sub(slot.qualifiers, 'uint16', true))],
        [sub(slot.eventId, 'uint16')],
      ),
      el('Version', [], [sub(slot.version, 'uint8', true)]),
      el('Level', [], [sub(slot.level, 'uint8', true)]),
      el('Task', [], [sub(slot.task, 'uint16', true)]),
      el('Opcode', [], [sub(slot.opcode, 'uint8', true)]),
      el('Keywords', [], [sub(slot.keywords, 'hex64', true)]),
      el('TimeCreated', [attr('SystemTime', sub(slot.timeCreated, 'filetime'))]),
      el('EventRecordID', [], [sub(slot.recordId, 'uint64', true)]),
      el('Correlation', [
        attr('ActivityID', sub(slot.activityId, 'guid', true)),
        attr('RelatedActivityID', sub(slot.relatedActivityId, 'guid', true)),
      ]),
      el('Execution', [
        attr('ProcessID', sub(slot.processId, 'uint32', true)),
        attr('ThreadID', sub(slot.threadId, 'uint32', true)),
      ]),
      el('Channel', [], [text(event.channel)]),
      el('Computer', [], [text(event.computer)]),
      el('Security', [attr('UserID', sub(slot.userId, 'sid', true))]),
    ],
  );

  let payload: TemplateElement;
  if (event.payload.kind === 'eventData') {
    const children: TemplateElement[] = event.payload.fields.map((f, i) => {
      const content: TemplateText = sub(firstPayloadSlot + i, f.value.type);
      return f.name === undefined
        ? el('Data', [], [content])
        : el('Data', [attr('Name', text(f.name))], [content]);
    });
    if (event.payload.binary !== undefined) {
      children.push(
        el('Binary', [], [sub(firstPayloadSlot + event.payload.fields.length, 'binary', true)]),
      );
    }
    payload = el('EventData', [], children);
  } else {
    const children = event.payload.fields.map((f, i) =>
      el(f.name ?? `Parameter${i}`, [], [sub(firstPayloadSlot + i, f.value.type)]),
    );
    payload = el(
      'UserData',
      [],
      [el(event.payload.wrapper, [attr('xmlns', text(event.payload.namespace))], children)],
    );
  }
  const root = el('Event', [attr('xmlns', text(eventNamespace))], [system, payload]);
  templateCache.set(key, root);
  return root;
}

/** The substitution values of an event, in slot order. Pure. */
export function eventValues(event: GenEvent): EvtxValue[] {
  const values: EvtxValue[] = new Array<EvtxValue>(firstPayloadSlot).fill(nullValue);
  values[slot.level] = { type: 'uint8', value: event.level };
  values[slot.opcode] = { type: 'uint8', value: event.opcode };
  values[slot.task] = { type: 'uint16', value: event.task };
  values[slot.eventId] = { type: 'uint16', value: event.eventId };
  values[slot.qualifiers] =
    event.qualifiers === undefined ? nullValue : { type: 'uint16', value: event.qualifiers };
  values[slot.keywords] = { type: 'hex64', value: event.keywords };
  values[slot.timeCreated] = { type: 'filetime', value: event.time };
  values[slot.activityId] = event.activityId
    ? { type: 'guid', value: event.activityId }
    : nullValue;
  values[slot.processId] = { type: 'uint32', value: event.processId };
  values[slot.threadId] = { type: 'uint32', value: event.threadId };
  values[slot.recordId] = { type: 'uint64', value: BigInt(event.recordId) };
  values[slot.version] = { type: 'uint8', value: event.version };
  values[slot.userId] = event.userSid ? { type: 'sid', value: event.userSid } : nullValue;
  values[slot.relatedActivityId] = nullValue;
  for (const f of event.payload.fields) values.push(f.value);
  if (event.payload.kind === 'eventData' && event.payload.binary !== undefined) {
    values.push({ type: 'binary', value: event.payload.binary });
  }
  return values;
}

/**
 * Events of one channel → EVTX records as `wevtutil epl` writes them: record headers numbered
 * 1..N, while `<EventRecordID>` keeps the node's own numbers (evtx-format.md §1.6).
 */
export function toEvtxRecords(events: readonly GenEvent[]): EvtxRecord[] {
  return events.map((event, i) => ({
    recordId: BigInt(i + 1),
    written: event.time,
    template: eventTemplate(event),
    values: eventValues(event),
  }));
}
