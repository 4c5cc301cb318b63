import { describe, expect, it } from 'vitest';
import type { ConfigRow } from '../../../src/model/config-row.js';
import type { ReadWarning } from '../../../src/readers/reader.js';
import { parseConfigLines, sniffConfig } from '../../../src/readers/config/config-reader.js';

function parse(text: string, fileName = 'capture.txt') {
  const rows: ConfigRow[] = [];
  const warnings: ReadWarning[] = [];
  const lines = text.split('\n').map((t, i) => ({ text: t, number: i + 1 }));
  parseConfigLines(
    lines,
    fileName,
    (r) => rows.push(r),
    (w) => warnings.push(w),
  );
  return { rows, warnings };
}

// REAL captures, quoted in shared/reference/cluster-log.md §6 with their sources.
const networkTable = `PS C:\\> Get-ClusterNetwork

Name                           State Metric             Role
----                           ----- ------             ----
Cluster Network 1        Partitioned  40000          Cluster
storage(Storage_VLAN711)          Up  20401          Cluster
storage(Storage_VLAN712)          Up  20402          Cluster
Unused:Cluster Network 1          Up  70240 ClusterAndClient
`;

const networkList = `
Address           :
AddressMask       :
AutoMetric        : True
Cluster           : hcicluster
Description       :
Id                : c39b56cd-6c81-4557-bbe0-b85d17d343a6
Ipv4Addresses     : {}
Ipv4PrefixLengths : {}
Ipv6Addresses     : {fde1:53ba:e9a0:de11::}
Ipv6PrefixLengths : {64}
Metric            : 40000
Name              : Cluster Network 1
Role              : Cluster
State             : Partitioned

Address           : 172.16.0.0
AddressMask       : 255.248.0.0
AutoMetric        : True
Cluster           : cluster1
Description       :
Id                : 8674967e-aef4-4815-8567-cd7bd15ebc1e
Ipv4Addresses     : {172.16.0.0}
Ipv4PrefixLengths : {13}
Ipv6Addresses     : {}
Ipv6PrefixLengths : {}
Metric            : 30241
Name              : DC2 Private Traffic
Role              : Cluster
State             : Up
`;

const interfaceList = `Adapter       : Remote NDIS Compatible Device #2
AdapterId     : 7E31A928-04DB-4BFD-86B1-9DBBA427F827
Address       :
Cluster       : hcicluster
Description   :
DhcpEnabled   : 1
Id            : fd057638-22a0-427c-9bb7-22863f345f9b
Ipv4Addresses : {}
Ipv6Addresses : {fde1:53ba:e9a0:de11:8412:5aa4:b420:9ed9}
Name          : hcihost01 - Ethernet
Network       : Cluster Network 1
Node          : hcihost01
State         : Unreachable
`;

const parameterTable = `Object          Name                     Value                                                                     Type
------          ----                     -----                                                                     ----
Virtual Machine MigrationExcludeNetworks                                                                           String
Virtual Machine MigrationNetworkOrder    d3e9604b-7930-4fe4-946d-fd9148e5d561;4c4f44b1-833f-4b01-a963-692b6872a1a6 String
`;

const nodeTable = `Name          State Type
----          ----- ----
ws2019-host-1 Up    Node
ws2019-host-2 Up    Node
`;

const resourceTable = `Name                                    State  OwnerGroup    ResourceType
----                                    -----  ----------    ------------
Cluster Disk 2                          Online Cluster Group Physical Disk
Cluster IP Address                      Online Cluster Group IP Address
Cluster Name                            Online Cluster Group Network Name
Storage Qos Resource                    Online Cluster Group Storage QoS Policy Manager
Virtual Machine Cent8.2-1               Online Cent8.2-1     Virtual Machine
Virtual Machine Cluster WMI             Online Cluster Group Virtual Machine Cluster WMI
Virtual Machine Configuration Cent8.2-1 Online Cent8.2-1     Virtual Machine Configuration
`;

const groupTable = `Name              OwnerNode     State
----              ---------     -----
Available Storage ws2019-host-2 Offline
Cent8.2-1         ws2019-host-2 Online
Cluster Group     ws2019-host-2 Online
`;

const csvTable = `Name           State  Node
----           -----  ----
Cluster Disk 1 Online ws2019-host-2
`;

describe('configuration captures (real PowerShell output)', () => {
  it('reads the Get-ClusterNetwork table, including right-aligned values that spill left', () => {
    const { rows, warnings } = parse(networkTable);
    expect(
      rows.map((r) => [r.table, r.values.name, r.values.state, r.values.metric, r.values.role]),
    ).toEqual([
      ['cluster_networks', 'Cluster Network 1', 'Partitioned', 40000, 'Cluster'],
      ['cluster_networks', 'storage(Storage_VLAN711)', 'Up', 20401, 'Cluster'],
      ['cluster_networks', 'storage(Storage_VLAN712)', 'Up', 20402, 'Cluster'],
      ['cluster_networks', 'Unused:Cluster Network 1', 'Up', 70240, 'ClusterAndClient'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads Get-ClusterNetwork | fl *, one row per object, lists without braces', () => {
    const { rows } = parse(networkList);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      table: 'cluster_networks',
      node: null,
      values: expect.objectContaining({
        name: 'Cluster Network 1',
        network_id: 'c39b56cd-6c81-4557-bbe0-b85d17d343a6',
        auto_metric: 1,
        metric: 40000,
        role: 'Cluster',
        state: 'Partitioned',
        address: null,
        ipv4_addresses: null,
        ipv6_addresses: 'fde1:53ba:e9a0:de11::',
        cluster: 'hcicluster',
      }),
    });
    expect(rows[1]?.values).toMatchObject({
      name: 'DC2 Private Traffic',
      address: '172.16.0.0',
      address_mask: '255.248.0.0',
      ipv4_addresses: '172.16.0.0',
      metric: 30241,
    });
  });

  it('reads Get-ClusterNetworkInterface | fl * with the node and a normalised adapter id', () => {
    const { rows } = parse(interfaceList);
    expect(rows).toEqual([
      {
        table: 'network_interfaces',
        node: 'hcihost01',
        values: expect.objectContaining({
          name: 'hcihost01 - Ethernet',
          adapter: 'Remote NDIS Compatible Device #2',
          adapter_id: '7e31a928-04db-4bfd-86b1-9dbba427f827',
          network: 'Cluster Network 1',
          dhcp_enabled: 1,
          state: 'Unreachable',
        }),
      },
    ]);
  });

  it('pivots the Virtual Machine resource type parameters into one row', () => {
    const { rows } = parse(parameterTable);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.values).toMatchObject({
      kind: 'resource-type',
      name: 'Virtual Machine',
      resource_type: 'Virtual Machine',
      migration_network_order:
        'd3e9604b-7930-4fe4-946d-fd9148e5d561;4c4f44b1-833f-4b01-a963-692b6872a1a6',
      migration_exclude_networks: null,
    });
  });

  it('reads node, resource and group tables, keeping only virtual machine resources and groups', () => {
    expect(parse(nodeTable).rows.map((r) => [r.table, r.node, r.values.state])).toEqual([
      ['cluster_nodes', 'ws2019-host-1', 'Up'],
      ['cluster_nodes', 'ws2019-host-2', 'Up'],
    ]);
    expect(parse(resourceTable).rows.map((r) => [r.values.name, r.values.owner_group])).toEqual([
      ['Virtual Machine Cent8.2-1', 'Cent8.2-1'],
      ['Virtual Machine Cluster WMI', 'Cluster Group'],
      ['Virtual Machine Configuration Cent8.2-1', 'Cent8.2-1'],
    ]);
    expect(parse(groupTable).rows).toEqual([
      {
        table: 'vm_resources',
        node: 'ws2019-host-2',
        values: expect.objectContaining({ kind: 'group', name: 'Cent8.2-1', state: 'Online' }),
      },
    ]);
  });

  it('recognises CSV listings without storing them, and warns about unknown objects', () => {
    expect(parse(csvTable)).toEqual({ rows: [], warnings: [] });
    const { rows, warnings } = parse('Colour : blue\nShape  : round\n');
    expect(rows).toEqual([]);
    expect(warnings[0]?.message).toMatch(/1 object\(s\) were not recognised/);
  });
});

// CONSTRUCTED captures: no real copies are public (cluster-log.md §6.7); the shapes follow
// PowerShell's Format-List, WMI property names and the cluster.exe sketch of §6.7.
describe('configuration captures (constructed shapes)', () => {
  it('reads a Win32_Processor listing per socket with the architecture named', () => {
    const text = `
Name         : Intel(R) Xeon(R) CPU E5-2670 0 @ 2.60GHz
Manufacturer : GenuineIntel
Architecture : 9
SystemName   : HV01
MaxClockSpeed : 2600

Name         : Intel(R) Xeon(R) CPU E5-2670 0 @ 2.60GHz
Manufacturer : GenuineIntel
Architecture : 9
SystemName   : HV01
MaxClockSpeed : 2600
`;
    const { rows } = parse(text);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      table: 'processors',
      node: 'HV01',
      values: expect.objectContaining({
        model: 'Intel(R) Xeon(R) CPU E5-2670 0 @ 2.60GHz',
        manufacturer: 'GenuineIntel',
        architecture: 'x64',
        max_clock_speed: 2600,
      }),
    });
  });

  it('leaves the node of a row that does not name it to ingest (file name, folders)', () => {
    const { rows } = parse(
      'Name : AMD EPYC 7452\nManufacturer : AuthenticAMD\nArchitecture : 9\n',
      'HV02_processors.txt',
    );
    expect(rows[0]?.node).toBeNull();
  });

  it('reads Get-VMSwitch and Msvm_VirtualSwitch listings', () => {
    const vmSwitch = parse(
      'Name                           : External\nId                             : {AB12CD34-0000-0000-0000-000000000001}\nSwitchType                     : External\nNetAdapterInterfaceDescription : Intel(R) Ethernet 10G\nComputerName                   : HV01\n',
    ).rows;
    expect(vmSwitch[0]).toEqual({
      table: 'virtual_switches',
      node: 'HV01',
      values: expect.objectContaining({
        name: 'External',
        switch_id: 'ab12cd34-0000-0000-0000-000000000001',
        switch_type: 'External',
        adapter: 'Intel(R) Ethernet 10G',
      }),
    });
    const msvm = parse(
      '__CLASS     : Msvm_VirtualSwitch\nElementName : VM Network\nName        : 5C2B1E2A-0000-0000-0000-000000000002\n__SERVER    : HV02\n',
    ).rows;
    expect(msvm[0]).toMatchObject({
      table: 'virtual_switches',
      node: 'HV02',
      values: { name: 'VM Network', switch_id: '5c2b1e2a-0000-0000-0000-000000000002' },
    });
  });

  it('reads Get-ClusterNode | fl * and Get-ClusterGroup | fl * (property names of §6.6)', () => {
    const node = parse(
      'Cluster            : CLU1\nState              : Paused\nType               : Node\nName               : HV02\nDrainStatus        : Completed\nDrainTarget        : 4294967295\nDynamicWeight      : 1\nId                 : 2\nManufacturer       : Contoso\nModel              : R740\nNodeWeight         : 1\nMajorVersion       : 10\nMinorVersion       : 0\nBuildNumber        : 17763\n',
    ).rows;
    expect(node).toEqual([
      {
        table: 'cluster_nodes',
        node: 'HV02',
        values: expect.objectContaining({
          name: 'HV02',
          state: 'Paused',
          drain_status: 'Completed',
          node_number: 2,
          node_weight: 1,
          major_version: 10,
          build_number: '17763',
          cluster: 'CLU1',
        }),
      },
    ]);
    const groups = parse(
      'Cluster          : CLU1\nIsCoreGroup      : False\nOwnerNode        : HV01\nState            : Online\nName             : VM01\nGroupType        : VirtualMachine\nId               : 0c7b7e2e-1111-2222-3333-444455556666\n\nCluster          : CLU1\nIsCoreGroup      : True\nOwnerNode        : HV01\nState            : Online\nName             : Cluster Group\nGroupType        : Cluster\n',
    ).rows;
    expect(groups).toEqual([
      {
        table: 'vm_resources',
        node: 'HV01',
        values: expect.objectContaining({
          kind: 'group',
          name: 'VM01',
          state: 'Online',
          resource_id: '0c7b7e2e-1111-2222-3333-444455556666',
        }),
      },
    ]);
  });

  it('reads a Win32_OperatingSystem listing into the node row with the system drive', () => {
    const { rows, warnings } = parse(
      '\nCaption         : Microsoft Windows Server 2012 R2 Datacenter\nVersion         : 6.3.9600\nSystemDrive     : C:\nWindowsDirectory : C:\\Windows\nCSName          : HV01\n',
    );
    expect(warnings).toEqual([]);
    expect(rows).toEqual([
      {
        table: 'cluster_nodes',
        node: 'HV01',
        values: expect.objectContaining({
          name: 'HV01',
          os_caption: 'Microsoft Windows Server 2012 R2 Datacenter',
          os_version: '6.3.9600',
          system_drive: 'C:',
        }),
      },
    ]);
  });

  it('reads a cluster.exe network /prop listing into one network per name', () => {
    const text = `Listing properties for 'Cluster Network 1':

T  Network              Name                           Value
-- -------------------- ------------------------------ -----------------------
SR Cluster Network 1    Name                           Cluster Network 1
D  Cluster Network 1    Role                           3 (0x3)
D  Cluster Network 1    Metric                         1000 (0x3e8)
D  Cluster Network 1    AutoMetric                     1 (0x1)
S  Cluster Network 1    Address                        10.0.5.0
`;
    const { rows } = parse(text);
    expect(rows).toEqual([
      {
        table: 'cluster_networks',
        node: null,
        values: expect.objectContaining({
          name: 'Cluster Network 1',
          role: 'ClusterAndClient',
          metric: 1000,
          auto_metric: 1,
          address: '10.0.5.0',
        }),
      },
    ]);
  });

  it('joins values PowerShell wrapped onto indented lines', () => {
    const { rows } = parse(
      'ClusterObject : Virtual Machine VM01\nName          : MigrationNetworkOrder\nIsReadOnly    : False\nParameterType : String\nValue         : d3e9604b-7930-4fe4-946d-fd9148e5d561;\n                4c4f44b1-833f-4b01-a963-692b6872a1a6\n',
    );
    expect(rows[0]?.values).toMatchObject({
      kind: 'resource',
      name: 'Virtual Machine VM01',
      migration_network_order:
        'd3e9604b-7930-4fe4-946d-fd9148e5d561;4c4f44b1-833f-4b01-a963-692b6872a1a6',
    });
  });
});

describe('sniffConfig and file names', () => {
  it('takes real captures in UTF-16 and refuses other text', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(networkList, 'utf16le')]);
    expect(sniffConfig(utf16, 'net.txt')).toBe(true);
    expect(sniffConfig(Buffer.from(networkTable), 'x.txt')).toBe(true);
    expect(sniffConfig(Buffer.from(parameterTable), 'x.txt')).toBe(true);
    expect(sniffConfig(Buffer.from('hello world\nthis is prose\n'), 'notes.txt')).toBe(false);
    expect(sniffConfig(Buffer.from('<Events><Event/></Events>'), 'a.xml')).toBe(false);
  });
});
