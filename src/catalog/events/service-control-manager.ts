/**
 * Service Control Manager 7036. events.md does not list it; cluster-log.md §5.9 names "System
 * events 7036 for ClusSvc" as one anchor of a cluster service restart. Its template is the
 * usual System-log wording and is not backed by a source in reference/, hence unverified.
 * Pure data.
 */
import type { CatalogEvent } from '../types.js';

/** The cluster service by its display name (English; the key name ClusSvc sits in binary data). */
const clusterServiceName = /^Cluster Service$/i;
const running = /^running$/i;
const stopped = /^stopped$/i;

export const serviceControlManagerEvents: CatalogEvent[] = [
  {
    provider: 'Service Control Manager',
    eventId: 7036,
    channels: ['System'],
    level: 'Information',
    symbolicName: null,
    category: 'service',
    role: 'context',
    side: null,
    fields: { service: 1, state: 2 },
    template: 'The %1 service entered the %2 state.',
    versions: [],
    sources: ['cluster-log.md §5.9'],
    verified: false,
    // Only the cluster service's start and stop matter; any other service stays context.
    fieldRoles: [
      { when: { service: clusterServiceName, state: running }, role: 'cluster-service-start' },
      { when: { service: clusterServiceName, state: stopped }, role: 'cluster-service-stop' },
    ],
    meaning:
      'A service changed state; for the Cluster Service (key ClusSvc) it marks a cluster service start or stop, the anchor for "shortly after a restart".',
  },
];
