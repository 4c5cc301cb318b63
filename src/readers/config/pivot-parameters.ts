import type { PropertyBag } from './build-config-row.js';
import type { ConfigKind } from './classify-config.js';

/** One `Object Name Value` entry of a parameter listing. */
export interface ParameterEntry {
  kind: 'parameters' | 'cluster_exe_properties';
  properties: PropertyBag;
}

/** A pivoted object: one property bag per listed object. */
export interface PivotedObject {
  kind: ConfigKind;
  properties: PropertyBag;
}

const vmParameters = [
  'migrationnetworkorder',
  'migrationexcludenetworks',
  'offlineaction',
  'defaultmovetype',
  'vmid',
];

/**
 * Pivots name/value listings into one object each: `Get-ClusterParameter` rows (`Object` or
 * `ClusterObject`, `Name`, `Value`) become Virtual Machine resources or the resource type;
 * `cluster.exe network /prop` rows (`T Network Name Value`) become networks and
 * `cluster.exe res /priv` rows (`T Resource Name Value`) resources. Pure.
 */
export function pivotParameters(entries: ParameterEntry[]): PivotedObject[] {
  const objects = new Map<string, PivotedObject>();
  for (const { kind, properties } of entries) {
    const isNetwork = kind === 'cluster_exe_properties' && properties.has('network');
    const owner =
      properties.get('clusterobject') ??
      properties.get('object') ??
      properties.get('network') ??
      properties.get('resource') ??
      '';
    const name = (properties.get('name') ?? '').trim().toLowerCase();
    if (owner.trim().length === 0 || name.length === 0) continue;
    const key = `${isNetwork ? 'n' : 'r'}:${owner.trim()}`;
    let object = objects.get(key);
    if (object === undefined) {
      const bag: PropertyBag = new Map([['name', owner.trim()]]);
      object = { kind: isNetwork ? 'cluster_networks' : 'vm_resources', properties: bag };
      objects.set(key, object);
    }
    if (name === 'name' && isNetwork) continue;
    object.properties.set(name, properties.get('value') ?? '');
  }
  const result: PivotedObject[] = [];
  for (const object of objects.values()) {
    if (object.kind === 'vm_resources') {
      const name = (object.properties.get('name') ?? '').toLowerCase();
      const isVm =
        name.startsWith('virtual machine') || vmParameters.some((p) => object.properties.has(p));
      if (!isVm) continue;
      const isType = name === 'virtual machine';
      object.properties.set('__kind', isType ? 'resource-type' : 'resource');
      if (isType) object.properties.set('resourcetype', 'Virtual Machine');
    }
    result.push(object);
  }
  return result;
}
