/**
 * Which records tell the same happening on the event-log clock and on the cluster-log clock
 * (cluster-log.md §5.9), for inferring the time basis of a cluster log that does not state it:
 * a group move or a VM's migration (cluster and Hyper-V events that name the group), and the
 * cluster service stopping. Pure data and pure lookups.
 */
import { findCatalogEvent, roleOf } from './lookup.js';
import type { RecordCategory } from './types.js';

/** Categories of events that name the group (the VM) a cluster log's move lines name. */
export const groupAnchorCategories: readonly RecordCategory[] = ['group', 'migration', 'resource'];

/** Categories whose events can pair with a cluster log line at all. */
export const anchorCategories: readonly RecordCategory[] = [...groupAnchorCategories, 'service'];

/**
 * What an event can be paired on: `group` (its values name the group), `service-stop` (the
 * cluster service stopped, by the catalogue's field rule), or null. By provider and id. Pure.
 */
export function eventAnchorOf(
  provider: string,
  eventId: number,
  data: Record<string, string>,
): 'group' | 'service-stop' | null {
  const entry = findCatalogEvent(provider, eventId);
  if (entry === undefined) return null;
  if (entry.category === 'service')
    return roleOf({ data, message: null }, entry) === 'cluster-service-stop'
      ? 'service-stop'
      : null;
  return groupAnchorCategories.includes(entry.category) ? 'group' : null;
}

/**
 * Cluster log lines that can pair with events, as SQL `LIKE` patterns per component: the group
 * move (RCM `move of group G …`, `MoveGroup: (G, n)`) and the cluster service stopping (CS).
 * A pre-filter for the store; lineAnchorKeys reads the lines themselves.
 */
export const clusterLogAnchorLines: readonly { component: string; like: string }[] = [
  { component: 'RCM', like: 'move of group %' },
  { component: 'RCM', like: '%MoveGroup: (%' },
  { component: 'CS', like: 'Service Stopp%' },
];
