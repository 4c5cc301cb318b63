/**
 * Shared state of one simulation run (nodes, owners, process ids, the seeded generator) and the
 * helpers every timeline step uses to write events and cluster log lines.
 */
import {
  buildPayload,
  catalog,
  formatMessage,
  infoOpcodeName,
  levelNames,
  templateIn,
  type EventKey,
} from './event-catalog.js';
import { inventText } from './invent-words.js';
import { resourceNameOf } from './resource-names.js';
import { translateToPortuguese } from './translate-pt-br.js';
import type { GenEvent } from './gen-event.js';
import { Rng } from './rng.js';
import type { CauseId, NodeDefinition, Scenario, VmDefinition } from './scenario-types.js';

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

export const ticksPerMs = 10_000n;
export const unixEpochTicks = 116444736000000000n;

/** Scenario time text → UTC milliseconds; throws on a typo in a scenario. */
export function parseUtc(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad scenario time ${iso}`);
  return ms;
}

/** Seconds with one decimal, as durations are written in events. */
export const secs = (n: number) => n.toFixed(1);

export interface NodeState {
  logs: NodeLogs;
  clussvcPid: number;
  rhsPid: number;
  vmmsPid: number;
  down: boolean;
}

/** Error texts (events.md §1b/§2) used in 21126/21502 and the cluster log. */
export const errors = {
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
  unknownCredentials: {
    code: '0x8009030D',
    hresult: 0x8009030d,
    text: 'The credentials supplied to the package were not recognized',
  },
  connectionReset: {
    code: '0x80072746',
    hresult: 0x80072746,
    text: 'An existing connection was forcibly closed by the remote host.',
  },
  fail: { code: '0x80004005', hresult: 0x80004005, text: 'Unspecified error' },
} as const;

export class SimulationContext {
  readonly rng: Rng;
  readonly states: Map<string, NodeState>;
  readonly owners: Map<string, string>;
  readonly downNetworks = new Set<string>();
  readonly migrationFailureReason = new Map<string, number>();
  readonly migrations: ExpectedMigration[] = [];
  readonly is2008R2: boolean;
  /** Service Control Manager writes the state as localised text; only the Binary key is stable. */
  readonly serviceState: { running: string; stopped: string };
  private readonly nodeByName: Map<string, NodeDefinition>;
  private readonly vmByName: Map<string, VmDefinition>;

  constructor(readonly scenario: Scenario) {
    this.rng = new Rng(scenario.seed);
    this.nodeByName = new Map(scenario.nodes.map((n) => [n.name, n]));
    this.vmByName = new Map(scenario.vms.map((v) => [v.name, v]));
    this.states = new Map(
      scenario.nodes.map((node) => [
        node.name,
        {
          logs: { node, events: new Map(), clusterLog: [], crashedAtMs: null },
          clussvcPid: this.rng.int(0x400, 0x3000) & ~3,
          rhsPid: this.rng.int(0x400, 0x3000) & ~3,
          vmmsPid: this.rng.int(0x400, 0x3000) & ~3,
          down: false,
        },
      ]),
    );
    this.owners = new Map(scenario.vms.map((v) => [v.name, v.owner]));
    this.is2008R2 = scenario.windows === '2008R2';
    this.serviceState =
      scenario.locale === 'pt-BR'
        ? { running: 'em execução', stopped: 'parado' }
        : scenario.locale === 'x-invented'
          ? { running: inventText('running'), stopped: inventText('stopped') }
          : { running: 'running', stopped: 'stopped' };
  }

  /** A VM's cluster resource name (`Virtual Machine X` unless the scenario names it otherwise). */
  resourceName(vm: string, kind: 'vm' | 'configuration' = 'vm'): string {
    return resourceNameOf(this.scenario, vm, kind);
  }

  /** How events name a node: its short name, or in `mixed` scenarios its lower-case FQDN. */
  nodeInEvents(node: string): string {
    return this.scenario.nodeNames === 'mixed'
      ? `${node}.${this.scenario.domain}`.toLowerCase()
      : node;
  }

  /**
   * An English text written by Hyper-V (a failure chain) in the scenario's display language:
   * pt-BR from our own translations, the invented language word by word; names in quotes,
   * codes and paths stay as they are.
   */
  localize(english: string): string {
    if (this.scenario.locale === 'pt-BR') return translateToPortuguese(english);
    if (this.scenario.locale === 'x-invented') return inventText(english);
    return english;
  }

  state(name: string): NodeState {
    const s = this.states.get(name);
    if (!s) throw new Error(`unknown node ${name} in scenario ${this.scenario.folder}`);
    return s;
  }

  vmOf(name: string): VmDefinition {
    const v = this.vmByName.get(name);
    if (!v) throw new Error(`unknown VM ${name} in scenario ${this.scenario.folder}`);
    return v;
  }

  nodeId(name: string): number {
    return this.nodeByName.get(name)?.id ?? 0;
  }

  tid(): number {
    return this.rng.int(0x100, 0x3fff) & ~3;
  }

  upNodes(): string[] {
    return this.scenario.nodes.filter((n) => !this.state(n.name).down).map((n) => n.name);
  }

  addressOf(node: NodeDefinition, networkIndex: number): string {
    const net = this.scenario.networks[networkIndex];
    return net ? net.subnet.replace(/\.0$/, `.${node.hostOctet}`) : '';
  }

  /** Writes catalog event `key` on `node` at true time `ms` (the node's clock skew is added). */
  emit(node: string, key: EventKey, ms: number, values: string[], serviceKey?: string): void {
    const s = this.state(node);
    if (s.down) return;
    const entry = catalog[key];
    const skewed = ms + (s.logs.node.clockSkewMs ?? 0);
    const time = BigInt(skewed) * ticksPerMs + unixEpochTicks + BigInt(this.rng.int(0, 9999));
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
      computer: `${node}.${this.scenario.domain}`,
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
      threadId: this.tid(),
      payload: buildPayload(entry, values, serviceKey),
      rendering: {
        culture: this.scenario.locale,
        message: formatMessage(templateIn(entry, this.scenario.locale), values),
        level: levelNames[this.scenario.locale][entry.level],
        task: '',
        opcode: infoOpcodeName[this.scenario.locale],
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
  }

  /** Writes a cluster log line on `node` from clussvc or the RHS process. */
  log(
    node: string,
    ms: number,
    level: ClusterLogEntry['level'],
    text: string,
    process: 'clussvc' | 'rhs' = 'clussvc',
  ): void {
    const s = this.state(node);
    if (s.down) return;
    s.logs.clusterLog.push({
      ms,
      pid: process === 'rhs' ? s.rhsPid : s.clussvcPid,
      tid: this.tid(),
      level,
      text,
    });
  }
}
