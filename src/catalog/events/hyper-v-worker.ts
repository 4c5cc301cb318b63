/**
 * Microsoft-Windows-Hyper-V-Worker (events.md §1c). The destination-side "Failed to create
 * partition … (0x800705AA)" text has no known id and is matched as a failure fragment instead
 * (failure-fragments.ts). The ids below are named only by Veeam ONE (S18) for VM
 * initialisation, power-on, restore, save and attachment failures, without saying which id is
 * which, so they are context. Pure data.
 */
import type { CatalogEvent } from '../types.js';

const provider = 'Microsoft-Windows-Hyper-V-Worker';
const adminChannel = 'Microsoft-Windows-Hyper-V-Worker-Admin';

const veeamIds = [3040, 3050, 3080, 3320, 12010, 12030, 12040, 12050, 12054, 12080, 12290];

export const workerEvents: CatalogEvent[] = veeamIds.map((eventId) => ({
  provider,
  eventId,
  channels: [adminChannel],
  level: null,
  symbolicName: null,
  category: 'resource',
  role: 'context',
  side: null,
  fields: {},
  template: '',
  versions: [],
  sources: ['S18'],
  verified: false,
  meaning:
    'A VM initialisation, power-on, restore, save or attachment failure (Veeam ONE, S18); restore and save are the quick-migration path. Which id is which was not found.',
}));
