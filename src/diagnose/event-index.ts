import { catalogRoleOf, eventMatches, type EventSelector } from '../catalog/select.js';
import type { RecordRole } from '../catalog/types.js';
import { isoToMillis } from '../model/time.js';
import type { CaseEvent } from './case-input.js';

/**
 * The loaded events by row id and by catalogue role (decided by provider and id, then fields
 * or text; each list in time order, with its times and load orders). Events the catalogue does
 * not know under their provider have no role and are found only by row id.
 */
export interface EventIndex {
  byRowId: Map<number, { event: CaseEvent; order: number }>;
  byRole: Map<RecordRole, { events: CaseEvent[]; times: number[]; orders: number[] }>;
}

const indexes = new WeakMap<readonly CaseEvent[], EventIndex>();

/**
 * The index of a case's events, built once per event list: checks run for every migration,
 * and scanning every event for each of them would make diagnosis quadratic.
 */
export function eventIndex(events: readonly CaseEvent[]): EventIndex {
  let index = indexes.get(events);
  if (!index) {
    index = { byRowId: new Map(), byRole: new Map() };
    events.forEach((event, order) => {
      index!.byRowId.set(event.id, { event, order });
      const role = catalogRoleOf(event);
      if (role === null) return;
      let list = index!.byRole.get(role);
      if (!list) index!.byRole.set(role, (list = { events: [], times: [], orders: [] }));
      list.events.push(event);
      list.times.push(isoToMillis(event.time));
      list.orders.push(order);
    });
    for (const [role, list] of index.byRole) {
      // Events are usually loaded in time order; sort by time when they were not.
      if (list.times.every((t, i) => i === 0 || list.times[i - 1]! <= t)) continue;
      const order = list.times.map((_, i) => i).sort((a, b) => list.times[a]! - list.times[b]!);
      index.byRole.set(role, {
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

/**
 * The loaded events any of the selectors matches whose time is within [from, to] ms, in load
 * order.
 */
export function eventsMatchingBetween(
  events: readonly CaseEvent[],
  selectors: EventSelector | readonly EventSelector[],
  from: number,
  to: number,
): CaseEvent[] {
  const { byRole } = eventIndex(events);
  const wanted = isSelectorList(selectors) ? selectors : [selectors];
  const found: { event: CaseEvent; order: number }[] = [];
  for (const role of new Set(wanted.flatMap((s) => s.roles))) {
    const list = byRole.get(role);
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
      const event = list.events[i]!;
      if (wanted.some((s) => eventMatches(event, s))) found.push({ event, order: list.orders[i]! });
    }
  }
  return found.sort((a, b) => a.order - b.order).map((h) => h.event);
}

function isSelectorList(
  selectors: EventSelector | readonly EventSelector[],
): selectors is readonly EventSelector[] {
  return Array.isArray(selectors);
}
