import { eventRow, type EventRow } from '../model/event-row.js';
import type { LogEvent } from '../model/log-event.js';
import { findCatalogEvent, messageOf } from './lookup.js';

/**
 * The event with `message` filled from its catalogue template when the source carried no
 * rendered text (binary EVTX, plain `/f:xml`); other events are returned as they are. Pure.
 */
export function withCatalogMessage(event: LogEvent): LogEvent {
  if (event.message !== null && event.message !== '') return event;
  const entry = findCatalogEvent(event.provider, event.eventId);
  if (!entry) return event;
  const message = messageOf(event, entry);
  return message === null ? event : { ...event, message };
}

/**
 * What ingest stores for an event read from a file: its row, with the message filled as
 * `withCatalogMessage` fills it. Worker threads that hand rows over use this too. Pure.
 */
export function ingestRow(event: LogEvent): EventRow {
  return eventRow(withCatalogMessage(event));
}
