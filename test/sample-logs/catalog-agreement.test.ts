import { describe, expect, it } from 'vitest';
import { findCatalogEvent, isCatalogChannel } from '../../src/catalog/lookup.js';
import { catalog } from '../sample-log-generator/event-catalog.js';

const levelNames: Record<number, string> = { 1: 'Critical', 2: 'Error', 3: 'Warning', 4: 'Information' };

/**
 * The generator's event catalogue and lmdoctor's (src/catalog, written from events.md by other
 * hands) must agree on every event the sample logs contain: same provider and id, a channel the
 * catalogue lists, the same English template (or one of its variants), the same level where a
 * source states one, and no more %n values than the template uses.
 */
describe('generator catalogue vs src/catalog', () => {
  it.each(Object.entries(catalog))('%s agrees with the project catalogue', (_key, entry) => {
    const known = findCatalogEvent(entry.provider.name, entry.eventId);
    expect(known, `${entry.provider.name} ${entry.eventId} is not in src/catalog`).toBeDefined();
    if (!known) return;
    expect(isCatalogChannel(known, entry.channel), `channel ${entry.channel} not in ${known.channels.join(', ')}`).toBe(true);
    const templates = [known.template, ...(known.variants ?? []).map((v) => v.template)];
    expect(templates).toContain(entry.message['en-US']);
    if (known.level !== null) expect(levelNames[entry.level]).toBe(known.level);
  });
});
