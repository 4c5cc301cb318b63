/**
 * `<node>_cluster.log` in the grammar of its Windows version (cluster-log.md §2–§4): the
 * `PID.TID::YYYY/MM/DD-HH:MM:SS.mmm LEVEL  [COMP] text` lines, and on 2016+ the header sections
 * before `[=== Cluster Logs ===]`. The header's exact wording is CONSTRUCTED from the parsers'
 * regexes (no real header is public).
 */
import { createHash } from 'node:crypto';
import type { ClusterLogEntry, NodeLogs, SimulationResult } from './simulate.js';
import { resourceNameOf } from './resource-names.js';
import type { Scenario } from './scenario-types.js';

const hex8 = (n: number) => n.toString(16).padStart(8, '0');
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Milliseconds → `YYYY/MM/DD-HH:MM:SS.mmm` of that instant as UTC fields. Pure. */
export function clusterLogTime(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}-` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`
  );
}

/** One line; the level token is left-justified in a 6-character field. Pure. */
export function formatClusterLogLine(entry: ClusterLogEntry, shownMs: number): string {
  return `${hex8(entry.pid)}.${hex8(entry.tid)}::${clusterLogTime(shownMs)} ${entry.level.padEnd(6)}${entry.text}`;
}

function header(
  scenario: Scenario,
  logs: NodeLogs,
  sim: SimulationResult,
  localTime: boolean,
): string[] {
  const node = logs.node;
  const offset = -node.utcOffsetMinutes;
  const builds: Partial<Record<Scenario['windows'], string>> = {
    '2016': '14393',
    '2019': '17763',
    '2022': '20348',
  };
  const build = builds[scenario.windows] ?? '17763';
  const lines = [
    '[=== Cluster ===]',
    `UTC = localtime + time zone offset;the time zone offset of this machine is ${offset} minutes, or ${offset / 60} hours`,
    localTime ? 'The logs were generated using local time' : 'The logs were generated using GMT',
    `Build Number ${build}`,
    `Current node: name (${node.name}) id (${node.id})`,
    '',
    '[=== Resources ===]',
    'ObjectId,ObjectName,resourceType,OwnerGroup,_state,_separateMonitor,_restartAction,_restartThreshold,_persistentState,_failureCount,',
  ];
  const fakeId = (seed: string) => {
    const h = createHash('sha256').update(`${scenario.folder}/${seed}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const resourceOf = (vm: string, kind: 'vm' | 'configuration' = 'vm') =>
    resourceNameOf(scenario, vm, kind);
  for (const vm of scenario.vms) {
    lines.push(
      `${fakeId(vm.name)},${resourceOf(vm.name)},Virtual Machine,${vm.name},Online,0,2,1,1,0,`,
    );
    lines.push(
      `${fakeId(`c${vm.name}`)},${resourceOf(vm.name, 'configuration')},Virtual Machine Configuration,${vm.name},Online,0,2,1,1,0,`,
    );
  }
  lines.push(
    '',
    '[=== Groups ===]',
    'ObjectId,ObjectName,_groupType,_pOwnerNode,_state,_failoverThreshold,_moveType,_moveTarget,',
  );
  for (const vm of scenario.vms) {
    const owner = scenario.nodes.find((x) => x.name === sim.vmOwners.get(vm.name));
    lines.push(
      `${fakeId(`g${vm.name}`)},${vm.name},VirtualMachine,${owner?.id ?? 0},Online,4294967295,0,0,`,
    );
  }
  lines.push('', '[=== Nodes ===]', 'Name,Id,state,paused,stopped,NodeNumber,IsLocalNode,');
  for (const x of scenario.nodes) {
    lines.push(`${x.name},${x.id},Up,false,false,${x.id},${x.name === node.name},`);
  }
  lines.push(
    '',
    '[=== Networks ===]',
    'Name,Id,description,role,transport,ignore,state,autoMetric,metric,address,PrefixList,',
  );
  for (const net of scenario.networks) {
    const role = net.role === 'None' ? 0 : net.role === 'Cluster' ? 1 : 3;
    const up = sim.downNetworks.has(net.name) ? 'Down' : 'Up';
    lines.push(
      `${net.name},${net.id},,${role},IPv4,false,${up},false,${net.metric},${net.subnet},${net.subnet}/${net.prefixLength},`,
    );
  }
  // What the System section holds is not known (cluster-log.md §3.1): it is left empty.
  lines.push('', '[=== System ===]', '', '[=== Cluster Logs ===]');
  return lines;
}

/** A node's cluster log file (bytes). Local time when the node's log was made with -UseLocalTime. */
export function writeClusterLog(scenario: Scenario, logs: NodeLogs, sim: SimulationResult): Buffer {
  const node = logs.node;
  const localTime = node.clusterLogLocalTime === true;
  const shift = (node.clockSkewMs ?? 0) + (localTime ? node.utcOffsetMinutes * 60_000 : 0);
  const withHeader = hasClusterLogHeader(scenario);
  const lines = withHeader ? header(scenario, logs, sim, localTime) : [];
  for (const entry of logs.clusterLog) lines.push(formatClusterLogLine(entry, entry.ms + shift));
  const text = lines.map((l) => `${l}\r\n`).join('');
  if (scenario.windows === '2008R2') return Buffer.from(text, 'latin1');
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** Whether the version's Get-ClusterLog writes the header sections (2016 and later). Pure. */
export function hasClusterLogHeader(scenario: Scenario): boolean {
  return scenario.windows === '2016' || scenario.windows === '2019' || scenario.windows === '2022';
}
