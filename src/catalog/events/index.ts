/** Every catalogued Windows event, in one list (provider files beside this one). Pure data. */
import type { CatalogEvent } from '../types.js';
import { csvAndBackupEvents } from './failover-clustering-csv.js';
import { nodeAndNetworkEvents } from './failover-clustering-nodes-networks.js';
import { resourceAndGroupEvents } from './failover-clustering-resources.js';
import { highAvailabilityEvents } from './hyper-v-high-availability.js';
import { vmmsEvents } from './hyper-v-vmms.js';
import { workerEvents } from './hyper-v-worker.js';
import { serviceControlManagerEvents } from './service-control-manager.js';

export const catalogEvents: readonly CatalogEvent[] = [
  ...highAvailabilityEvents,
  ...vmmsEvents,
  ...workerEvents,
  ...nodeAndNetworkEvents,
  ...resourceAndGroupEvents,
  ...csvAndBackupEvents,
  ...serviceControlManagerEvents,
];
