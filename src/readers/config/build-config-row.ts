import { shortNodeName } from '../../model/log-event.js';
import type { ConfigRow, ConfigTable } from '../../model/config-row.js';
import {
  architectureValue,
  booleanValue,
  guidListValue,
  guidValue,
  integerValue,
  listValue,
  networkRoleValue,
  textValue,
  wholeNumberValue,
} from './config-values.js';

/** Properties of one object as captured: lower-cased property name → raw text. */
export type PropertyBag = Map<string, string>;

type Convert = (raw: string | undefined) => string | number | null;

/** Column → (property names that may carry it, lower case, first wins; conversion). */
type ColumnSpec = Record<string, [string[], Convert]>;

/**
 * How properties of each cmdlet, WMI class and 2016+ header table map onto the columns of
 * model/config-columns.ts. Names are the PowerShell property names, the WMI names and the
 * header column names (compared without case).
 */
const columnSpecs: Record<ConfigTable, ColumnSpec> = {
  cluster_networks: {
    name: [['name'], textValue],
    network_id: [['id'], guidValue],
    role: [['role'], networkRoleValue],
    metric: [['metric'], integerValue],
    auto_metric: [['autometric'], booleanValue],
    state: [['state'], textValue],
    address: [['address'], textValue],
    address_mask: [['addressmask'], textValue],
    ipv4_addresses: [['ipv4addresses'], listValue],
    ipv6_addresses: [['ipv6addresses'], listValue],
    prefix_list: [['prefixlist'], listValue],
    description: [['description'], textValue],
    cluster: [['cluster'], textValue],
  },
  cluster_nodes: {
    name: [['csname', 'name', 'nodename'], textValue],
    node_id: [['id', 'nodeinstanceid'], guidValue],
    // PowerShell's Get-ClusterNode prints the node number as Id.
    node_number: [['nodenumber', 'id'], wholeNumberValue],
    state: [['state'], textValue],
    drain_status: [['drainstatus', 'nodedrainstatus'], textValue],
    node_weight: [['nodeweight'], integerValue],
    dynamic_weight: [['dynamicweight'], integerValue],
    manufacturer: [['manufacturer'], textValue],
    model: [['model'], textValue],
    build_number: [['buildnumber'], textValue],
    major_version: [['majorversion'], integerValue],
    minor_version: [['minorversion'], integerValue],
    cluster: [['cluster'], textValue],
    os_caption: [['caption'], textValue],
    os_version: [['version'], textValue],
    system_drive: [['systemdrive'], textValue],
  },
  network_interfaces: {
    name: [['name'], textValue],
    interface_id: [['id'], guidValue],
    network: [['network', 'networkname'], textValue],
    adapter: [['adapter', 'adaptername'], textValue],
    adapter_id: [['adapterid'], guidValue],
    address: [['address'], textValue],
    ipv4_addresses: [['ipv4addresses', 'addresses'], listValue],
    ipv6_addresses: [['ipv6addresses'], listValue],
    state: [['state'], textValue],
    dhcp_enabled: [['dhcpenabled'], booleanValue],
  },
  vm_resources: {
    kind: [['__kind'], textValue],
    name: [['name', 'objectname'], textValue],
    resource_id: [['id', 'objectid'], guidValue],
    resource_type: [['resourcetype'], textValue],
    owner_group: [['ownergroup', 'group'], textValue],
    state: [['state', '_state'], textValue],
    separate_monitor: [['separatemonitor', '_separatemonitor'], booleanValue],
    migration_network_order: [['migrationnetworkorder'], guidListValue],
    migration_exclude_networks: [['migrationexcludenetworks'], guidListValue],
    offline_action: [['offlineaction'], integerValue],
    default_move_type: [['defaultmovetype'], integerValue],
    move_type: [['_movetype'], textValue],
    vm_id: [['vmid'], guidValue],
  },
  virtual_switches: {
    name: [['elementname', 'name', 'switchname'], textValue],
    switch_id: [['id'], guidValue],
    switch_type: [['switchtype'], textValue],
    adapter: [['netadapterinterfacedescription'], textValue],
    allow_management_os: [['allowmanagementos'], booleanValue],
  },
  processors: {
    model: [['name'], textValue],
    manufacturer: [['manufacturer'], textValue],
    architecture: [['architecture'], architectureValue],
    device_id: [['deviceid'], textValue],
    description: [['description', 'caption'], textValue],
    max_clock_speed: [['maxclockspeed'], integerValue],
    number_of_cores: [['numberofcores'], integerValue],
    number_of_logical_processors: [['numberoflogicalprocessors'], integerValue],
  },
};

/** Properties that name the node a row is about, per table, first wins. */
const nodeProperties: Record<ConfigTable, string[]> = {
  cluster_networks: [],
  cluster_nodes: ['csname', 'name', 'nodename'],
  network_interfaces: ['node', 'nodename'],
  vm_resources: ['ownernode'],
  virtual_switches: ['computername', 'systemname', 'pscomputername', '__server'],
  processors: ['systemname', 'pscomputername', '__server'],
};

/**
 * One captured object → a ConfigRow of `table`. `fallbackNode` (from the file name) is used
 * when the object does not name its node itself; cluster-wide tables keep node null. Pure.
 */
export function buildConfigRow(
  table: ConfigTable,
  properties: PropertyBag,
  fallbackNode: string | null,
): ConfigRow {
  const values: Record<string, string | number | null> = {};
  for (const [column, [names, convert]] of Object.entries(columnSpecs[table])) {
    const name = names.find((candidate) => properties.has(candidate));
    values[column] = name === undefined ? null : convert(properties.get(name));
  }
  // Msvm_VirtualSwitch: Name is the switch GUID, ElementName the name people see.
  if (table === 'virtual_switches' && properties.has('elementname')) {
    values.switch_id = guidValue(properties.get('name'));
  }
  let node: string | null = null;
  if (table !== 'cluster_networks') {
    const name = nodeProperties[table].find((candidate) => textValue(properties.get(candidate)));
    const raw = name === undefined ? null : textValue(properties.get(name));
    node = raw !== null ? shortNodeName(raw) : fallbackNode;
  }
  return { table, node, values };
}
