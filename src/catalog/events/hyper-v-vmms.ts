/**
 * Microsoft-Windows-Hyper-V-VMMS (events.md §1b). No manifest dump of this provider is known,
 * so only ids shown by Microsoft articles, real samples or (unverified) Veeam are here. VMMS
 * writes its fields as UserData/VmlEventLog `Parameter0…`, which LogEvent.data keeps in
 * document order, so `%1` is Parameter0. An empty template means no source gives one.
 * Pure data.
 */
import type { CatalogEvent } from '../types.js';

const provider = 'Microsoft-Windows-Hyper-V-VMMS';
const adminChannel = 'Microsoft-Windows-Hyper-V-VMMS-Admin';
const operationalChannel = 'Microsoft-Windows-Hyper-V-VMMS-Operational';

type VmmsEntry = Omit<CatalogEvent, 'provider' | 'channels' | 'level' | 'versions'> &
  Partial<Pick<CatalogEvent, 'channels' | 'level' | 'versions'>>;

function vmms(entry: VmmsEntry): CatalogEvent {
  return { provider, channels: [adminChannel], level: null, versions: [], ...entry };
}

/** Veeam ONE (S18) names these ids with paraphrased texts only. */
const veeamOnly = 'Only Veeam ONE (S18, vendor) names this id; no template was found.';

export const vmmsEvents: CatalogEvent[] = [
  vmms({
    eventId: 20415,
    level: 'Information',
    symbolicName: null,
    category: 'migration',
    role: 'lm-complete-blackout',
    side: 'source',
    fields: { vmName: 1, vmId: 2, seconds: 3 },
    template:
      "The Virtual Machine Management service successfully completed the live migration of virtual machine '%1' with a blackout time of %3 seconds (VMID %2).",
    sources: ['S15'],
    verified: true,
    meaning:
      'Live migration completed (source side), with the blackout time in seconds; real XML: Parameter0 VM name, Parameter1 VMID, Parameter2 seconds.',
  }),
  vmms({
    eventId: 20417,
    symbolicName: null,
    category: 'migration',
    role: 'lm-complete-blackout',
    side: 'source',
    fields: { vmName: 1, seconds: 3 },
    template:
      "The Virtual Machine Management service successfully completed the live migration of virtual machine '%1' with an unexpectedly long blackout time of %3 seconds.",
    sources: ['S4', 'S5', 'S15', 'M1'],
    verified: false,
    cause: 'slow-migration-network',
    meaning:
      'Completed with an unexpectedly long blackout: a live-migration network bandwidth problem. Only a rendered sample is known; the template start is taken from 20415 and the VMID position was not seen.',
  }),
  vmms({
    eventId: 20413,
    symbolicName: null,
    category: 'migration',
    role: 'context',
    side: null,
    fields: {},
    template: '',
    versions: ['2016+'],
    sources: ['S4', 'M1'],
    verified: false,
    cause: 'system-drive-mismatch',
    meaning:
      'S4 and the 2023 revision of KB 4558514 (M1) file it under "fails at 90–100 %" caused by different system drive letters, the destination showing "failed to register the configuration … The system cannot find the path"; its own template is not found, and the "initiated the live migration" sentence is not evidence for it (events-modern.md §2a).',
  }),
  vmms({
    eventId: 21024,
    symbolicName: null,
    category: 'migration',
    role: 'context',
    side: null,
    fields: {},
    template: '',
    versions: ['2016+', 'Azure Local 24H2'],
    sources: ['S9', 'S4', 'M1', 'M11'],
    verified: false,
    textRoles: [{ pattern: /failed at migration source/i, role: 'lm-failed' }],
    meaning:
      'Conflict, still open (events-modern.md §2a, §4 item 10): S9/M11 (Azure Local) show "Virtual machine migration operation for … failed at migration source …"; S4 lists 21024 under "VM loses network after a successful migration". Decide by text.',
  }),
  vmms({
    eventId: 1106,
    channels: [operationalChannel],
    symbolicName: null,
    category: 'migration',
    role: 'context',
    side: 'source',
    fields: {},
    template: '',
    versions: ['Azure Local 24H2'],
    sources: ['S9', 'M3', 'M11'],
    verified: false,
    meaning:
      'VMMS-Operational on the source. Conflict (events-modern.md §2a): S9 showed it carrying "No mapping between account names and security IDs was done" with bare 80070534; M3 (2025) lists "Access violation (c0000005) during live migration"; the current Azure Local TSG (M11) no longer names it. A VMMS-side failure during live migration: read its text; template not found.',
  }),
  vmms({
    eventId: 20406,
    symbolicName: null,
    category: 'network',
    role: 'context',
    side: null,
    fields: {},
    template: '',
    sources: ['S6'],
    verified: false,
    cause: 'migration-connection-failed',
    meaning:
      'S6 associates it (with "280") with WinRM/network failures: "The client cannot connect to the destination specified in the request" (template not found).',
  }),
  vmms({
    eventId: 10698,
    symbolicName: null,
    category: 'configuration',
    role: 'context',
    side: null,
    fields: {},
    template: '',
    sources: ['S6'],
    verified: false,
    meaning:
      'S6 associates it with a VM configuration-version mismatch (seen with 21502); template not found.',
  }),
  vmms({
    eventId: 20100,
    symbolicName: null,
    category: 'resource',
    role: 'vm-register-failed',
    side: null,
    fields: {},
    template: '',
    sources: ['S18'],
    verified: false,
    meaning: `VMMS failed to register a VM configuration (destination step of quick migration and failover). ${veeamOnly}`,
  }),
  vmms({
    eventId: 20102,
    symbolicName: null,
    category: 'resource',
    role: 'vm-register-failed',
    side: null,
    fields: {},
    template: '',
    sources: ['S18'],
    verified: false,
    meaning: `VMMS failed to unregister a VM configuration. ${veeamOnly}`,
  }),
  vmms({
    eventId: 20104,
    symbolicName: null,
    category: 'resource',
    role: 'vm-register-failed',
    side: null,
    fields: {},
    template: '',
    sources: ['S18'],
    verified: false,
    meaning: `VMMS failed to verify a VM configuration. ${veeamOnly}`,
  }),
  ...[16300, 16310, 16400, 16410].map((eventId) =>
    vmms({
      eventId,
      symbolicName: null,
      category: 'csv',
      role: 'context',
      side: null,
      fields: {},
      template: '',
      sources: ['S18'],
      verified: false,
      meaning: `Storage fallout: a VM configuration cannot be loaded, is corrupt or is no longer accessible. ${veeamOnly}`,
    }),
  ),
  vmms({
    eventId: 10102,
    symbolicName: null,
    category: 'backup',
    role: 'backup-problem',
    side: null,
    fields: {},
    template: '',
    sources: ['S18'],
    verified: false,
    meaning: `Backup of a VM failed. ${veeamOnly}`,
  }),
  vmms({
    eventId: 10104,
    symbolicName: null,
    category: 'backup',
    role: 'backup-problem',
    side: null,
    fields: {},
    template: '',
    sources: ['S18'],
    verified: false,
    meaning: `Reverting a VM to a VSS snapshot failed. ${veeamOnly}`,
  }),
];
