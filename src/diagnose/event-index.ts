import { isoToMillis } from '../model/time.js';
import type { CaseEvent } from './case-input.js';

/** The loaded events by row id and by event id (each list in load order, with its times). */
export interface EventIndex {
  byRowId: Map<number, { event: CaseEvent; order: number }>;
  byEventId: Map<number, { events: CaseEvent[]; times: number[]; orders: number[] }>;
}

const indexes = new WeakMap<readonly CaseEvent[], EventIndex>();

/**
 * The index of a case's events, built once per event list: checks run for every migration,
 * and scanning every event for each of them would make diagnosis quadratic.
 */
export function eventIndex(events: readonly CaseEvent[]): EventIndex {
  let index = indexes.get(events);
  if (!index) {
    index = { byRowId: new Map(), byEventId: new Map() };
    events.forEach((event, order) => {
      index!.byRowId.set(event.id, { event, order });
      let list = index!.byEventId.get(event.eventId);
      if (!list)
        index!.byEventId.set(event.eventId, (list = { events: [], times: [], orders: [] }));
      list.events.push(event);
      list.times.push(isoToMillis(event.time));
      list.orders.push(order);
    });
    for (const [eventId, list] of index.byEventId) {
      // Events are usually loaded in time order; sort by time when they were not.
      if (list.times.every((t, i) => i === 0 || list.times[i - 1]! <= t)) continue;
      const order = list.times.map((_, i) => i).sort((a, b) => list.times[a]! - list.times[b]!);
      index.byEventId.set(eventId, {
        events: order.map((i) => list.events[i]!),
        times: order.map((i) => list.times[i]!),
        orders: order.map((i) => list.orders[i]!),
      });
    }
    indexes.set(events, index);
  }
  return index;
}

/** The loaded events with these row ids, in load order. */
export function eventsWithRowIds(events: readonly CaseEvent[], ids: Iterable<number>): CaseEvent[] {
  const { byRowId } = eventIndex(events);
  const found: { event: CaseEvent; order: number }[] = [];
  for (const id of new Set(ids)) {
    const hit = byRowId.get(id);
    if (hit) found.push(hit);
  }
  return found.sort((a, b) => a.order - b.order).map((h) => h.event);
}

/** The loaded events with one of the event ids whose time is within [from, to] ms, in load order. */
export function eventsOfIdsBetween(
  events: readonly CaseEvent[],
  eventIds: Iterable<number>,
  from: number,
  to: number,
): CaseEvent[] {
  const { byEventId } = eventIndex(events);
  const found: { event: CaseEvent; order: number }[] = [];
  for (const eventId of new Set(eventIds)) {
    const list = byEventId.get(eventId);
    if (!list) continue;
    // The times are ascending (see eventIndex): binary search the window start.
    let low = 0;
    let high = list.times.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list.times[mid]! < from) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < list.times.length && list.times[i]! <= to; i++) {
      found.push({ event: list.events[i]!, order: list.orders[i]! });
    }
  }
  return found.sort((a, b) => a.order - b.order).map((h) => h.event);
}
