/**
 * Checks that compare the configuration of the two nodes of a migration (guide.md
 * requirements: processors, system drive, virtual networks, subnet). Pure.
 */
import type { ConfigRecord } from './case-input.js';
import { missingInputs } from './collect-commands.js';
import {
  configEvidence,
  no,
  rowsOfNode,
  text,
  unknown,
  yes,
  type Check,
  type CheckContext,
  type CheckResult,
} from './check-helpers.js';
import type { MissingInput } from '../model/diagnosis.js';

/**
 * Compares one column between the source's and the destination's rows of a table: yes when
 * the values differ, no when equal, unknown when either node has no row.
 */
function compareNodes(
  context: CheckContext,
  rows: readonly ConfigRecord[],
  column: string,
  what: string,
  missing: MissingInput,
  normalise: (value: string) => string = (v) => v.toLowerCase(),
): CheckResult {
  const { sourceNode, destinationNode } = context.migration;
  const source = rowsOfNode(rows, sourceNode).filter((r) => text(r, column) !== null);
  const destination = rowsOfNode(rows, destinationNode).filter((r) => text(r, column) !== null);
  if (source.length === 0 || destination.length === 0) {
    const lacking = source.length === 0 ? sourceNode : destinationNode;
    return unknown(`no ${what} for ${lacking ?? 'one of the nodes'}`, missing);
  }
  const a = new Set(source.map((r) => normalise(text(r, column)!)));
  const b = new Set(destination.map((r) => normalise(text(r, column)!)));
  const evidence = [source[0]!, destination[0]!].map((r) =>
    configEvidence(r, `${column} ${text(r, column)}`),
  );
  const same = a.size === b.size && [...a].every((v) => b.has(v));
  return same
    ? no(
        `${sourceNode} and ${destinationNode} have the same ${what} (${text(source[0]!, column)})`,
        evidence,
      )
    : yes(
        `different ${what}: ${sourceNode} ${text(source[0]!, column)}, ${destinationNode} ${text(destination[0]!, column)}`,
        evidence,
      );
}

export const architectureDiffers: Check = (c) =>
  compareNodes(
    c,
    c.input.config.processors,
    'architecture',
    'processor architecture',
    missingInputs.processors,
  );

export const vendorDiffers: Check = (c) =>
  compareNodes(
    c,
    c.input.config.processors,
    'manufacturer',
    'processor manufacturer',
    missingInputs.processors,
  );

export const processorModelsDiffer: Check = (c) =>
  compareNodes(
    c,
    c.input.config.processors,
    'model',
    'processor model',
    missingInputs.processors,
    (v) => v.replace(/\s+/g, ' ').toLowerCase(),
  );

export const systemDriveDiffers: Check = (c) =>
  compareNodes(
    c,
    c.input.config.cluster_nodes,
    'system_drive',
    'system drive',
    missingInputs.systemDrives,
    (v) => v.toUpperCase(),
  );

export const switchNamesDiffer: Check = (c) =>
  compareNodes(
    c,
    c.input.config.virtual_switches,
    'name',
    'virtual switch names',
    missingInputs.virtualSwitches,
  );

/** IPv4 dotted text → number, or null. */
function ipv4(value: string): number | null {
  const parts = value.trim().split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map(Number);
  if (bytes.some((b) => !Number.isInteger(b) || b < 0 || b > 255)) return null;
  return bytes.reduce((acc, b) => acc * 256 + b, 0);
}

/** The subnet (address AND mask) of an interface address, as text; null when unreadable. */
export function subnetOf(address: string, mask: string): string | null {
  const a = ipv4(address);
  const m = ipv4(mask);
  if (a === null || m === null) return null;
  const net = Number((BigInt(a) & BigInt(m)).toString());
  return [24, 16, 8, 0].map((shift) => (net >>> shift) & 255).join('.');
}

/** The network names live migration may use for a VM: MigrationNetworkOrder minus exclusions. */
export function migrationNetworksOf(context: CheckContext): {
  allowed: ConfigRecord[];
  setting: ConfigRecord | null;
} {
  const { vm_resources: resources, cluster_networks: networks } = context.input.config;
  const vm = context.migration.vm.toLowerCase();
  const setting =
    resources.find(
      (r) =>
        text(r, 'migration_network_order') !== null &&
        String(r.values.name ?? '').toLowerCase() === `virtual machine ${vm}`,
    ) ??
    resources.find(
      (r) => text(r, 'migration_network_order') !== null && r.values.kind === 'resource-type',
    ) ??
    null;
  if (setting === null) return { allowed: [], setting: null };
  const split = (v: string | null) =>
    (v ?? '')
      .split(/[;,]\s*/)
      .map((s) => s.trim().toLowerCase())
      .filter((s) => s !== '');
  const order = split(text(setting, 'migration_network_order'));
  const excluded = new Set(split(text(setting, 'migration_exclude_networks')));
  const byId = (id: string) =>
    networks.find(
      (n) =>
        String(n.values.network_id ?? '').toLowerCase() === id ||
        String(n.values.name ?? '').toLowerCase() === id,
    );
  const allowed = order
    .filter((id) => !excluded.has(id))
    .map(byId)
    .filter((n): n is ConfigRecord => n !== undefined);
  return { allowed, setting };
}

export const migrationNetworksLeft: Check = (c) => {
  const { allowed, setting } = migrationNetworksOf(c);
  if (setting === null)
    return unknown(
      'no MigrationNetworkOrder setting in the configuration',
      missingInputs.migrationNetworks,
    );
  const evidence = [
    configEvidence(setting, `MigrationNetworkOrder ${text(setting, 'migration_network_order')}`),
  ];
  if (allowed.length === 0)
    return no('every network in MigrationNetworkOrder is excluded or unknown', evidence);
  const up = allowed.filter((n) => String(n.values.state ?? '').toLowerCase() !== 'down');
  evidence.push(
    ...allowed.map((n) =>
      configEvidence(n, `network ${text(n, 'name')} state ${text(n, 'state') ?? '?'}`),
    ),
  );
  return up.length > 0
    ? yes(`live migration may use ${up.map((n) => text(n, 'name')).join(', ')}`, evidence)
    : no(
        `every live-migration network is down in the capture (${allowed.map((n) => text(n, 'name')).join(', ')})`,
        evidence,
      );
};

export const migrationSubnetDiffers: Check = (c) => {
  const { sourceNode, destinationNode } = c.migration;
  const { allowed } = migrationNetworksOf(c);
  const networks = allowed.length > 0 ? allowed : [...c.input.config.cluster_networks];
  const interfaces = c.input.config.network_interfaces;
  if (networks.length === 0 || interfaces.length === 0)
    return unknown('no cluster network or interface listing', missingInputs.networkInterfaces);
  for (const network of networks) {
    const mask = text(network, 'address_mask');
    const name = text(network, 'name');
    if (mask === null || name === null) continue;
    const onNetwork = interfaces.filter(
      (i) => text(i, 'network')?.toLowerCase() === name.toLowerCase(),
    );
    const a = rowsOfNode(onNetwork, sourceNode)[0];
    const b = rowsOfNode(onNetwork, destinationNode)[0];
    if (!a || !b) continue;
    const sa = subnetOf(text(a, 'address') ?? '', mask);
    const sb = subnetOf(text(b, 'address') ?? '', mask);
    if (sa !== null && sb !== null && sa !== sb)
      return yes(`on ${name}, ${sourceNode} is in ${sa} and ${destinationNode} in ${sb}`, [
        configEvidence(a, `address ${text(a, 'address')}`),
        configEvidence(b, `address ${text(b, 'address')}`),
      ]);
  }
  return no(`${sourceNode} and ${destinationNode} share the subnet of each migration network`);
};
