/**
 * Live and quick migrations: the events and cluster log lines on source and destination, by
 * outcome and cause (events.md §1a/§1b, cluster-log.md §5).
 */
import {
  errors,
  secs,
  type ExpectedMigration,
  type SimulationContext,
} from './simulation-context.js';
import type { TimelineStep } from './scenario-types.js';
import { catalog } from './event-catalog.js';

/**
 * A quick migration (save, move, restore): the RCM offline-first sequence and RHS offline/online
 * lines, role offline/online events (2012 R2 and later) and 21119 on the destination.
 */
export function quickMigration(
  ctx: SimulationContext,
  step: Extract<TimelineStep, { kind: 'quick-migration' }>,
  t: number,
): void {
  const vm = ctx.vmOf(step.vm);
  const source = ctx.owners.get(vm.name) ?? vm.owner;
  const destination = step.to;
  const res = ctx.resourceName(vm.name);
  const end = t + step.durationS * 1000;
  ctx.migrations.push({
    vm: vm.name,
    kind: 'quick',
    sourceNode: source,
    destinationNode: destination,
    requestedAt: new Date(t).toISOString(),
    outcome: 'succeeded',
    failureSide: null,
    errorCode: null,
    cause: null,
  });
  ctx.log(
    source,
    t,
    'INFO',
    `[RCM] rcm::RcmApi::MoveGroup: (${vm.name}, ${ctx.nodeId(destination)})`,
  );
  ctx.log(
    source,
    t + 20,
    'INFO',
    `[RCM] rcm::RcmGroup::Move: Bringing group '${vm.name}' offline first...`,
  );
  if (!ctx.is2008R2) {
    ctx.emit(source, 'fc1641', t + 25, [
      vm.name,
      ctx.nodeInEvents(source),
      ctx.nodeInEvents(destination),
    ]);
    ctx.emit(source, 'fc1203', t + 45, [vm.name]);
  }
  ctx.log(
    source,
    t + 40,
    'INFO',
    `[RCM] TransitionToState(${vm.name}) Online-->OfflineCallIssued.`,
  );
  ctx.log(
    source,
    t + 90,
    'INFO',
    `[RES] Virtual Machine <${res}>: Saving the virtual machine before the move (OfflineAction 1).`,
    'rhs',
  );
  const offline = t + step.durationS * 600;
  ctx.log(
    source,
    offline,
    'INFO',
    `[RHS] Resource ${res} has come offline. RHS is about to report resource status to RCM.`,
    'rhs',
  );
  if (!ctx.is2008R2) {
    ctx.emit(source, 'fc1204', offline + 10, [vm.name]);
    ctx.emit(destination, 'fc1200', offline + 500, [vm.name]);
  }
  ctx.log(
    source,
    offline + 60,
    'INFO',
    `[RCM] move of group ${vm.name} from ${source}(${ctx.nodeId(source)}) to ${destination}(${ctx.nodeId(destination)}) of type MoveType::Manual is about to succeed, failoverCount=0, lastFailoverTime=1601/01/01-00:00:00.000 targeted=true`,
  );
  ctx.emit(destination, 'ha21119', end - 200, [res]);
  if (!ctx.is2008R2) ctx.emit(destination, 'fc1201', end + 40, [vm.name]);
  ctx.log(
    destination,
    end,
    'INFO',
    `[RHS] Resource ${res} has come online. RHS is about to report status change to RCM`,
    'rhs',
  );
  ctx.owners.set(vm.name, destination);
}

/**
 * A live migration: success writes the 21300-21309 pairs, 20415 (or 20417 when slow) and the RCM
 * move line; a failure writes the cause's signature events, 21502 (2012 R2 and later) and 21111
 * on the source, and the [RES] error text in the cluster log. Records the expected migration.
 */
export function liveMigration(
  ctx: SimulationContext,
  step: Extract<TimelineStep, { kind: 'live-migration' }>,
  t: number,
): void {
  const vm = ctx.vmOf(step.vm);
  const source = ctx.owners.get(vm.name) ?? vm.owner;
  const destination = step.to;
  const res = ctx.resourceName(vm.name);
  const vmId = vm.id;
  ctx.log(
    source,
    t,
    'INFO',
    `[RCM] rcm::RcmApi::MoveGroup: (${vm.name}, ${ctx.nodeId(destination)})`,
  );
  ctx.log(
    source,
    t + 30,
    'INFO',
    `[RCM] rcm::RcmGroup::Move: Moving group '${vm.name}' to node ${destination}(${ctx.nodeId(destination)}) by live migration.`,
  );
  if (!ctx.is2008R2)
    ctx.emit(source, 'fc1641', t + 60, [
      vm.name,
      ctx.nodeInEvents(source),
      ctx.nodeInEvents(destination),
    ]);
  const expected: ExpectedMigration = {
    vm: vm.name,
    kind: 'live',
    sourceNode: source,
    destinationNode: destination,
    requestedAt: new Date(t).toISOString(),
    outcome: step.outcome.result,
    failureSide: null,
    errorCode: null,
    cause: null,
  };
  ctx.migrations.push(expected);

  if (step.outcome.result === 'succeeded') {
    const { durationS, blackoutS } = step.outcome;
    const end = t + durationS * 1000;
    if (step.outcome.slow) expected.cause = 'csv-redirected-io';
    ctx.log(
      source,
      t + 150,
      'INFO',
      `[RES] Virtual Machine <${res}>: Live migration of '${res}' to node '${destination}' started.`,
      'rhs',
    );
    ctx.emit(source, 'ha21300', t + 200, [vmId, res]);
    ctx.emit(destination, 'ha21306', t + 650, [vmId, res]);
    const offlineAt = end - blackoutS * 1000 - 600;
    ctx.emit(source, 'ha21302', offlineAt, [vmId]);
    ctx.emit(source, 'ha21303', offlineAt + blackoutS * 600, [vmId, secs(blackoutS * 0.6)]);
    ctx.emit(source, 'ha21304', offlineAt + blackoutS * 600 + 20, [vmId]);
    ctx.emit(source, 'ha21305', end - 300, [vmId, secs(blackoutS * 0.4)]);
    ctx.emit(destination, 'ha21308', offlineAt + 200, [vmId]);
    ctx.emit(destination, 'ha21309', end - 150, [vmId, secs(blackoutS)]);
    if (step.outcome.slow) {
      ctx.emit(source, 'vmms20417', end - 100, [vm.name, vmId, secs(blackoutS)]);
    } else {
      ctx.emit(source, 'vmms20415', end - 100, [vm.name, vmId, secs(blackoutS)]);
    }
    ctx.emit(source, 'ha21301', end, [vmId, secs(durationS), res]);
    ctx.emit(destination, 'ha21307', end + 120, [vmId, secs(durationS), res]);
    ctx.log(
      source,
      end + 10,
      'INFO',
      `[RCM] move of group ${vm.name} from ${source}(${ctx.nodeId(source)}) to ${destination}(${ctx.nodeId(destination)}) of type MoveType::Manual is about to succeed, failoverCount=0, lastFailoverTime=1601/01/01-00:00:00.000 targeted=true`,
    );
    ctx.log(
      destination,
      end + 300,
      'INFO',
      `[RHS] Resource ${res} has come online. RHS is about to report status change to RCM`,
      'rhs',
    );
    ctx.owners.set(vm.name, destination);
    ctx.migrationFailureReason.set(vm.name, 0);
    return;
  }

  const { cause, afterS } = step.outcome;
  const failAt = t + afterS * 1000;
  expected.cause = cause;
  expected.failureSide = 'source';
  const atSource = `Virtual machine migration operation for '${vm.name}' failed at migration source '${source}'.`;
  let detail: { code: string; hresult: number; text: string } = errors.fail;
  let chain: string[] = [];
  switch (cause) {
    case 'no-migration-network':
    case 'network-not-ready-after-restart':
      detail = errors.networkNotAvailable;
      ctx.emit(source, 'ha21126', failAt, [
        ctx.nodeInEvents(destination),
        ctx.localize(detail.text),
        detail.code,
      ]);
      chain = [
        `Failed to get the network address for the destination node '${destination}': ${detail.text} (${detail.code}).`,
      ];
      break;
    case 'virtual-network-name-mismatch':
      ctx.emit(source, 'ha21125', failAt, []);
      expected.failureSide = 'destination';
      chain = [catalog.ha21125.message['en-US']];
      break;
    case 'switch-port-name-conflict':
      ctx.emit(source, 'ha21203', failAt, [vm.switchName]);
      // Nothing in 21203 or 21111 says on which side the port could not be created.
      expected.failureSide = null;
      chain = [`Failed to create virtual network switch port ${vm.switchName}.`];
      break;
    case 'processor-incompatible':
      ctx.emit(source, 'ha21300', t + 200, [vmId, res]);
      chain = [
        atSource,
        `Virtual machine '${vm.name}' is using processor-specific features not supported on host '${destination}'.`,
      ];
      break;
    case 'concurrent-migration':
      detail = errors.busy;
      // 2008 R2 logs only 21111 here: no event names the side that refused.
      expected.failureSide = null;
      chain = [`${detail.text} (${detail.code})`];
      break;
    case 'authentication-failed':
      detail =
        step.outcome.variant === 'kerberos' ? errors.unknownCredentials : errors.noCredentials;
      ctx.emit(source, 'ha21300', t + 200, [vmId, res]);
      chain = [
        atSource,
        `Failed to establish a connection with host '${destination}': ${detail.text} (${detail.code}).`,
      ];
      // KB 4558514 (events-modern.md §2b): Kerberos without constrained delegation.
      if (step.outcome.variant === 'kerberos')
        chain.push(
          'The Virtual Machine Management Service failed to authenticate the connection for a virtual machine migration at the source host: no suitable credentials available. Make sure the operation is initiated on the source host of the migration, or the source host is configured to use Kerberos for the authentication of migration connections and constrained delegation is enabled for the host in active directory.',
        );
      break;
    case 'node-down':
      detail = errors.connectionReset;
      ctx.emit(source, 'ha21300', t + 200, [vmId, res]);
      ctx.emit(destination, 'ha21306', t + 650, [vmId, res]);
      chain = [
        atSource,
        `Failed to send data for a Virtual Machine migration: ${detail.text} (${detail.code})`,
      ];
      break;
    case 'cleanup-not-finished':
      ctx.emit(source, 'ha21121', failAt, [res, errors.fail.text, errors.fail.code]);
      expected.failureSide = 'destination';
      expected.errorCode = errors.fail.code;
      chain = [
        `'${res}' failed to cleanup the configuration on the target node prior to a migration: ${errors.fail.text} (${errors.fail.code}).`,
      ];
      break;
    case 'system-drive-mismatch': {
      ctx.emit(source, 'ha21300', t + 200, [vmId, res]);
      ctx.emit(destination, 'ha21306', t + 650, [vmId, res]);
      ctx.emit(destination, 'ha21102', failAt - 400, [res]);
      expected.failureSide = 'destination';
      const path = `${ctx.state(source).logs.node.systemDrive}\\ClusterStorage\\Volume1\\${vm.name}`;
      chain = [
        `Virtual machine migration operation for '${vm.name}' failed at migration destination '${destination}'.`,
        `The Virtual Machine Management Service failed to register the configuration for the virtual machine '${vmId}' at '${path}': The system cannot find the path.`,
      ];
      break;
    }
    case 'architecture-mismatch':
      chain = [
        atSource,
        'The virtual machine cannot be moved to the destination computer. The hardware on the destination computer is not compatible with the hardware requirements of this virtual machine.',
      ];
      break;
    case 'rhs-failure':
    case 'csv-unavailable':
      // The destination starts, then gives up: the failure names the destination and E_FAIL.
      ctx.emit(source, 'ha21300', t + 200, [vmId, res]);
      ctx.emit(destination, 'ha21306', t + 650, [vmId, res]);
      expected.failureSide = 'destination';
      expected.errorCode = errors.fail.code;
      chain = [
        `Virtual machine migration operation for '${vm.name}' failed at migration destination '${destination}'.`,
        `${errors.fail.text} (${errors.fail.code})`,
      ];
      break;
    case 'csv-redirected-io':
      break;
  }
  if (detail !== errors.fail) expected.errorCode = detail.code;
  // MigrationFailureReason knows only E_BUSY and E_FAIL ("some other reason"), events.md §1f.
  ctx.migrationFailureReason.set(
    vm.name,
    cause === 'concurrent-migration' ? errors.busy.hresult : errors.fail.hresult,
  );
  // Cluster logs stay in English (README); the events carry the node's language.
  ctx.log(
    source,
    failAt - 40,
    'ERR',
    `[RES] Virtual Machine <${res}>: ${chain.join(' ')}`.trim(),
    'rhs',
  );
  const said = chain.map((sentence) => ctx.localize(sentence));
  if (!ctx.is2008R2) {
    ctx.emit(source, 'ha21502', failAt + 30, [
      res,
      vm.name,
      [ctx.localize(`Live migration of '${res}' failed.`), ...said].join('\r\n\r\n'),
    ]);
  }
  ctx.emit(source, 'ha21111', failAt + 60, [res]);
  ctx.log(
    source,
    failAt + 90,
    'WARN',
    `[RCM] rcm::RcmGroup::Move: live migration of group '${vm.name}' to node ${destination}(${ctx.nodeId(destination)}) failed; the group stays on ${source}(${ctx.nodeId(source)}).`,
  );
}
