/**
 * Service Control Manager 7036. events.md does not list it; cluster-log.md §5.9 names "System
 * events 7036 for ClusSvc" as one anchor of a cluster service restart. Its template is the
 * usual System-log wording and is not backed by a source in reference/, hence unverified.
 * Pure data.
 */
import type { CatalogEvent } from '../types.js';

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
    textRoles: [
      {
        pattern: /^The Cluster Service service entered the running state/i,
        role: 'cluster-service-start',
      },
      {
        pattern: /^The Cluster Service service entered the stopped state/i,
        role: 'cluster-service-stop',
      },
    ],
    meaning:
      'A service changed state; for the Cluster Service (key ClusSvc) it marks a cluster service start or stop, the anchor for "shortly after a restart".',
  },
];
