import { describe, expect, it } from 'vitest';
import { catalogEvents } from '../../src/catalog/events/index.js';
import { findCatalogEvent, maxPosition, normalizeChannel } from '../../src/catalog/lookup.js';
import type { CatalogEvent } from '../../src/catalog/types.js';
import { causeIds } from './cause-ids.js';

const levels = new Set(['Critical', 'Error', 'Warning', 'Information']);
const sourceKey = /^(S\d{1,2}|M\d{1,2}|D\d|cluster-log\.md §[\d.]+)$/;

function label(e: CatalogEvent): string {
  return `${e.provider} ${e.eventId}`;
}

describe('catalogue events', () => {
  it('has no provider/id twice', () => {
    const keys = catalogEvents.map(label);
    expect(new Set(keys).size).toBe(keys.length);
  });

  for (const entry of catalogEvents) {
    describe(label(entry), () => {
      it('binds fields only to positions its template has', () => {
        const wordings = [entry, ...(entry.variants ?? [])];
        for (const wording of wordings) {
          const highest = maxPosition(wording.template);
          for (const position of Object.values(wording.fields)) {
            expect(position).toBeGreaterThanOrEqual(1);
            expect(position).toBeLessThanOrEqual(highest);
          }
        }
      });

      it('writes channels in the normalised spelling', () => {
        expect(entry.channels.length).toBeGreaterThan(0);
        for (const channel of entry.channels) expect(normalizeChannel(channel)).toBe(channel);
      });

      it('names its sources, level and cause from the allowed sets', () => {
        expect(entry.sources.length).toBeGreaterThan(0);
        for (const source of entry.sources) expect(source).toMatch(sourceKey);
        if (entry.level !== null) expect(levels).toContain(entry.level);
        if (entry.cause !== undefined) expect(causeIds).toContain(entry.cause);
        expect(entry.meaning.trim()).not.toBe('');
      });

      it('is found by its provider and id', () => {
        expect(findCatalogEvent(entry.provider, entry.eventId)).toBe(entry);
      });
    });
  }

  it('marks the conflicts of events.md §4 as unverified and decides them by text', () => {
    for (const [provider, id] of [
      ['Microsoft-Windows-FailoverClustering', 1125],
      ['Microsoft-Windows-FailoverClustering', 1126],
      ['Microsoft-Windows-FailoverClustering', 5122],
      ['Microsoft-Windows-FailoverClustering', 5126],
      ['Microsoft-Windows-Hyper-V-VMMS', 21024],
    ] as const) {
      const entry = findCatalogEvent(provider, id);
      expect(entry?.verified, `${id}`).toBe(false);
      expect(entry?.textRoles?.length, `${id}`).toBeGreaterThan(0);
    }
  });

  it('keeps the ids events.md calls unreliable out', () => {
    for (const id of [22505, 22506, 22038]) {
      expect(catalogEvents.filter((e) => e.eventId === id)).toEqual([]);
    }
  });

  it('places the live-migration start, completion and phase fields as S1 gives them', () => {
    const ha = 'Microsoft-Windows-Hyper-V-High-Availability';
    expect(findCatalogEvent(ha, 21300)).toMatchObject({
      role: 'lm-start-source',
      side: 'source',
      fields: { vmId: 1, resource: 2 },
    });
    expect(findCatalogEvent(ha, 21301)).toMatchObject({
      role: 'lm-complete-source',
      fields: { vmId: 1, seconds: 2, resource: 3 },
    });
    expect(findCatalogEvent(ha, 21307)).toMatchObject({
      role: 'lm-complete-destination',
      side: 'destination',
    });
    expect(findCatalogEvent(ha, 21308)).toMatchObject({ role: 'lm-phase-start', phase: 'Restore' });
    expect(findCatalogEvent(ha, 21126)).toMatchObject({
      role: 'lm-failed',
      cause: 'no-migration-network',
      fields: { destinationNode: 1, errorText: 2, errorCode: 3 },
    });
  });

  it('has the core ids of every provider area', () => {
    const expected: [string, number[]][] = [
      ['Microsoft-Windows-Hyper-V-High-Availability', [21111, 21122, 21125, 21131, 21502]],
      ['Microsoft-Windows-Hyper-V-VMMS', [20415, 20417]],
      ['Microsoft-Windows-FailoverClustering', [1069, 1135, 1146, 1230, 1130, 5120, 5121, 5142]],
      ['Service Control Manager', [7036]],
    ];
    for (const [provider, ids] of expected)
      for (const id of ids)
        expect(findCatalogEvent(provider, id), `${provider} ${id}`).toBeDefined();
  });
});
