/** The configuration tables of DESIGN §4; each row also names its source. */
export type ConfigTable =
  | 'cluster_networks'
  | 'cluster_nodes'
  | 'network_interfaces'
  | 'vm_resources'
  | 'virtual_switches'
  | 'processors';

/** One configuration fact captured at one moment: a row for one of the configuration tables. */
export interface ConfigRow {
  table: ConfigTable;
  node: string | null;
  values: Record<string, string | number | null>;
}
