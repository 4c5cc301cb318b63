import type { FieldRole, RecordCategory, RecordRole, Side } from '../../src/catalog/types.js';
import type { ReplayRecord } from '../../src/replay/replay-record.js';

let nextId = 1;

/** A classified record at `HH:MM:SS(.fff)` on 2011-04-15, for replay tests. */
export function rec(
  clock: string,
  node: string,
  role: RecordRole,
  fields: Partial<Record<FieldRole | 'moveType', string>> = {},
  extra: Partial<ReplayRecord> = {},
): ReplayRecord {
  const [hms, fraction = '0'] = clock.split('.');
  return {
    table: 'events',
    id: nextId++,
    time: `2011-04-15T${hms}.${fraction.padEnd(7, '0')}Z`,
    node,
    role,
    category: categoryOf(role),
    side: sideOf(role),
    fields,
    label: role,
    text: '',
    ...extra,
  };
}

/** The same, from a cluster log. */
export function line(
  clock: string,
  node: string,
  role: RecordRole,
  fields: Partial<Record<FieldRole | 'moveType', string>> = {},
): ReplayRecord {
  return rec(clock, node, role, fields, { table: 'cluster_log', label: 'RCM' });
}

function categoryOf(role: RecordRole): RecordCategory {
  if (role.startsWith('lm-')) return 'migration';
  if (role.startsWith('network') || role.startsWith('interface')) return 'network';
  if (role.startsWith('node')) return 'node';
  if (role.startsWith('csv')) return 'csv';
  if (role.startsWith('rhs')) return 'rhs';
  if (role.startsWith('cluster-service')) return 'service';
  if (role.startsWith('backup')) return 'backup';
  return 'group';
}

function sideOf(role: RecordRole): Side | null {
  if (role.endsWith('-source')) return 'source';
  if (role.endsWith('-destination')) return 'destination';
  return null;
}

export const sql01 = {
  vmId: '5B1E0C2A-7D6F-4B8E-9A1C-2E3F4A5B6C7D',
  resource: 'Virtual Machine SQL01',
};
export const web01 = {
  vmId: '11111111-2222-3333-4444-555555555555',
  resource: 'Virtual Machine WEB01',
};
