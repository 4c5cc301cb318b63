import type { ConfigRow } from '../../model/config-row.js';
import { shortNodeName } from '../../model/log-event.js';
import { buildConfigRow, type PropertyBag } from '../config/build-config-row.js';
import { guidValue, textValue } from '../config/config-values.js';
import type { HeaderTable } from './cluster-log-header.js';

const vmResourceTypes = new Set(['virtual machine', 'virtual machine configuration']);

/**
 * The 2016+ header tables → configuration rows: `Nodes` → cluster_nodes, `Networks` →
 * cluster_networks, `Network Interfaces` → network_interfaces (node and network ids resolved
 * to names), `Resources` of the Virtual Machine types and the `Groups` holding them →
 * vm_resources (owner node numbers resolved through `Nodes`). Pure.
 */
export function headerConfigRows(tables: Map<string, HeaderTable>): ConfigRow[] {
  const rows: ConfigRow[] = [];
  const nodes = bags(tables.get('Nodes'));
  const nodeNames = new Map<string, string>();
  for (const node of nodes) {
    const name = textValue(node.get('name'));
    if (name === null) continue;
    for (const key of ['id', 'nodenumber']) {
      const value = guidValue(node.get(key));
      if (value !== null) nodeNames.set(value, shortNodeName(name));
    }
    rows.push(buildConfigRow('cluster_nodes', node, null));
  }

  const networkNames = new Map<string, string>();
  for (const network of bags(tables.get('Networks'))) {
    const id = guidValue(network.get('id'));
    const name = textValue(network.get('name'));
    if (id !== null && name !== null) networkNames.set(id, name);
    rows.push(buildConfigRow('cluster_networks', network, null));
  }

  for (const nic of bags(tables.get('Network Interfaces'))) {
    const nodeId = guidValue(nic.get('nodeid'));
    const networkId = guidValue(nic.get('networkid'));
    const node = nodeId !== null ? (nodeNames.get(nodeId) ?? null) : null;
    if (!nic.has('network') && networkId !== null) {
      nic.set('network', networkNames.get(networkId) ?? networkId);
    }
    rows.push(buildConfigRow('network_interfaces', nic, node));
  }

  const groups = bags(tables.get('Groups'));
  const groupsById = new Map<string, PropertyBag>();
  for (const group of groups) {
    const id = guidValue(group.get('objectid'));
    if (id !== null) groupsById.set(id, group);
  }
  const vmResourceIds = new Set<string>();
  for (const resource of bags(tables.get('Resources'))) {
    const type = textValue(resource.get('resourcetype'))?.toLowerCase() ?? '';
    if (!vmResourceTypes.has(type)) continue;
    const id = guidValue(resource.get('objectid'));
    if (id !== null) vmResourceIds.add(id);
    const ownerId = guidValue(resource.get('ownergroup'));
    const owner = ownerId !== null ? groupsById.get(ownerId) : undefined;
    if (owner !== undefined) resource.set('ownergroup', owner.get('objectname') ?? ownerId ?? '');
    resource.set('__kind', 'resource');
    const ownerNode = owner !== undefined ? ownerNodeName(owner, nodeNames) : null;
    rows.push(buildConfigRow('vm_resources', resource, ownerNode));
  }
  for (const group of groups) {
    const members = (group.get('resources') ?? '').split(/\s+/).map((id) => guidValue(id));
    if (!members.some((id) => id !== null && vmResourceIds.has(id))) continue;
    group.set('__kind', 'group');
    rows.push(buildConfigRow('vm_resources', group, ownerNodeName(group, nodeNames)));
  }
  return rows;
}

function ownerNodeName(group: PropertyBag, nodeNames: Map<string, string>): string | null {
  const owner = guidValue(group.get('_pownernode'));
  return owner !== null ? (nodeNames.get(owner) ?? null) : null;
}

/** Table rows → property bags keyed by lower-cased column name. */
function bags(table: HeaderTable | undefined): PropertyBag[] {
  if (table === undefined) return [];
  const keys = table.columns.map((column) => column.toLowerCase());
  return table.rows.map((row) => {
    const bag: PropertyBag = new Map();
    keys.forEach((key, i) => {
      if (key.length > 0) bag.set(key, row[i] ?? '');
    });
    return bag;
  });
}
