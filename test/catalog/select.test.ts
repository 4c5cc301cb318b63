import { describe, expect, it } from 'vitest';
import {
  clusterServiceStateEvents,
  csvRedirectedEvents,
  switchPortEvents,
  virtualNetworkEvents,
} from '../../src/catalog/event-groups.js';
import { providerKey, providerSpellings } from '../../src/catalog/lookup.js';
import {
  catalogIds,
  catalogRoleOf,
  eventMatches,
  isClusterProvider,
  storeKeysOf,
  entriesMatching,
} from '../../src/catalog/select.js';

const event = (provider: string, eventId: number, data: Record<string, string> = {}) => ({
  provider,
  eventId,
  data,
  message: null,
});

describe('events identified by provider and id', () => {
  it('compares providers as Windows writes them in every export style', () => {
    for (const p of [
      'Microsoft-Windows-FailoverClustering',
      'FailoverClustering',
      ' failoverclustering ',
    ])
      expect(providerKey(p)).toBe('failoverclustering');
    expect(providerSpellings('Microsoft-Windows-FailoverClustering')).toEqual([
      'microsoft-windows-failoverclustering',
      'failoverclustering',
    ]);
    expect(storeKeysOf(entriesMatching(switchPortEvents))).toEqual({
      ids: [21203],
      keys: [
        'hyper-v-high-availability|21203',
        'microsoft-windows-hyper-v-high-availability|21203',
      ],
    });
  });

  it('tells a CSV event from another provider\u2019s event of the same id', () => {
    const data = { param1: 'Volume1', param2: 'Cluster Disk 1' };
    expect(
      eventMatches(event('Microsoft-Windows-FailoverClustering', 5136, data), csvRedirectedEvents),
    ).toBe(true);
    expect(eventMatches(event('FailoverClustering', 5136, data), csvRedirectedEvents)).toBe(true);
    expect(
      eventMatches(event('Microsoft-Windows-Security-Auditing', 5136, data), csvRedirectedEvents),
    ).toBe(false);
    expect(catalogRoleOf(event('Microsoft-Windows-Security-Auditing', 5136, data))).toBeNull();
  });

  it('counts Service Control Manager 7036 only for the cluster service, by its fields', () => {
    const scm = 'Service Control Manager';
    const state = (service: string, s: string) =>
      catalogRoleOf(event(scm, 7036, { param1: service, param2: s }));
    expect(state('Cluster Service', 'running')).toBe('cluster-service-start');
    expect(state('Cluster Service', 'stopped')).toBe('cluster-service-stop');
    expect(state('Windows Update', 'running')).toBe('context');
    // A message that names the cluster service does not make another service's event one.
    expect(
      catalogRoleOf({
        provider: scm,
        eventId: 7036,
        data: { param1: 'Cluster Disk Helper', param2: 'running' },
        message: 'The Cluster Service service entered the running state.',
      }),
    ).toBe('context');
    expect(
      eventMatches(
        event(scm, 7036, { param1: 'Windows Update', param2: 'stopped' }),
        clusterServiceStateEvents,
      ),
    ).toBe(false);
    expect(
      eventMatches(
        event('Microsoft-Windows-Security-Auditing', 7036, {
          param1: 'Cluster Service',
          param2: 'running',
        }),
        clusterServiceStateEvents,
      ),
    ).toBe(false);
  });

  it('tells events sharing a role apart by cause and field', () => {
    expect(catalogIds(switchPortEvents)).toEqual([21203]);
    expect(catalogIds(virtualNetworkEvents)).toEqual([21125, 21145, 21158, 21159, 21201]);
  });

  it('sees a cluster node or Hyper-V host only in the providers that only they write', () => {
    expect(isClusterProvider('FailoverClustering')).toBe(true);
    expect(isClusterProvider('Microsoft-Windows-Hyper-V-High-Availability')).toBe(true);
    for (const p of [
      'Service Control Manager',
      'Microsoft-Windows-Hyper-V-Netvsc',
      'Microsoft-Windows-FailoverClustering-Manager',
    ])
      expect(isClusterProvider(p), p).toBe(false);
  });
});
