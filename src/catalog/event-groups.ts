/**
 * Named groups of catalogue events, each a selector by role (with the category, cause or field
 * that tells apart events sharing a role): what the diagnosis checks read and what the
 * flowchart's questions cite. Never by id: ids are unique only within a provider, and the
 * catalogue knows which provider, fields and wording make an event what it is. Pure data.
 */
import type { EventSelector } from './select.js';

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
