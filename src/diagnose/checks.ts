import type { Check } from './check-helpers.js';
import * as cluster from './checks-cluster.js';
import * as config from './checks-config.js';
import * as failure from './checks-failure.js';

/** Every check the flowcharts may name: check name → pure function. */
export const checks: Readonly<Record<string, Check>> = {
  'migration-failed': failure.migrationFailed,
  'node-lost': cluster.nodeLost,
  'error-no-network': failure.errorNoNetwork,
  'recent-restart': cluster.recentRestart,
  'migration-network-down': cluster.migrationNetworkDown,
  'migration-networks-left': config.migrationNetworksLeft,
  'migration-subnet-differs': config.migrationSubnetDiffers,
  'concurrent-migration': failure.errorConcurrent,
  'previous-migration-too-close': failure.previousMigrationTooClose,
  'error-authentication': failure.errorAuthentication,
  'error-possible-owners': failure.errorPossibleOwners,
  'error-destination-resources': failure.errorDestinationResources,
  'error-processor': failure.errorProcessor,
  'architecture-differs': config.architectureDiffers,
  'vendor-differs': config.vendorDiffers,
  'processor-models-differ': config.processorModelsDiffer,
  'error-switch-port-named-like-switch': failure.errorSwitchPortNamedLikeSwitch,
  'error-virtual-network': failure.errorVirtualNetwork,
  'switch-names-differ': config.switchNamesDiffer,
  'failed-registering': failure.failedRegistering,
  'system-drive-differs': config.systemDriveDiffers,
  'failure-names-missing-path': failure.failureNamesMissingPath,
  'csv-unavailable': cluster.csvUnavailable,
  'csv-redirected': cluster.csvRedirected,
  'backup-during': cluster.backupDuring,
  'rhs-failure': cluster.rhsFailure,
  'error-connection': failure.errorConnection,
  'destination-logs-present': cluster.destinationLogsPresent,
  'migration-slow': cluster.migrationSlow,
};
