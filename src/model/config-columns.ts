import type { ConfigTable } from './config-row.js';

/** Whether a configuration column holds text or an integer (booleans are 1/0). */
export type ConfigColumnType = 'text' | 'integer';

/**
 * The columns of each configuration table (DESIGN §4), besides `id`, `source_id` and `node`.
 * `node` is the node a row is about (an interface's, processor's or switch's host, a node
 * itself, a resource's owner) and null for cluster-wide facts such as networks. Readers fill
 * `ConfigRow.values` with these keys only; the store creates the tables from this list.
 * GUIDs are lower case without braces; multi-valued properties are joined with `, `.
 * `cluster_nodes` also takes Win32_OperatingSystem listings (name = CSName, with the OS
 * caption, version and system drive) as rows of their own.
 */
export const configColumns = {
  cluster_networks: {
    name: 'text',
    network_id: 'text',
    role: 'text',
    metric: 'integer',
    auto_metric: 'integer',
    state: 'text',
    address: 'text',
    address_mask: 'text',
    ipv4_addresses: 'text',
    ipv6_addresses: 'text',
    prefix_list: 'text',
    description: 'text',
    cluster: 'text',
  },
  cluster_nodes: {
    name: 'text',
    node_id: 'text',
    node_number: 'integer',
    state: 'text',
    drain_status: 'text',
    node_weight: 'integer',
    dynamic_weight: 'integer',
    manufacturer: 'text',
    model: 'text',
    build_number: 'text',
    major_version: 'integer',
    minor_version: 'integer',
    cluster: 'text',
    os_caption: 'text',
    os_version: 'text',
    system_drive: 'text',
  },
  network_interfaces: {
    name: 'text',
    interface_id: 'text',
    network: 'text',
    adapter: 'text',
    adapter_id: 'text',
    address: 'text',
    ipv4_addresses: 'text',
    ipv6_addresses: 'text',
    state: 'text',
    dhcp_enabled: 'integer',
  },
  vm_resources: {
    kind: 'text',
    name: 'text',
    resource_id: 'text',
    resource_type: 'text',
    owner_group: 'text',
    state: 'text',
    separate_monitor: 'integer',
    migration_network_order: 'text',
    migration_exclude_networks: 'text',
    offline_action: 'integer',
    default_move_type: 'integer',
    move_type: 'text',
    vm_id: 'text',
  },
  virtual_switches: {
    name: 'text',
    switch_id: 'text',
    switch_type: 'text',
    adapter: 'text',
    allow_management_os: 'integer',
  },
  processors: {
    model: 'text',
    manufacturer: 'text',
    architecture: 'text',
    device_id: 'text',
    description: 'text',
    max_clock_speed: 'integer',
    number_of_cores: 'integer',
    number_of_logical_processors: 'integer',
  },
} as const satisfies Record<ConfigTable, Record<string, ConfigColumnType>>;

export type ConfigColumnName<T extends ConfigTable> = keyof (typeof configColumns)[T] & string;
