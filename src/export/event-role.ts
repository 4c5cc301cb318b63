import { findCatalogEvent, roleOf } from '../catalog/lookup.js';
import type { CatalogEvent } from '../catalog/types.js';

/** What the catalogue says an event is, for exports: its role and area, or nulls. */
export interface EventMeaning {
  role: string | null;
  category: string | null;
}

const none: EventMeaning = { role: null, category: null };

/**
 * Looks events up in the catalogue by provider and id, remembering each pair: only entries
 * whose role depends on the text or fields (`textRoles`, `fieldRoles`) look at the event's
 * message or fields.
 */
export class EventMeanings {
  private readonly entries = new Map<string, CatalogEvent | null>();

  /** The event's role and category. `data` is the stored JSON text of its fields. */
  of(provider: string, eventId: number, message: string | null, data: string): EventMeaning {
    const key = `${provider}|${eventId}`;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = findCatalogEvent(provider, eventId) ?? null;
      this.entries.set(key, entry);
    }
    if (entry === null) return none;
    if (entry.textRoles === undefined && entry.fieldRoles === undefined)
      return { role: entry.role, category: entry.category };
    // The fields are read when a rule looks at them, or when there is no message to match
    // (roleOf then fills the template from them).
    const needsFields = entry.fieldRoles !== undefined || message === null || message === '';
    const fields = needsFields ? parseFields(data) : {};
    return { role: roleOf({ message, data: fields }, entry), category: entry.category };
  }
}

function parseFields(data: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}
