/**
 * Walks a scenario's timeline and produces, per node, the events of each channel and the
 * cluster log lines, plus the migrations lmdoctor is expected to rebuild. Pure and
 * deterministic: all randomness comes from the scenario's seed, all time from its timeline.
 */
import {
  buildPayload,
  catalog,
  formatMessage,
  infoOpcodeName,
  levelNames,
  type EventKey,
} from './event-catalog.js';
import type { GenEvent } from './gen-event.js';
import { Rng } from './rng.js';
import type {
  CauseId,
  NodeDefinition,
  Scenario,
  TimelineStep,
  VmDefinition,
} from './scenario-types.js';

export interface ClusterLogEntry {
  /** True UTC milliseconds (the node's skew is applied when written). */
  ms: number;
  pid: number;
  tid: number;
  level: 'INFO' | 'WARN' | 'ERR' | 'DBG';
  text: string;
}

export interface NodeLogs {
  node: NodeDefinition;
  events: Map<string, GenEvent[]>;
  clusterLog: ClusterLogEntry[];
  /** Logs stop here (the node crashed before collection); null = collected normally. */
  crashedAtMs: number | null;
}

export interface ExpectedMigration {
  vm: string;
  kind: 'live' | 'quick';
  sourceNode: string;
  destinationNode: string;
  requestedAt: string;
  outcome: 'succeeded' | 'failed';
  failureSide: 'source' | 'destination' | null;
  errorCode: string | null;
  cause: CauseId | null;
}

export interface SimulationResult {
  nodes: NodeLogs[];
  migrations: ExpectedMigration[];
  vmOwners: Map<string, string>;
  downNetworks: Set<string>;
  /** HRESULT of the last failed migration per VM (cluster resource MigrationFailureReason). */
  migrationFailureReason: Map<string, number>;
}

const ticksPerMs = 10_000n;
const unixEpochTicks = 116444736000000000n;

export function parseUtc(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad scenario time ${iso}`);
  return ms;
}

interface NodeState {
  logs: NodeLogs;
  clussvcPid: number;
  rhsPid: number;
  vmmsPid: number;
  down: boolean;
}

/** Error texts (events.md §1b/§2) used in 21126/21502 and the cluster log. */
const errors = {
  networkNotAvailable: {
    code: '0x000013AB',
    hresult: 0x800713ab,
    text: 'A cluster network is not available for this operation.',
  },
  busy: {
    code: '0x800700AA',
    hresult: 0x800700aa,
    text: 'The migration failed because another migration was in progress.',
  },
  noCredentials: {
    code: '0x8009030E',
    hresult: 0x8009030e,
    text: 'No credentials are available in the security package',
  },
  connectionReset: {
    code: '0x80072746',
    hresult: 0x80072746,
    text: 'An existing connection was forcibly closed by the remote host.',
  },
  fail: { code: '0x80004005', hresult: 0x80004005, text: 'Unspecified error' },
} as const;

/** Runs the scenario. Pure. */
export function simulate(scenario: Scenario): SimulationResult {
  const rng = new Rng(scenario.seed);
  const nodeByName = new Map(scenario.nodes.map((n) => [n.name, n]));
  const vmByName = new Map(scenario.vms.map((v) => [v.name, v]));
  const states = new Map<string, NodeState>(
    scenario.nodes.map((node) => [
      node.name,
      {
        logs: { node, events: new Map(), clusterLog: [], crashedAtMs: null },
        clussvcPid: rng.int(0x400, 0x3000) & ~3,
        rhsPid: rng.int(0x400, 0x3000) & ~3,
        vmmsPid: rng.int(0x400, 0x3000) & ~3,
        down: false,
      },
    ]),
  );
  const owners = new Map(scenario.vms.map((v) => [v.name, v.owner]));
  const downNetworks = new Set<string>();
  const migrationFailureReason = new Map<string, number>();
  const migrations: ExpectedMigration[] = [];
  const is2008R2 = scenario.windows === '2008R2';

  const state = (name: string): NodeState => {
    const s = states.get(name);
    if (!s) throw new Error(`unknown node ${name} in scenario ${scenario.folder}`);
    return s;
  };
  const vmOf = (name: string): VmDefinition => {
    const v = vmByName.get(name);
    if (!v) throw new Error(`unknown VM ${name} in scenario ${scenario.folder}`);
    return v;
  };
  const nodeId = (name: string) => nodeByName.get(name)?.id ?? 0;
  const tid = () => rng.int(0x100, 0x3fff) & ~3;

  const emit = (
    node: string,
    key: EventKey,
    ms: number,
    values: string[],
    serviceKey?: string,
  ): void => {
    const s = state(node);
    if (s.down) return;
    const entry = catalog[key];
    const skewed = ms + (s.logs.node.clockSkewMs ?? 0);
    const time = BigInt(skewed) * ticksPerMs + unixEpochTicks + BigInt(rng.int(0, 9999));
    const pid =
      entry.provider.name === 'Microsoft-Windows-Hyper-V-VMMS'
        ? s.vmmsPid
        : entry.provider.name === 'Microsoft-Windows-Hyper-V-High-Availability'
          ? s.rhsPid
          : entry.provider.name === 'Service Control Manager'
            ? 0x2b4
            : s.clussvcPid;
    const event: GenEvent = {
      node,
      computer: `${node}.${scenario.domain}`,
      channel: entry.channel,
      provider: entry.provider,
      eventId: entry.eventId,
      version: 0,
      level: entry.level,
      task: 0,
      opcode: 0,
      keywords: entry.keywords,
      time,
      recordId: 0,
      processId: pid,
      threadId: tid(),
      payload: buildPayload(entry, values, serviceKey),
      rendering: {
        culture: scenario.locale,
        message: formatMessage(entry.message[scenario.locale], values),
        level: levelNames[scenario.locale][entry.level],
        task: '',
        opcode: infoOpcodeName[scenario.locale],
        channel: entry.channel,
        provider: entry.provider.name,
        keywords: entry.keywords === 0x8080000000000000n ? ['Classic'] : [],
      },
    };
    if ('qualifiers' in entry) event.qualifiers = entry.qualifiers;
    if (entry.provider.name === 'Microsoft-Windows-Hyper-V-VMMS') event.userSid = 'S-1-5-18';
    const list = s.logs.events.get(entry.channel) ?? [];
    list.push(event);
    s.logs.events.set(entry.channel, list);
  };

  const log = (
    node: string,
    ms: number,
    level: ClusterLogEntry['level'],
    text: string,
    process: 'clussvc' | 'rhs' = 'clussvc',
  ) => {
    const s = state(node);
    if (s.down) return;
    s.logs.clusterLog.push({
      ms,
      pid: process === 'rhs' ? s.rhsPid : s.clussvcPid,
      tid: tid(),
      level,
      text,
    });
  };

  const upNodes = () => scenario.nodes.filter((n) => !state(n.name).down).map((n) => n.name);
  const addressOf = (node: NodeDefinition, networkIndex: number) => {
    const net = scenario.networks[networkIndex];
    return net ? net.subnet.replace(/\.0$/, `.${node.hostOctet}`) : '';
  };
  const secs = (n: number) => n.toFixed(1);

  // Service Control Manager writes the state as localised text; only the Binary key is stable.
  const serviceState =
    scenario.locale === 'pt-BR'
      ? { running: 'em execução', stopped: 'parado' }
      : { running: 'running', stopped: 'stopped' };

  // Background noise: service state changes and cluster chatter on every node.
  const startMs = parseUtc(scenario.start);
  const endMs = parseUtc(scenario.end);
  const noiseServices = [
    ['Windows Modules Installer', 'TrustedInstaller'],
    ['WinHTTP Web Proxy Auto-Discovery Service', 'WinHttpAutoProxySvc'],
    ['Windows Update', 'wuauserv'],
    ['Application Experience', 'AeLookupSvc'],
    ['Software Protection', 'sppsvc'],
    ['Portable Device Enumerator Service', 'WPDBusEnum'],
  ] as const;
  for (const node of scenario.nodes) {
    const count = Math.round(((endMs - startMs) / 3_600_000) * scenario.noisePerHour);
    for (let i = 0; i < count; i++) {
      const at = startMs + Math.floor(rng.next() * (endMs - startMs - 120_000));
      const [display, key] = rng.pick(noiseServices);
      emit(node.name, 'scm7036', at, [display, serviceState.running], key);
      emit(
        node.name,
        'scm7036',
        at + rng.int(20_000, 110_000),
        [display, serviceState.stopped],
        key,
      );
      const peer = rng.pick(scenario.nodes.filter((n) => n.name !== node.name));
      if (peer)
        log(
          node.name,
          at + rng.int(0, 5000),
          'INFO',
          `[NM] Received request from client address ${peer.name}.`,
        );
    }
  }

  // The live-migration network list, logged when the cluster service starts (2012 and later).
  if (!is2008R2) {
    const lmNets = scenario.networks.filter((n) => n.liveMigration);
    for (const node of scenario.nodes) {
      const ips = lmNets.map((n) => addressOf(node, scenario.networks.indexOf(n))).join(', ');
      emit(node.name, 'ha21122', startMs + 1500 + node.id * 40, [
        lmNets.map((n) => n.name).join(', '),
        ips,
      ]);
    }
  }

  const steps = [...scenario.timeline].sort((a, b) => parseUtc(a.at) - parseUtc(b.at));
  for (const step of steps) {
    runStep(step);
  }

  function runStep(step: TimelineStep): void {
    const t = parseUtc(step.at);
    switch (step.kind) {
      case 'network-down':
      case 'network-up': {
        const index = scenario.networks.findIndex((n) => n.name === step.network);
        const net = scenario.networks[index];
        if (!net) throw new Error(`unknown network ${step.network}`);
        const down = step.kind === 'network-down';
        if (down) downNetworks.add(net.name);
        else downNetworks.delete(net.name);
        for (const name of upNodes()) {
          const node = state(name).logs.node;
          for (const peer of scenario.nodes.filter((p) => p.name !== name)) {
            log(
              name,
              t + rng.int(0, 400),
              'INFO',
              `[IM] Marking Route from ${addressOf(node, index)}:~3343~ to ${addressOf(peer, index)}:~3343~ as ${down ? 'down' : 'up'}`,
            );
          }
          if (down) {
            emit(name, 'fc1127', t + 800, [`${name} - ${net.adapter}`, name, net.name]);
            emit(name, 'fc1130', t + 1200, [net.name]);
          } else {
            emit(name, 'fc1128', t + 900, [net.name]);
          }
        }
        return;
      }
      case 'cluster-service-restart': {
        const s = state(step.node);
        log(step.node, t, 'INFO', '[CS] Service Stopping...');
        log(step.node, t + 1800, 'INFO', '[CS] Service Stopped...');
        emit(step.node, 'scm7036', t + 2100, ['Cluster Service', serviceState.stopped], 'ClusSvc');
        const startAt = t + step.downS * 1000;
        s.clussvcPid = (s.clussvcPid + 0x2a4) & 0xfffc;
        s.rhsPid = (s.rhsPid + 0x1c8) & 0xfffc;
        log(step.node, startAt, 'INFO', '---+ LOG BEGIN +---');
        log(step.node, startAt + 15, 'INFO', '[CS] Starting clussvc as a service');
        emit(
          step.node,
          'scm7036',
          startAt + 400,
          ['Cluster Service', serviceState.running],
          'ClusSvc',
        );
        const peer = scenario.nodes.find((n) => n.name !== step.node);
        if (peer) {
          log(
            step.node,
            startAt + 6200,
            'INFO',
            `[NODE] Node ${nodeId(step.node)}: New join with n${peer.id}: stage: 'Join Succeeded'`,
          );
        }
        return;
      }
      case 'rhs-restart': {
        const s = state(step.node);
        const res = `Virtual Machine ${step.vm}`;
        log(
          step.node,
          t,
          'ERR',
          `[RHS] RhsCall::DeadlockMonitor: Call ISALIVE timed out by 218 milliseconds for resource '${res}'.`,
          'rhs',
        );
        emit(step.node, 'fc1230', t + 300, [res, 'Virtual Machine', 'vmclusres.dll']);
        log(
          step.node,
          t + 320,
          'WARN',
          `[RCM] rcm::RcmResource::HandleMonitorReply: Resource '${res}' has crashed or deadlocked; marking it to run in a separate monitor.`,
        );
        emit(step.node, 'fc1146', t + 900, []);
        s.rhsPid = (s.rhsPid + 0x354) & 0xfffc;
        log(
          step.node,
          t + 1400,
          'INFO',
          `[RCM] rcm::RcmMonitor::RestartResources: Monitor restart for resource ${res}`,
        );
        log(
          step.node,
          t + 2100,
          'INFO',
          `[RCM] rcm::RcmResource::ReattachToMonitorProcess: (${res}, Online)`,
        );
        log(
          step.node,
          t + 2150,
          'INFO',
          `[RCM] Separate monitor flag has changed for resource '${res}'.  Now hosted by RHS process ${s.rhsPid}`,
        );
        return;
      }
      case 'node-down': {
        const victim = state(step.node);
        victim.down = true;
        victim.logs.crashedAtMs = t;
        const gone = nodeId(step.node);
        for (const name of upNodes()) {
          const me = nodeId(name);
          log(name, t + 5100, 'INFO', `[NODE] Node ${me}: Cleaning up connections for n${gone}.`);
          const members = scenario.nodes.map((n) => n.id);
          const remaining = members.filter((id) => id !== gone);
          log(
            name,
            t + 5300,
            'INFO',
            `[CORE] Node ${me}: New View is <ViewChanged joiners=() downers=(${gone}) newView=${remaining.length}0${remaining.length + 3}(${remaining.join(' ')}) oldView=${members.length}0${members.length + 1}(${members.join(' ')}) joiner=false form=false/> (Start Dispatch)`,
          );
          emit(name, 'fc1135', t + 5600, [step.node]);
        }
        return;
      }
      case 'backup-cancelled': {
        emit(step.node, 'fc5136', t, [step.csv, 'Cluster Disk 2']);
        for (const name of upNodes().filter((n) => n !== step.node)) {
          emit(name, 'fc5121', t + 700, [step.csv, 'Cluster Disk 2']);
        }
        return;
      }
      case 'quick-migration':
        quickMigration(step, t + rng.int(0, 999));
        return;
      case 'live-migration':
        // Administrators do not click on whole seconds.
        liveMigration(step, t + rng.int(0, 999));
        return;
    }
  }

  function quickMigration(
    step: Extract<TimelineStep, { kind: 'quick-migration' }>,
    t: number,
  ): void {
    const vm = vmOf(step.vm);
    const source = owners.get(vm.name) ?? vm.owner;
    const destination = step.to;
    const res = `Virtual Machine ${vm.name}`;
    const end = t + step.durationS * 1000;
    migrations.push({
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
    log(source, t, 'INFO', `[RCM] rcm::RcmApi::MoveGroup: (${vm.name}, ${nodeId(destination)})`);
    log(
      source,
      t + 20,
      'INFO',
      `[RCM] rcm::RcmGroup::Move: Bringing group '${vm.name}' offline first...`,
    );
    log(source, t + 40, 'INFO', `[RCM] TransitionToState(${vm.name}) Online-->OfflineCallIssued.`);
    log(
      source,
      t + 90,
      'INFO',
      `[RES] Virtual Machine <${res}>: Saving the virtual machine before the move (OfflineAction 1).`,
      'rhs',
    );
    const offline = t + step.durationS * 600;
    log(
      source,
      offline,
      'INFO',
      `[RHS] Resource ${res} has come offline. RHS is about to report resource status to RCM.`,
      'rhs',
    );
    log(
      source,
      offline + 60,
      'INFO',
      `[RCM] move of group ${vm.name} from ${source}(${nodeId(source)}) to ${destination}(${nodeId(destination)}) of type MoveType::Manual is about to succeed, failoverCount=0, lastFailoverTime=1601/01/01-00:00:00.000 targeted=true`,
    );
    emit(destination, 'ha21119', end - 200, [res]);
    log(
      destination,
      end,
      'INFO',
      `[RHS] Resource ${res} has come online. RHS is about to report status change to RCM`,
      'rhs',
    );
    owners.set(vm.name, destination);
  }

  function liveMigration(step: Extract<TimelineStep, { kind: 'live-migration' }>, t: number): void {
    const vm = vmOf(step.vm);
    const source = owners.get(vm.name) ?? vm.owner;
    const destination = step.to;
    const res = `Virtual Machine ${vm.name}`;
    const vmId = vm.id;
    log(source, t, 'INFO', `[RCM] rcm::RcmApi::MoveGroup: (${vm.name}, ${nodeId(destination)})`);
    log(
      source,
      t + 30,
      'INFO',
      `[RCM] rcm::RcmGroup::Move: Moving group '${vm.name}' to node ${destination}(${nodeId(destination)}) by live migration.`,
    );
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
    migrations.push(expected);

    if (step.outcome.result === 'succeeded') {
      const { durationS, blackoutS } = step.outcome;
      const end = t + durationS * 1000;
      if (step.outcome.slow) expected.cause = 'csv-redirected-io';
      log(
        source,
        t + 150,
        'INFO',
        `[RES] Virtual Machine <${res}>: Live migration of '${res}' to node '${destination}' started.`,
        'rhs',
      );
      emit(source, 'ha21300', t + 200, [vmId, res]);
      emit(destination, 'ha21306', t + 650, [vmId, res]);
      const offlineAt = end - blackoutS * 1000 - 600;
      emit(source, 'ha21302', offlineAt, [vmId]);
      emit(source, 'ha21303', offlineAt + blackoutS * 600, [vmId, secs(blackoutS * 0.6)]);
      emit(source, 'ha21304', offlineAt + blackoutS * 600 + 20, [vmId]);
      emit(source, 'ha21305', end - 300, [vmId, secs(blackoutS * 0.4)]);
      emit(destination, 'ha21308', offlineAt + 200, [vmId]);
      emit(destination, 'ha21309', end - 150, [vmId, secs(blackoutS)]);
      if (step.outcome.slow) {
        emit(source, 'vmms20417', end - 100, [vm.name, vmId, secs(blackoutS)]);
      } else {
        emit(source, 'vmms20415', end - 100, [vm.name, vmId, secs(blackoutS)]);
      }
      emit(source, 'ha21301', end, [vmId, secs(durationS), res]);
      emit(destination, 'ha21307', end + 120, [vmId, secs(durationS), res]);
      log(
        source,
        end + 10,
        'INFO',
        `[RCM] move of group ${vm.name} from ${source}(${nodeId(source)}) to ${destination}(${nodeId(destination)}) of type MoveType::Manual is about to succeed, failoverCount=0, lastFailoverTime=1601/01/01-00:00:00.000 targeted=true`,
      );
      log(
        destination,
        end + 300,
        'INFO',
        `[RHS] Resource ${res} has come online. RHS is about to report status change to RCM`,
        'rhs',
      );
      owners.set(vm.name, destination);
      migrationFailureReason.set(vm.name, 0);
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
        emit(source, 'ha21126', failAt, [destination, detail.text, detail.code]);
        chain = [
          `Failed to get the network address for the destination node '${destination}': ${detail.text} (${detail.code}).`,
        ];
        break;
      case 'virtual-network-name-mismatch':
        emit(source, 'ha21125', failAt, []);
        expected.failureSide = 'destination';
        chain = [catalog.ha21125.message['en-US']];
        break;
      case 'switch-port-name-conflict':
        emit(source, 'ha21203', failAt, [vm.switchName]);
        expected.failureSide = 'destination';
        chain = [`Failed to create virtual network switch port ${vm.switchName}.`];
        break;
      case 'processor-incompatible':
        emit(source, 'ha21300', t + 200, [vmId, res]);
        chain = [
          atSource,
          `Virtual machine '${vm.name}' is using processor-specific features not supported on host '${destination}'.`,
        ];
        break;
      case 'concurrent-migration':
        detail = errors.busy;
        chain = [`${detail.text} (${detail.code})`];
        break;
      case 'authentication-failed':
        detail = errors.noCredentials;
        emit(source, 'ha21300', t + 200, [vmId, res]);
        chain = [
          atSource,
          `Failed to establish a connection with host '${destination}': ${detail.text} (${detail.code}).`,
        ];
        break;
      case 'node-down':
        detail = errors.connectionReset;
        emit(source, 'ha21300', t + 200, [vmId, res]);
        emit(destination, 'ha21306', t + 650, [vmId, res]);
        chain = [
          atSource,
          `Failed to send data for a Virtual Machine migration: ${detail.text} (${detail.code})`,
        ];
        break;
      case 'cleanup-not-finished':
        emit(source, 'ha21121', failAt, [res, errors.fail.text, errors.fail.code]);
        expected.failureSide = 'destination';
        chain = [
          `'${res}' failed to cleanup the configuration on the target node prior to a migration: ${errors.fail.text} (${errors.fail.code}).`,
        ];
        break;
      case 'system-drive-mismatch': {
        emit(source, 'ha21300', t + 200, [vmId, res]);
        emit(destination, 'ha21306', t + 650, [vmId, res]);
        emit(destination, 'ha21102', failAt - 400, [res]);
        expected.failureSide = 'destination';
        const path = `${state(source).logs.node.systemDrive}\\ClusterStorage\\Volume1\\${vm.name}`;
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
      case 'csv-redirected-io':
        break;
    }
    if (detail !== errors.fail) expected.errorCode = detail.code;
    migrationFailureReason.set(vm.name, detail.hresult);
    log(
      source,
      failAt - 40,
      'ERR',
      `[RES] Virtual Machine <${res}>: ${chain.join(' ')}`.trim(),
      'rhs',
    );
    if (!is2008R2) {
      emit(source, 'ha21502', failAt + 30, [
        res,
        vm.name,
        [`Live migration of '${res}' failed.`, ...chain].join('\r\n\r\n'),
      ]);
    }
    emit(source, 'ha21111', failAt + 60, [res]);
    log(
      source,
      failAt + 90,
      'WARN',
      `[RCM] rcm::RcmGroup::Move: live migration of group '${vm.name}' to node ${destination}(${nodeId(destination)}) failed; the group stays on ${source}(${nodeId(source)}).`,
    );
  }

  // Number the records of every channel in time order, from a per-node starting point.
  for (const s of states.values()) {
    const crashed = s.logs.crashedAtMs;
    if (crashed !== null) {
      const limit = BigInt(crashed + (s.logs.node.clockSkewMs ?? 0)) * ticksPerMs + unixEpochTicks;
      for (const [channel, list] of s.logs.events)
        s.logs.events.set(
          channel,
          list.filter((e) => e.time < limit),
        );
      s.logs.clusterLog = s.logs.clusterLog.filter((l) => l.ms < crashed);
    }
    for (const [channel, list] of s.logs.events) {
      list.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
      let next = rng.int(channel === 'System' ? 20_000 : 300, channel === 'System' ? 90_000 : 4000);
      for (const e of list) e.recordId = next++;
    }
    s.logs.clusterLog.sort((a, b) => a.ms - b.ms);
  }

  return {
    nodes: [...states.values()].map((s) => s.logs),
    migrations,
    vmOwners: owners,
    downNetworks,
    migrationFailureReason,
  };
}
