/**
 * Timeline steps that are not migrations: network failures, cluster service and RHS restarts,
 * node loss, cancelled backups and CSV pauses, as events and cluster log lines on the nodes that see them.
 */
import type { SimulationContext } from './simulation-context.js';
import type { TimelineStep } from './scenario-types.js';

type ClusterStep = Exclude<TimelineStep, { kind: 'live-migration' | 'quick-migration' }>;

/** Writes what one cluster step leaves in the logs. */
export function runClusterStep(ctx: SimulationContext, step: ClusterStep, t: number): void {
  switch (step.kind) {
    case 'network-down':
    case 'network-up': {
      const index = ctx.scenario.networks.findIndex((n) => n.name === step.network);
      const net = ctx.scenario.networks[index];
      if (!net) throw new Error(`unknown network ${step.network}`);
      const down = step.kind === 'network-down';
      if (down) ctx.downNetworks.add(net.name);
      else ctx.downNetworks.delete(net.name);
      for (const name of ctx.upNodes()) {
        const node = ctx.state(name).logs.node;
        for (const peer of ctx.scenario.nodes.filter((p) => p.name !== name)) {
          ctx.log(
            name,
            t + ctx.rng.int(0, 400),
            'INFO',
            `[IM] Marking Route from ${ctx.addressOf(node, index)}:~3343~ to ${ctx.addressOf(peer, index)}:~3343~ as ${down ? 'down' : 'up'}`,
          );
        }
        if (step.clusterLogOnly) continue;
        if (down) {
          ctx.emit(name, 'fc1127', t + 800, [
            `${name} - ${net.adapter}`,
            ctx.nodeInEvents(name),
            net.name,
          ]);
          ctx.emit(name, 'fc1130', t + 1200, [net.name]);
        } else {
          ctx.emit(name, 'fc1128', t + 900, [net.name]);
        }
      }
      return;
    }
    case 'cluster-service-restart': {
      const s = ctx.state(step.node);
      ctx.log(step.node, t, 'INFO', '[CS] Service Stopping...');
      ctx.log(step.node, t + 1800, 'INFO', '[CS] Service Stopped...');
      ctx.emit(
        step.node,
        'scm7036',
        t + 2100,
        ['Cluster Service', ctx.serviceState.stopped],
        'ClusSvc',
      );
      const startAt = t + step.downS * 1000;
      s.clussvcPid = (s.clussvcPid + 0x2a4) & 0xfffc;
      s.rhsPid = (s.rhsPid + 0x1c8) & 0xfffc;
      ctx.log(step.node, startAt, 'INFO', '---+ LOG BEGIN +---');
      ctx.log(step.node, startAt + 15, 'INFO', '[CS] Starting clussvc as a service');
      ctx.emit(
        step.node,
        'scm7036',
        startAt + 400,
        ['Cluster Service', ctx.serviceState.running],
        'ClusSvc',
      );
      const peer = ctx.scenario.nodes.find((n) => n.name !== step.node);
      if (peer) {
        ctx.log(
          step.node,
          startAt + 6200,
          'INFO',
          `[NODE] Node ${ctx.nodeId(step.node)}: New join with n${peer.id}: stage: 'Join Succeeded'`,
        );
      }
      return;
    }
    case 'rhs-restart': {
      const s = ctx.state(step.node);
      const res = ctx.resourceName(step.vm);
      ctx.log(
        step.node,
        t,
        'ERR',
        `[RHS] RhsCall::DeadlockMonitor: Call ISALIVE timed out by 218 milliseconds for resource '${res}'.`,
        'rhs',
      );
      ctx.emit(step.node, 'fc1230', t + 300, [res, 'Virtual Machine', 'vmclusres.dll']);
      ctx.log(
        step.node,
        t + 320,
        'WARN',
        `[RCM] rcm::RcmResource::HandleMonitorReply: Resource '${res}' has crashed or deadlocked; marking it to run in a separate monitor.`,
      );
      ctx.emit(step.node, 'fc1146', t + 900, []);
      s.rhsPid = (s.rhsPid + 0x354) & 0xfffc;
      ctx.log(
        step.node,
        t + 1400,
        'INFO',
        `[RCM] rcm::RcmMonitor::RestartResources: Monitor restart for resource ${res}`,
      );
      ctx.log(
        step.node,
        t + 2100,
        'INFO',
        `[RCM] rcm::RcmResource::ReattachToMonitorProcess: (${res}, Online)`,
      );
      ctx.log(
        step.node,
        t + 2150,
        'INFO',
        `[RCM] Separate monitor flag has changed for resource '${res}'.  Now hosted by RHS process ${s.rhsPid}`,
      );
      return;
    }
    case 'node-down': {
      const victim = ctx.state(step.node);
      victim.down = true;
      victim.logs.crashedAtMs = t;
      const gone = ctx.nodeId(step.node);
      for (const name of ctx.upNodes()) {
        const me = ctx.nodeId(name);
        ctx.log(name, t + 5100, 'INFO', `[NODE] Node ${me}: Cleaning up connections for n${gone}.`);
        const members = ctx.scenario.nodes.map((n) => n.id);
        const remaining = members.filter((id) => id !== gone);
        ctx.log(
          name,
          t + 5300,
          'INFO',
          `[CORE] Node ${me}: New View is <ViewChanged joiners=() downers=(${gone}) newView=${remaining.length}0${remaining.length + 3}(${remaining.join(' ')}) oldView=${members.length}0${members.length + 1}(${members.join(' ')}) joiner=false form=false/> (Start Dispatch)`,
        );
        ctx.emit(name, 'fc1135', t + 5600, [ctx.nodeInEvents(step.node)]);
      }
      return;
    }
    case 'csv-paused': {
      const status = 'STATUS_IO_TIMEOUT(c00000b5)';
      for (const name of ctx.upNodes()) {
        ctx.emit(name, 'fc5120', t + ctx.rng.int(0, 300), [step.csv, 'Cluster Disk 2', status]);
        ctx.emit(name, 'fc5142', t + step.lostAfterS * 1000 + ctx.rng.int(0, 300), [
          step.csv,
          'Cluster Disk 2',
          'ERROR_TIMEOUT(1460)',
        ]);
      }
      return;
    }
    case 'csv-resumed': {
      for (const name of ctx.upNodes())
        ctx.emit(name, 'fc5122', t + ctx.rng.int(0, 300), [step.csv, 'Cluster Disk 2']);
      return;
    }
    case 'backup-cancelled': {
      ctx.emit(step.node, 'fc5136', t, [step.csv, 'Cluster Disk 2']);
      for (const name of ctx.upNodes().filter((n) => n !== step.node)) {
        ctx.emit(name, 'fc5121', t + 700, [step.csv, 'Cluster Disk 2']);
      }
      return;
    }
  }
}
