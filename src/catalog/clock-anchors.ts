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
 * Cluster log lines that can pair with events, per component: the group move (RCM `move of
 * group G from A(n) to B(m) of type …`, `MoveGroup: (G, n)`) and the cluster service stopping
 * (CS). `like` is the store's SQL pre-filter; `pattern` reads the line (its `group`, if any).
 */
export const clusterLogAnchorLines: readonly {
  component: string;
  like: string;
  pattern: RegExp;
  key: 'group' | 'service-stop';
}[] = [
  {
    component: 'RCM',
    like: 'move of group %',
    pattern: /^move of group (?<group>.+) from \S+\(\d+\) to \S+\(\d+\) of type /,
    key: 'group',
  },
  {
    component: 'RCM',
    like: '%MoveGroup: (%',
    pattern: /MoveGroup: \((?<group>.+), \d+\)/,
    key: 'group',
  },
  {
    component: 'CS',
    like: 'Service Stopp%',
    pattern: /^Service Stopp(?:ing|ed)/,
    key: 'service-stop',
  },
];
