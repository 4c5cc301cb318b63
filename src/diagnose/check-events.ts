/**
 * The events the checks read, by catalogue role (never by id: ids are unique only within a
 * provider, and the catalogue knows which provider, fields and wording make an event what it
 * is). Each check declares what it reads besides its migration's own steps; the diagnosis
 * input is chosen from these declarations for the checks a flowchart asks. Pure data.
 */
import type { EventSelector } from '../catalog/select.js';
import type { Flowchart } from './flowchart.js';

/** A node leaving the membership (1135 and its kin). */
export const nodeDownEvents: EventSelector = { roles: ['node-down'] };
/** The cluster service of a node stopping on its own (quorum lost, halted). */
export const clusterServiceHaltEvents: EventSelector = {
  roles: ['cluster-service-stop'],
  category: 'node',
};
/** The cluster service started or stopped (Service Control Manager, the cluster service only). */
export const clusterServiceStateEvents: EventSelector = {
  roles: ['cluster-service-start', 'cluster-service-stop'],
  category: 'service',
};
/** The Resource Hosting Subsystem crashed or deadlocked. */
export const rhsEvents: EventSelector = { roles: ['rhs-died', 'rhs-deadlock'] };
/** A cluster network down. */
export const networkDownEvents: EventSelector = { roles: ['network-down'] };
/** A cluster network or one of its interfaces failing. */
export const networkTroubleEvents: EventSelector = {
  roles: ['network-down', 'interface-failed', 'interface-unreachable'],
};
/** A CSV paused or no longer accessible. */
export const csvDownEvents: EventSelector = { roles: ['csv-paused', 'csv-no-access'] };
/** A CSV in redirected access. */
export const csvRedirectedEvents: EventSelector = { roles: ['csv-redirected'] };
/** A CSV back to normal operation. */
export const csvResumedEvents: EventSelector = { roles: ['csv-resumed'] };
/** Backup (VSS) activity or trouble on a CSV or VM. */
export const backupEvents: EventSelector = { roles: ['backup-problem'] };
/** VMMS calling a migration's blackout unexpectedly long. */
export const longBlackoutEvents: EventSelector = {
  roles: ['lm-complete-blackout'],
  cause: 'slow-migration-network',
};
/** The source found no cluster network to the destination. */
export const noNetworkEvents: EventSelector = {
  roles: ['lm-failed'],
  cause: 'no-migration-network',
};
/** The target had not finished cleaning up the previous migration. */
export const cleanupEvents: EventSelector = {
  roles: ['lm-failed'],
  cause: 'cleanup-not-finished',
};
/** A switch port (named in the event) could not be created. */
export const switchPortEvents: EventSelector = {
  roles: ['switch-problem'],
  cause: 'virtual-network-name-mismatch',
  withField: 'switchPort',
};
/** The destination could not set up the VM's virtual network or switch. */
export const virtualNetworkEvents: EventSelector = {
  roles: ['lm-failed', 'switch-problem'],
  cause: 'virtual-network-name-mismatch',
  withoutField: 'switchPort',
};
/** The destination could not register the VM. */
export const registerFailedEvents: EventSelector = { roles: ['vm-register-failed'] };

/**
 * What a check reads from the case besides its migration's steps: `around` the attempt (an
 * hour before to a minute after), or from the whole case (`caseWide`: CSV episodes that began
 * long before).
 */
export interface CheckNeeds {
  around?: readonly EventSelector[];
  caseWide?: readonly EventSelector[];
}

/** Check name → what it reads; checks that read only their steps or the configuration are absent. */
export const checkNeeds: Readonly<Record<string, CheckNeeds>> = {
  'node-lost': { around: [nodeDownEvents, clusterServiceHaltEvents] },
  'recent-restart': { around: [clusterServiceStateEvents, rhsEvents] },
  'migration-network-down': { around: [networkTroubleEvents] },
  'csv-unavailable': { caseWide: [csvDownEvents, csvResumedEvents] },
  'csv-redirected': { caseWide: [csvRedirectedEvents, csvResumedEvents] },
  'backup-during': { around: [backupEvents] },
  'rhs-failure': { around: [rhsEvents] },
};

/** What the cluster-wide advisories read from the whole case (CSV left redirected). */
export const advisoryNeeds: CheckNeeds = { caseWide: [csvRedirectedEvents, csvResumedEvents] };

/** The events a diagnosis reads, by scope. */
export interface DiagnosisNeeds {
  around: EventSelector[];
  caseWide: EventSelector[];
}

/**
 * What diagnosing with a flowchart reads: the needs of the checks its questions name, and the
 * advisories'. Case-wide selectors are not read again around each attempt. Pure.
 */
export function diagnosisNeeds(flowchart: Flowchart): DiagnosisNeeds {
  const needs = [advisoryNeeds];
  for (const node of Object.values(flowchart.nodes))
    if (node.kind === 'question' && checkNeeds[node.check]) needs.push(checkNeeds[node.check]!);
  const caseWide = [...new Set(needs.flatMap((n) => n.caseWide ?? []))];
  const around = [...new Set(needs.flatMap((n) => n.around ?? []))].filter(
    (s) => !caseWide.includes(s),
  );
  return { around, caseWide };
}
