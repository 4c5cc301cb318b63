import { describe, expect, it } from 'vitest';
import type { ConfigRow } from '../../../src/model/config-row.js';
import type { ClusterLogLine } from '../../../src/model/cluster-log-line.js';
import {
  dedupeColumns,
  splitCsvLine,
} from '../../../src/readers/cluster-log/cluster-log-header.js';
import { ClusterLogParser } from '../../../src/readers/cluster-log/cluster-log-parser.js';

// The Network Interfaces header line is REAL (ClusterHiveReader source, cluster-log.md §3.2).
const realInterfacesHeader =
  'Name,Id,Description,NodeId,NetworkId,AdapterName,ClusnetEndpoint,AdapterId,Addresses,Address,InterfaceIndex,STATE,Ignore,DhcpEnabled,isConnectedToiSCSI,HasDefaultGateway,Connected,initialState,ignore,';

const netId = 'c39b56cd-6c81-4557-bbe0-b85d17d343a6';
const vmResId = '11111111-2222-3333-4444-555555555555';
const diskResId = '66666666-2222-3333-4444-555555555555';
const vmGroupId = '77777777-2222-3333-4444-555555555555';
const coreGroupId = '88888888-2222-3333-4444-555555555555';

// CONSTRUCTED: section names and column names are from three public parsers (§3.1, §3.2);
// no real header copy exists, so the values are invented.
const header = [
  '[=== Cluster ===]',
  'Build Number 17763',
  'The logs were generated using local time',
  'UTC = localtime + time zone offset;the time zone offset of this machine is 420 minutes, or 7 hours',
  'Current node: name (HV01.contoso.local) id (1)',
  '',
  '[=== Resources ===]',
  'ObjectId,ObjectName,resourceType,OwnerGroup,_state,_separateMonitor,_embeddedFailureAction,_embeddedFailureAction',
  `${vmResId},Virtual Machine VM01,Virtual Machine,${vmGroupId},Online,1,0,0`,
  `${diskResId},Cluster Disk 1,Physical Disk,${coreGroupId},Online,0,0,0`,
  '',
  '[=== Groups ===]',
  'ObjectId,ObjectName,resources,_pOwnerNode,_state,_moveType',
  `${vmGroupId},VM01,${vmResId} 99999999-2222-3333-4444-555555555555,2,Online,MoveType::Manual`,
  `${coreGroupId},Cluster Group,${diskResId},1,Online,MoveType::None`,
  '',
  '[=== Nodes ===]',
  'Name,Id,comp,state,NodeNumber,IsLocalNode',
  'HV01,1,x,Up,1,true',
  'HV02,2,x,Up,2,false',
  '',
  '[=== Networks ===]',
  'Name,Id,description,role,transport,ignore,state,autoMetric,metric,address,ignore',
  `LM,${netId},,1,x,0,Up,false,1100,10.0.5.0,0`,
  '',
  '[=== Network Interfaces ===]',
  realInterfacesHeader,
  `HV02 - LM,{A1B2C3D4-0000-0000-0000-000000000001},,2,${netId},LM adapter,x,{7E31A928-04DB-4BFD-86B1-9DBBA427F827},10.0.5.12,10.0.5.12,7,Up,0,0,0,0,1,Up,0,`,
  '',
  '[=== System ===]',
  'Name,Id,Description,Something',
  'ignored,after,system,section',
  '',
  '[=== Cluster Logs ===]',
  '00003948.00003a38::2024/08/08-06:50:05.236 INFO  ---+ LOG BEGIN +---',
];

function parse(lines: string[]) {
  const records: ClusterLogLine[] = [];
  const rows: ConfigRow[] = [];
  const parser = new ClusterLogParser({
    fileNode: 'HV01',
    record: (r) => records.push(r),
    configRow: (r) => rows.push(r),
    warning: () => undefined,
  });
  lines.forEach((text, i) => parser.pushLine(text, i + 1));
  return { records, rows, facts: parser.finish() };
}

describe('2016+ cluster log header', () => {
  it('reads build, node, local-time flag and offset from [=== Cluster ===]', () => {
    const { records, facts } = parse(header);
    expect(facts).toMatchObject({ node: 'HV01', hasHeader: true, buildNumber: '17763' });
    expect(facts.timeBasis).toEqual({ basis: 'local', offsetMinutes: -420 });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      time: '2024-08-08T13:50:05.2360000Z',
      line: header.length,
      timeBasis: 'local',
    });
  });

  it('turns the Nodes, Networks and Network Interfaces tables into configuration rows', () => {
    const { rows } = parse(header);
    const nodes = rows.filter((r) => r.table === 'cluster_nodes');
    expect(nodes.map((r) => [r.node, r.values.name, r.values.node_number])).toEqual([
      ['HV01', 'HV01', 1],
      ['HV02', 'HV02', 2],
    ]);
    const networks = rows.filter((r) => r.table === 'cluster_networks');
    expect(networks).toHaveLength(1);
    expect(networks[0]).toMatchObject({
      node: null,
      values: { name: 'LM', network_id: netId, role: 'Cluster', metric: 1100, auto_metric: 0 },
    });
    const nics = rows.filter((r) => r.table === 'network_interfaces');
    expect(nics).toHaveLength(1);
    expect(nics[0]).toMatchObject({
      node: 'HV02',
      values: {
        name: 'HV02 - LM',
        network: 'LM',
        adapter: 'LM adapter',
        adapter_id: '7e31a928-04db-4bfd-86b1-9dbba427f827',
        interface_id: 'a1b2c3d4-0000-0000-0000-000000000001',
        state: 'Up',
      },
    });
  });

  it('keeps Virtual Machine resources and their groups, with owners resolved to node names', () => {
    const { rows } = parse(header);
    const vm = rows.filter((r) => r.table === 'vm_resources');
    expect(vm.map((r) => [r.values.kind, r.values.name, r.node])).toEqual([
      ['resource', 'Virtual Machine VM01', 'HV02'],
      ['group', 'VM01', 'HV02'],
    ]);
    expect(vm[0]?.values).toMatchObject({
      owner_group: 'VM01',
      separate_monitor: 1,
      resource_type: 'Virtual Machine',
    });
    expect(vm[1]?.values.move_type).toBe('MoveType::Manual');
  });

  it('reads no tables after [=== System ===]', () => {
    const { rows } = parse(header);
    expect(rows.some((r) => Object.values(r.values).includes('ignored'))).toBe(false);
  });
});

describe('header CSV helpers', () => {
  it('drops the trailing empty field and numbers duplicate columns without regard to case', () => {
    const columns = dedupeColumns(splitCsvLine(realInterfacesHeader));
    expect(columns).toHaveLength(19);
    expect(columns[12]).toBe('Ignore');
    expect(columns[18]).toBe('ignore2');
    expect(dedupeColumns(['_embeddedFailureAction', '_embeddedFailureAction'])).toEqual([
      '_embeddedFailureAction',
      '_embeddedFailureAction2',
    ]);
  });

  it('reads quoted fields with commas and doubled quotes', () => {
    expect(splitCsvLine('a,"b, c","say ""hi""",')).toEqual(['a', 'b, c', 'say "hi"']);
  });
});
