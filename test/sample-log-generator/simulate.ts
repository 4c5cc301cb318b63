/**
 * Walks a scenario's timeline and produces, per node, the events of each channel and the
 * cluster log lines, plus the migrations lmdoctor is expected to rebuild. Pure and
 * deterministic: all randomness comes from the scenario's seed, all time from its timeline.
 */
import { runClusterStep } from './simulate-cluster-steps.js';
import { liveMigration, quickMigration } from './simulate-migrations.js';
import {
  parseUtc,
  SimulationContext,
  ticksPerMs,
  unixEpochTicks,
  type SimulationResult,
} from './simulation-context.js';
import type { Scenario } from './scenario-types.js';

export type {
  ClusterLogEntry,
  ExpectedMigration,
  NodeLogs,
  SimulationResult,
} from './simulation-context.js';

/** Runs the scenario. Pure. */
export function simulate(scenario: Scenario): SimulationResult {
  const ctx = new SimulationContext(scenario);
  const { rng } = ctx;

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
      ctx.emit(node.name, 'scm7036', at, [display, ctx.serviceState.running], key);
      ctx.emit(
        node.name,
        'scm7036',
        at + rng.int(20_000, 110_000),
        [display, ctx.serviceState.stopped],
        key,
      );
      const peer = rng.pick(scenario.nodes.filter((n) => n.name !== node.name));
      if (peer)
        ctx.log(
          node.name,
          at + rng.int(0, 5000),
          'INFO',
          `[NM] Received request from client address ${peer.name}.`,
        );
    }
  }

  // The live-migration network list, logged when the cluster service starts (2012 and later).
  if (!ctx.is2008R2) {
    const lmNets = scenario.networks.filter((n) => n.liveMigration);
    for (const node of scenario.nodes) {
      const ips = lmNets.map((n) => ctx.addressOf(node, scenario.networks.indexOf(n))).join(', ');
      ctx.emit(node.name, 'ha21122', startMs + 1500 + node.id * 40, [
        lmNets.map((n) => n.name).join(', '),
        ips,
      ]);
    }
  }

  const steps = [...scenario.timeline].sort((a, b) => parseUtc(a.at) - parseUtc(b.at));
  for (const step of steps) {
    const t = parseUtc(step.at);
    // Administrators do not click on whole seconds.
    if (step.kind === 'live-migration') liveMigration(ctx, step, t + rng.int(0, 999));
    else if (step.kind === 'quick-migration') quickMigration(ctx, step, t + rng.int(0, 999));
    else runClusterStep(ctx, step, t);
  }

  // Number the records of every channel in time order, from a per-node starting point.
  for (const s of ctx.states.values()) {
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
    nodes: [...ctx.states.values()].map((s) => s.logs),
    migrations: ctx.migrations,
    vmOwners: ctx.owners,
    downNetworks: ctx.downNetworks,
    migrationFailureReason: ctx.migrationFailureReason,
  };
}
