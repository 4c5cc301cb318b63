/**
 * Choosing records by what they mean rather than by number: a selector names catalogue roles
 * (and, when a role is shared, the category, the cause or a field that tells the events
 * apart); the catalogue turns it into the (provider, id) pairs a store query needs and decides,
 * event by event, whether an event matches. An event is always identified by its provider and
 * id together: ids are unique only within a provider. Pure.
 */
import type { LogEvent } from '../model/log-event.js';
import { catalogEvents } from './events/index.js';
import {
  findCatalogEvent,
  providerKey,
  providerSpellings,
  roleOf,
  rolesOfEntry,
} from './lookup.js';
import type { CatalogEvent, FieldRole, RecordCategory, RecordRole } from './types.js';

/** Which catalogued events a check or a query wants. */
export interface EventSelector {
  /** Any of these roles (as decided for the event: by fields, text or the entry). */
  roles: readonly RecordRole[];
  /** Only entries of this category (when a role spans several: `cluster-service-stop`). */
  category?: RecordCategory;
  /** Only entries that point to this flowchart cause by themselves. */
  cause?: string;
  /** Only entries that bind this field. */
  withField?: FieldRole;
  /** Only entries that do not bind this field. */
  withoutField?: FieldRole;
}

/** An event as selection reads it. */
export type SelectableEvent = Pick<LogEvent, 'provider' | 'eventId' | 'data' | 'message'>;

function bindsField(entry: CatalogEvent, field: FieldRole): boolean {
  return (
    entry.fields[field] !== undefined ||
    (entry.variants ?? []).some((v) => v.fields[field] !== undefined)
  );
}

/** Whether an entry passes a selector's entry-level conditions (all but the role). Pure. */
function entryFits(entry: CatalogEvent, selector: EventSelector): boolean {
  if (selector.category !== undefined && entry.category !== selector.category) return false;
  if (selector.cause !== undefined && entry.cause !== selector.cause) return false;
  if (selector.withField !== undefined && !bindsField(entry, selector.withField)) return false;
  if (selector.withoutField !== undefined && bindsField(entry, selector.withoutField)) return false;
  return true;
}

/** The catalogue entries whose events can match a selector (any of them). Pure. */
export function entriesMatching(...selectors: readonly EventSelector[]): CatalogEvent[] {
  return catalogEvents.filter((entry) =>
    selectors.some(
      (s) => entryFits(entry, s) && rolesOfEntry(entry).some((r) => s.roles.includes(r)),
    ),
  );
}

/** The catalogue's role for an event (by provider and id), or null when it is not catalogued. Pure. */
export function catalogRoleOf(event: SelectableEvent): RecordRole | null {
  const entry = findCatalogEvent(event.provider, event.eventId);
  return entry === undefined ? null : roleOf(event, entry);
}

/** Whether an event matches a selector: its provider and id are catalogued and fit. Pure. */
export function eventMatches(event: SelectableEvent, selector: EventSelector): boolean {
  const entry = findCatalogEvent(event.provider, event.eventId);
  if (entry === undefined || !entryFits(entry, selector)) return false;
  return selector.roles.includes(roleOf(event, entry));
}

/**
 * The entries' events as a store query compares them: `lower(provider)|event_id` in every
 * spelling the provider is stored under, and the bare ids (a cheap first filter). Pure.
 */
export function storeKeysOf(entries: readonly CatalogEvent[]): { ids: number[]; keys: string[] } {
  const ids = new Set<number>();
  const keys = new Set<string>();
  for (const entry of entries) {
    ids.add(entry.eventId);
    for (const spelling of providerSpellings(entry.provider))
      keys.add(`${spelling}|${entry.eventId}`);
  }
  return { ids: [...ids].sort((a, b) => a - b), keys: [...keys].sort() };
}

/** The ids of the entries the selectors match, ascending, each once. Pure. */
export function catalogIds(...selectors: readonly EventSelector[]): number[] {
  const ids = [...new Set(entriesMatching(...selectors).map((e) => e.eventId))];
  return ids.sort((a, b) => a - b);
}

/** The ids of the entries the selectors match, joined by slashes (`1146/1230/1265`). Pure. */
export function slashedIds(...selectors: readonly EventSelector[]): string {
  return catalogIds(...selectors).join('/');
}

/** The ids of the entries the selectors match, for a sentence (`21126`, `5121, 5136`). Pure. */
export function idsText(...selectors: readonly EventSelector[]): string {
  return catalogIds(...selectors).join(', ');
}

/**
 * Providers whose events only a failover cluster node or a Hyper-V host writes: those of the
 * catalogue's cluster and Hyper-V management entries (FailoverClustering, Hyper-V VMMS,
 * High-Availability, Worker). Service Control Manager, which every machine writes, is not one,
 * nor are the Hyper-V drivers of a guest (Netvsc, StorVSC) or Failover Cluster Manager on an
 * administrator's workstation (FailoverClustering-Manager).
 */
const clusterProviderKeys = new Set(
  catalogEvents.filter((e) => e.category !== 'service').map((e) => providerKey(e.provider)),
);

/**
 * The cluster and Hyper-V host providers as Windows writes them (the `Name` attribute and the
 * legacy source name without `Microsoft-Windows-`), for an exact, indexed store lookup. Pure.
 */
export function clusterProviderNames(): string[] {
  const names = new Set<string>();
  for (const e of catalogEvents)
    if (clusterProviderKeys.has(providerKey(e.provider)))
      names.add(e.provider).add(e.provider.replace(/^Microsoft-Windows-/i, ''));
  return [...names].sort();
}

/** Whether a provider's events show a failover cluster node or a Hyper-V host (any spelling). Pure. */
export function isClusterProvider(provider: string): boolean {
  return clusterProviderKeys.has(providerKey(provider));
}
