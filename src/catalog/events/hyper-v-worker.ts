/**
 * Microsoft-Windows-Hyper-V-Worker (events.md §1c, events-modern.md §5). The templates with a
 * level and channel come from D1, a third-party extraction of the provider's manifest on a
 * Windows 11 21H2 build: secondary, so every one is marked unverified and none points to a
 * cause by itself (the diagnosis never rests on them alone). The Worker writes its fields as
 * named UserData/VmlEventLog elements (`VmName`, `VmId`, S16) whose order no source gives, so
 * the VM is bound by name (`fieldNames`) and the templates' %n follow the order of the text.
 * The destination-side "Failed to create partition … (0x800705AA)" text has no known id and
 * is matched as a failure fragment instead (failure-fragments.ts). Pure data.
 */
import type { CatalogEvent, RecordCategory, RecordRole } from '../types.js';

const provider = 'Microsoft-Windows-Hyper-V-Worker';
const adminChannel = 'Microsoft-Windows-Hyper-V-Worker-Admin';
const byName = { vmName: 'VmName', vmId: 'VmId' } as const;
const d1Versions = ['Windows 11 21H2 manifest (D1)'];

/** One D1 row: id, level, template (with %n in text order) and what it means for a migration. */
function manifestRow(
  eventId: number,
  level: 'Error' | 'Warning',
  template: string,
  meaning: string,
  extra: { category?: RecordCategory; role?: RecordRole; sources?: string[] } = {},
): CatalogEvent {
  return {
    provider,
    eventId,
    channels: [adminChannel],
    level,
    symbolicName: null,
    category: extra.category ?? 'resource',
    role: extra.role ?? 'context',
    side: null,
    fields: {},
    fieldNames: byName,
    template,
    versions: d1Versions,
    sources: extra.sources ?? ['D1'],
    verified: false,
    meaning: `${meaning} Secondary source (manifest extraction D1, events-modern.md §5); wording on Windows Server may differ.`,
  };
}

const manifestEvents: CatalogEvent[] = [
  manifestRow(
    3020,
    'Error',
    "'%1' failed a save operation: %2 (%3). (Virtual machine ID %4)",
    'The VM could not be saved: the first step of a quick migration failed.',
  ),
  manifestRow(
    3030,
    'Error',
    "'%1' is unable to allocate %2 MB of RAM: %3 (%4). (Virtual machine ID %5)",
    'The host could not give the VM its memory: on a migration destination, not enough RAM.',
  ),
  manifestRow(
    3031,
    'Error',
    'Unable to allocate %1 MB of RAM: %2 (%3).',
    'The host could not allocate memory (no VM named).',
  ),
  manifestRow(
    3040,
    'Error',
    "'%1' could not initialize. (Virtual machine ID %2)",
    'The VM could not start; on a destination, the VM does not come online there. Veeam ONE (S18) also names this id.',
    { sources: ['D1', 'S18'] },
  ),
  manifestRow(
    3050,
    'Error',
    "'%1' could not initialize memory: %2 (%3). (Virtual machine ID %4)",
    'The VM memory could not be set up (companion of 3030). Veeam ONE (S18) also names this id.',
    { sources: ['D1', 'S18'] },
  ),
  manifestRow(
    3052,
    'Error',
    "'%1' could not setup Smart Paging: %2 (%3). (Virtual machine ID %4)",
    'Smart Paging failed at VM restart.',
  ),
  manifestRow(
    3054,
    'Warning',
    "'%1' successfully allocated memory; but a subset of the physical pages was allocated on a remote non-uniform memory architecture (NUMA) node. This configuration is not recommended because it will reduce performance. (Virtual machine ID %2)",
    'Memory partly on a remote NUMA node: slower after a move, not a failure.',
  ),
  manifestRow(
    3056,
    'Warning',
    "'%1' is configured to have a different non-uniform memory architecture (NUMA) topology to that of the physical machine. Some virtual processors are accessing memory on a remote NUMA node. This configuration is not recommended because it will reduce performance. (Virtual machine ID %2)",
    'NUMA topology differs from the host (M3 lists it as a live-migration related warning).',
    { sources: ['D1', 'M3'] },
  ),
  manifestRow(
    3072,
    'Error',
    "'%1' could not read or update the virtual machine configuration because access was denied: %2 (%3). Check the security settings on the folder in which the virtual machine is stored. (Virtual machine ID %4)",
    'Access to the VM folder was denied (permissions after a move).',
  ),
  manifestRow(
    3074,
    'Error',
    "'%1' does not support this version of the configuration data. (Virtual machine ID %2)",
    'The configuration version is not supported here: a migration to an older host (cf. 10698 and Update-VMVersion, M3, S6).',
    { category: 'configuration' },
  ),
  manifestRow(
    3080,
    'Error',
    "'%1' could not create or access saved state file %2. (Virtual machine ID %3)",
    'The saved-state file could not be used (quick migration, saved state on shared storage). Veeam ONE (S18) also names this id.',
    { sources: ['D1', 'S18'] },
  ),
];

/** A Worker id known without template, channel or level: context only. */
function contextOnly(eventId: number, sources: string[], meaning: string): CatalogEvent {
  return {
    provider,
    eventId,
    channels: [adminChannel],
    level: null,
    symbolicName: null,
    category: 'resource',
    role: 'context',
    side: null,
    fields: {},
    fieldNames: byName,
    template: '',
    versions: [],
    sources,
    verified: false,
    meaning,
  };
}

/** Ids named only by Veeam ONE (S18), without saying which is which. */
const veeamEvents = [3320, 12010, 12030, 12040, 12050, 12054, 12080, 12290].map((eventId) =>
  contextOnly(
    eventId,
    ['S18'],
    'A VM initialisation, power-on, restore, save or attachment failure (Veeam ONE, S18); restore and save are the quick-migration path. Which id is which was not found.',
  ),
);

/** M3 lists 18502 (a list item: no template, channel or level). */
const turnedOff = contextOnly(
  18502,
  ['M3'],
  'The VM was turned off (M3, a list item: "VM was turned off"); context for live-migration and heartbeat failures. Template not found.',
);

export const workerEvents: CatalogEvent[] = [...manifestEvents, ...veeamEvents, turnedOff];
