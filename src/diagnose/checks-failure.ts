/**
 * Checks that read the failure itself: error codes (catalog error-codes.ts, events.md §2) and
 * the Hyper-V failure events of events.md §1a. Each is pure.
 */
import { idsText } from '../catalog/select.js';
import type { CaseEvent } from './case-input.js';
import {
  cleanupEvents,
  noNetworkEvents,
  registerFailedEvents,
  switchPortEvents,
  virtualNetworkEvents,
} from '../catalog/event-groups.js';
import {
  eventEvidence,
  eventField,
  failureEvidence,
  failureSteps,
  no,
  ownEvents,
  stepEvidence,
  yes,
  type Check,
  type CheckContext,
  type CheckResult,
} from './check-helpers.js';

/** Yes when the classified failure has the cause (codes first, then fragments). */
function causeIs(cause: string, what: string): Check {
  return (context) => {
    if (context.failure.cause === cause) {
      const code = context.failure.code;
      const codeText =
        code !== null ? ` (0x${code.toString(16).toUpperCase().padStart(8, '0')})` : '';
      return yes(`the failure reads as ${what}${codeText}`, failureEvidence(context.migration));
    }
    return no(`the failure does not read as ${what}`);
  };
}

export const migrationFailed: Check = (context) => {
  const { outcome } = context.migration;
  if (outcome === 'failed') return yes('the migration failed', failureEvidence(context.migration));
  if (outcome === 'unknown')
    return yes(
      'the migration has no recorded end; it is treated as failed',
      failureEvidence(context.migration),
    );
  return no(`the migration ${outcome === 'succeeded' ? 'succeeded' : 'was cancelled'}`);
};

export const errorNoNetwork: Check = (context) => {
  const events = ownEvents(context, noNetworkEvents);
  const cited = `${idsText(noNetworkEvents)} / 0x000013AB`;
  if (context.failure.cause === 'no-migration-network' || events.length > 0) {
    const evidence = failureEvidence(context.migration);
    return yes(`the source found no cluster network to reach the destination (${cited})`, evidence);
  }
  return no(`no "network not available" error (${cited})`);
};

export const errorConcurrent: Check = (context) => {
  const overlaps = context.migration.facts.overlapping;
  const byCode = context.failure.cause === 'concurrent-migration';
  if (!byCode && overlaps.length === 0)
    return no('no other migration shared a node, and no "another migration in progress" error');
  const evidence = [...(byCode ? failureEvidence(context.migration) : [])];
  for (const overlap of overlaps) {
    const other = context.input.migrations.find((m) => m.id === overlap.migration);
    const first = other?.steps[0];
    if (first)
      evidence.push({
        ...stepEvidence(first),
        note: `migration #${overlap.migration} of ${overlap.vm} on ${overlap.sharedNode}: ${first.summary.slice(0, 80)}`,
      });
  }
  const who = overlaps.map((o) => `#${o.migration} ${o.vm} (on ${o.sharedNode})`).join(', ');
  // Only 2008 R2 limits a node to one live migration at a time (S10); later versions allow
  // several, so an overlap alone is not a cause there.
  if (!byCode) {
    const only = oneMigrationPerNode(context);
    if (only !== true)
      return {
        answer: only === false ? 'no' : 'unknown',
        summary: `another migration shared a node (${who}), ${only === false ? 'which this Windows version allows' : 'and the Windows version is not known'}; no "another migration in progress" error`,
        evidence: [],
      };
  }
  return yes(
    overlaps.length > 0
      ? `another migration was running on a shared node: ${who}`
      : 'the failure says another migration was in progress (0x800700AA)',
    evidence,
  );
};

/**
 * Whether the nodes of the migration run Windows Server 2008 R2 (6.1), where a node takes part
 * in one live migration at a time: true, false, or null when no Get-ClusterNode capture says.
 */
function oneMigrationPerNode(context: CheckContext): boolean | null {
  const nodes = [context.migration.sourceNode, context.migration.destinationNode];
  const versions = context.input.config.cluster_nodes.filter(
    (r) =>
      typeof r.values.major_version === 'number' &&
      nodes.some((n) => n !== null && r.node?.toUpperCase() === n.toUpperCase()),
  );
  if (versions.length === 0) return null;
  return versions.some((r) => r.values.major_version === 6 && r.values.minor_version === 1);
}

/** The guide's "wait a few seconds between migrations": cleanup of the previous one. */
export const cleanupSeconds = 10;

export const previousMigrationTooClose: Check = (context) => {
  const m = context.migration;
  const cleanup = ownEvents(context, cleanupEvents);
  const gap = m.facts.secondsSincePreviousMigration;
  const close = gap !== null && gap >= 0 && gap < cleanupSeconds;
  if (cleanup.length === 0 && !close)
    return no(
      gap === null
        ? 'no earlier migration of this VM in the logs'
        : `the previous migration of this VM ended ${gap} s before`,
    );
  const evidence = cleanup.map((e) =>
    eventEvidence(e, 'cleanup on the target failed before the migration'),
  );
  const previous = context.input.migrations
    .filter((p) => p.id < m.id && p.vm === m.vm && p.endedAt !== null)
    .at(-1);
  const last = previous?.steps.at(-1);
  if (close && last)
    evidence.push({
      ...stepEvidence(last),
      note: `end of migration #${previous!.id}: ${last.summary.slice(0, 80)}`,
    });
  if (evidence.length === 0) evidence.push(...failureEvidence(m));
  return yes(
    close
      ? `started ${gap} s after the previous migration of this VM ended (cleanup needs a few seconds)`
      : `the target had not finished cleaning up the previous migration (${cleanup.map((e) => e.eventId).join(', ')})`,
    evidence,
  );
};

export const errorAuthentication = causeIs('authentication-failed', 'an authentication failure');
export const errorPossibleOwners = causeIs(
  'possible-owners',
  'a possible-owners failure (0x80071398)',
);
export const errorDestinationResources = causeIs(
  'destination-resources',
  'a lack of memory or resources on the destination',
);
export const errorConnection = causeIs(
  'migration-connection-failed',
  'a failed migration connection',
);

export const errorProcessor: Check = (context) =>
  context.failure.category === 'processor'
    ? yes(
        'the failure says the destination processor cannot run the VM',
        failureEvidence(context.migration),
      )
    : no('no processor-compatibility error');

/** The switch port an event names, from its catalogue field, else the message. */
function portName(event: CaseEvent): string | null {
  const field = eventField(event, 'switchPort');
  if (field) return field.trim();
  const match = /switch port (.+?)\.?$/.exec(event.message ?? '');
  return match?.[1]?.trim() ?? null;
}

export const errorSwitchPortNamedLikeSwitch: Check = (context): CheckResult => {
  const events = ownEvents(context, switchPortEvents);
  if (events.length === 0)
    return no(
      `no "failed to create virtual network switch port" error (${idsText(switchPortEvents)})`,
    );
  const switches = context.input.config.virtual_switches;
  const names = events.map(portName).filter((n): n is string => n !== null);
  const matching = switches.filter((s) =>
    names.some((n) => String(s.values.name ?? '').toLowerCase() === n.toLowerCase()),
  );
  const evidence = [
    ...events.map((e) =>
      eventEvidence(e, `switch port "${portName(e) ?? '?'}" could not be created`),
    ),
    ...matching.map((s) => ({
      table: s.table,
      id: s.id,
      node: s.node,
      time: null,
      note: `virtual switch named "${String(s.values.name)}"`,
    })),
  ];
  if (matching.length > 0)
    return yes(`the switch port "${names[0]}" has the name of its virtual switch`, evidence);
  if (switches.length === 0)
    return yes(
      `${events[0]!.eventId} names switch port "${names[0] ?? '?'}"; no switch listing to compare (the guide's fifth check)`,
      evidence,
    );
  return no(
    `switch port "${names[0] ?? '?'}" does not share a name with a virtual switch`,
    evidence,
  );
};

export const errorVirtualNetwork: Check = (context) => {
  const events = ownEvents(context, virtualNetworkEvents);
  if (events.length === 0 && context.failure.cause !== 'virtual-network-name-mismatch')
    return no(`no virtual network / switch configuration error (${idsText(virtualNetworkEvents)})`);
  const evidence =
    events.length > 0
      ? events.map((e) =>
          eventEvidence(e, 'virtual network configuration failed on the destination'),
        )
      : failureEvidence(context.migration);
  return yes('the destination could not set up the VM\u2019s virtual network', evidence);
};

/** The catalogue fragment of the register-configuration failure (KB 4558514, events-modern §2a). */
const registerFragment = 'register-configuration-failed';

export const failedRegistering: Check = (context) => {
  const steps = failureSteps(context.migration).filter((s) => s.phase === 'vm-register-failed');
  if (steps.length > 0) {
    const ids = ownEvents(context, registerFailedEvents).map((e) => e.eventId);
    const cited = ids.length > 0 ? ` (${[...new Set(ids)].join(', ')})` : '';
    return yes(
      `the destination could not register the VM with VMMS${cited}`,
      steps.map(stepEvidence),
    );
  }
  // The source's own failure text can say it when the destination's logs are missing.
  if (context.failure.fragments.includes(registerFragment))
    return yes(
      'the failure text says the destination could not register the VM configuration',
      failureEvidence(context.migration),
    );
  return no('no registration failure on the destination');
};

export const failureNamesMissingPath: Check = (context) =>
  context.failure.fragments.includes(registerFragment)
    ? yes(
        'the failure text says VMMS could not find the configuration path when registering the VM, which KB 4558514 gives for nodes with different system drive letters',
        failureEvidence(context.migration),
      )
    : no('the failure text does not say the configuration path was not found');
