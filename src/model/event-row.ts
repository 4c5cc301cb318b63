import { shortNodeName, type LogEvent } from './log-event.js';

/**
 * An event as a row of the store's `events` table (all columns but `source_id`): what the store
 * binds, ready to insert. Readers that decode on worker threads can hand rows over instead of
 * LogEvents, so the thread that stores them does no per-event work but the insert.
 */
export type EventRow = Omit<LogEvent, 'computer' | 'data'> & {
  /** `shortNodeName(computer)`. */
  node: string;
  /** `JSON.stringify(event.data)`: the fields as one JSON object, in document order. */
  data: string;
};

/** The row the store keeps for `event`. Pure. */
export function eventRow(event: LogEvent): EventRow {
  return {
    node: shortNodeName(event.computer),
    time: event.time,
    channel: event.channel,
    provider: event.provider,
    eventId: event.eventId,
    level: event.level,
    task: event.task,
    opcode: event.opcode,
    keywords: event.keywords,
    recordId: event.recordId,
    processId: event.processId,
    threadId: event.threadId,
    activityId: event.activityId,
    userSid: event.userSid,
    data: JSON.stringify(event.data),
    message: event.message,
  };
}
