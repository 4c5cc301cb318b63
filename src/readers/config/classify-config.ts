import type { ConfigTable } from '../../model/config-row.js';
import type { PropertyBag } from './build-config-row.js';

/**
 * What a captured object (or a table's columns) is: a configuration table, a parameter
 * listing to be pivoted (`Get-ClusterParameter`, `cluster.exe … /prop|/priv`), an object
 * lmdoctor recognises but does not store (CSV volumes), or unknown.
 */
export type ConfigKind =
  ConfigTable | 'cluster_groups' | 'parameters' | 'cluster_exe_properties' | 'ignored' | null;

/** Which cmdlet a file name or `PS …> Get-…` prompt points at. Pure. */
export function hintFromText(text: string): ConfigKind {
  const t = text.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (t.includes('clusterparameter')) return 'parameters';
  if (t.includes('networkinterface')) return 'network_interfaces';
  if (t.includes('clusternetwork') || t.includes('clusterexenetwork')) return 'cluster_networks';
  if (t.includes('sharedvolume')) return 'ignored';
  if (t.includes('clusternode')) return 'cluster_nodes';
  if (t.includes('clusterresource')) return 'vm_resources';
  if (t.includes('clustergroup')) return 'cluster_groups';
  if (t.includes('processor') || t.includes('cpu')) return 'processors';
  if (t.includes('operatingsystem')) return 'cluster_nodes';
  if (t.includes('switch')) return 'virtual_switches';
  return null;
}

/**
 * Classifies an object by its property (or column) names, falling back to the hint from the
 * file name or prompt for sparse layouts such as `Name Id`. Pure.
 */
export function classifyProperties(properties: PropertyBag, hint: ConfigKind): ConfigKind {
  const has = (...names: string[]): boolean => names.some((n) => properties.has(n));
  const value = (name: string): string => (properties.get(name) ?? '').toLowerCase();
  if (has('clusterobject', 'object') && has('name') && has('value')) return 'parameters';
  if (has('t') && has('name') && has('value') && has('network', 'resource'))
    return 'cluster_exe_properties';
  if (has('switchtype', 'netadapterinterfacedescription', 'allowmanagementos'))
    return 'virtual_switches';
  if (
    value('__class').startsWith('msvm_virtualswitch') ||
    value('creationclassname').startsWith('msvm_virtualswitch') ||
    (has('elementname') && hint === 'virtual_switches')
  )
    return 'virtual_switches';
  if (has('manufacturer') && has('architecture', 'maxclockspeed', 'numberofcores', 'processorid'))
    return 'processors';
  if (has('sharedvolumeinfo', 'sharedvolumename')) return 'ignored';
  if (has('network') && has('adapter', 'adapterid', 'node')) return 'network_interfaces';
  if (has('resourcetype', 'ownergroup')) return 'vm_resources';
  if (has('ownernode')) return 'cluster_groups';
  if (has('metric', 'autometric', 'role', 'addressmask', 'ipv4prefixlengths'))
    return 'cluster_networks';
  if (has('systemdrive') || (has('csname') && has('version'))) return 'cluster_nodes';
  if (has('nodeweight', 'dynamicweight', 'drainstatus', 'nodename', 'nodeinstanceid'))
    return 'cluster_nodes';
  if (has('name') && has('state') && has('node') && !has('type')) return 'ignored';
  if (has('name') && has('state') && value('type') === 'node') return 'cluster_nodes';
  return hint;
}
