import type { LogEvent } from '../../model/log-event.js';

/**
 * A tiny read-only view of a LogEvent as the XML element tree that event-log XPath queries
 * address (`Event/System/Provider/@Name`, `Event/EventData/Data[@Name='x']`). Children are
 * built on demand.
 */
export interface EventNode {
  name: string;
  attributes: Record<string, string>;
  text: string | null;
  children(): EventNode[];
}

const leafChildren = (): EventNode[] => [];

function leaf(
  name: string,
  text: string | null,
  attributes: Record<string, string> = {},
): EventNode {
  return { name, attributes, text, children: leafChildren };
}

function present<T>(value: T | null): value is T {
  return value !== null;
}

/** The document node above `Event`, so `*` and `Event` at the start of a query select it. */
export function eventDocument(event: LogEvent): EventNode {
  const eventNode: EventNode = {
    name: 'Event',
    attributes: {},
    text: null,
    children: () => [systemNode(event), eventDataNode(event)],
  };
  return { name: '#document', attributes: {}, text: null, children: () => [eventNode] };
}

function systemNode(event: LogEvent): EventNode {
  return {
    name: 'System',
    attributes: {},
    text: null,
    children: () =>
      [
        leaf('Provider', null, { Name: event.provider }),
        leaf('EventID', String(event.eventId)),
        event.level === null ? null : leaf('Level', String(event.level)),
        event.task === null ? null : leaf('Task', String(event.task)),
        event.opcode === null ? null : leaf('Opcode', String(event.opcode)),
        event.keywords === null ? null : leaf('Keywords', event.keywords),
        leaf('TimeCreated', null, { SystemTime: event.time }),
        event.recordId === null ? null : leaf('EventRecordID', String(event.recordId)),
        event.activityId === null
          ? null
          : leaf('Correlation', null, { ActivityID: event.activityId }),
        leaf('Execution', null, {
          ...(event.processId === null ? {} : { ProcessID: String(event.processId) }),
          ...(event.threadId === null ? {} : { ThreadID: String(event.threadId) }),
        }),
        leaf('Channel', event.channel),
        leaf('Computer', event.computer),
        event.userSid === null ? null : leaf('Security', null, { UserID: event.userSid }),
      ].filter(present),
  };
}

/** Fields named `param1`, `param2`, … were unnamed `<Data>` elements (model/log-event.ts). */
function eventDataNode(event: LogEvent): EventNode {
  return {
    name: 'EventData',
    attributes: {},
    text: null,
    children: () =>
      Object.entries(event.data).map(([key, value]) =>
        leaf('Data', value, /^param\d+$/.test(key) ? {} : { Name: key }),
      ),
  };
}
