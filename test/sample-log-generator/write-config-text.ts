/**
 * Configuration dumps as PowerShell prints them (cluster-log.md §6): `fl *` lists (names padded
 * to the longest, ` : `, blank line between objects) and default tables, saved with `>` by
 * Windows PowerShell 5, i.e. UTF-16LE with a BOM and CRLF line ends.
 */
import type { SimulationResult } from './simulate.js';
import { resourceNameOf } from './resource-names.js';
import type { NodeDefinition, Scenario } from './scenario-types.js';

type Props = [string, string][];

/** Objects → `Format-List` text. Pure. */
export function formatList(objects: Props[]): string {
  const blocks = objects.map((props) => {
    const width = Math.max(...props.map(([k]) => k.length));
    return props.map(([k, v]) => `${k.padEnd(width)} : ${v}`.trimEnd()).join('\r\n');
  });
  return `\r\n\r\n${blocks.join('\r\n\r\n')}\r\n\r\n\r\n\r\n`;
}

/** Rows → `Format-Table` text with dashed underlines; columns padded to their widest cell. Pure. */
export function formatTable(
  columns: string[],
  rows: string[][],
  rightAligned: number[] = [],
): string {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (v: string, i: number) => {
    const w = widths[i] ?? v.length;
    return rightAligned.includes(i) ? v.padStart(w) : v.padEnd(w);
  };
  const line = (cells: string[]) => cells.map(cell).join(' ').trimEnd();
  const out = [line(columns), line(columns.map((c) => '-'.repeat(c.length))), ...rows.map(line)];
  return `\r\n${out.join('\r\n')}\r\n\r\n\r\n`;
}

/** PowerShell `>` output bytes. Pure. */
export function powershellFile(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

const maskOf = (prefix: number) =>
  [0, 1, 2, 3]
    .map((i) =>
      Math.max(0, Math.min(8, prefix - 8 * i)) === 0
        ? 0
        : 256 - 2 ** (8 - Math.min(8, prefix - 8 * i)),
    )
    .join('.');

function address(scenario: Scenario, node: NodeDefinition, networkIndex: number): string {
  const net = scenario.networks[networkIndex];
  return net ? net.subnet.replace(/\.0$/, `.${node.hostOctet}`) : '';
}

/** Every configuration file of a scenario: file name → bytes. Pure. */
export function writeConfigDumps(scenario: Scenario, sim: SimulationResult): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const resourceOf = (vm: string, kind: 'vm' | 'configuration' = 'vm') =>
    resourceNameOf(scenario, vm, kind);
  const legacy = scenario.windows === '2008R2';
  const roleText = (role: string) =>
    legacy ? String(role === 'None' ? 0 : role === 'Cluster' ? 1 : 3) : role;

  files.set(
    'Get-ClusterNetwork.txt',
    powershellFile(
      formatList(
        scenario.networks.map((net) => [
          ['Address', net.subnet],
          ['AddressMask', maskOf(net.prefixLength)],
          ['AutoMetric', 'False'],
          ['Cluster', scenario.cluster],
          ['Description', ''],
          ['Id', net.id.toLowerCase()],
          ['Ipv4Addresses', `{${net.subnet}}`],
          ['Ipv4PrefixLengths', `{${net.prefixLength}}`],
          ['Ipv6Addresses', '{}'],
          ['Ipv6PrefixLengths', '{}'],
          ['Metric', String(net.metric)],
          ['Name', net.name],
          ['Role', roleText(net.role)],
          ['State', sim.downNetworks.has(net.name) ? 'Down' : 'Up'],
        ]),
      ),
    ),
  );

  const interfaces: Props[] = [];
  scenario.networks.forEach((net, index) => {
    for (const node of scenario.nodes) {
      interfaces.push([
        ['Adapter', net.adapter],
        ['Address', address(scenario, node, index)],
        ['Cluster', scenario.cluster],
        ['Description', ''],
        ['DhcpEnabled', '0'],
        ['Ipv4Addresses', `{${address(scenario, node, index)}}`],
        ['Ipv6Addresses', '{}'],
        ['Name', `${node.name} - ${net.adapter}`],
        ['Network', net.name],
        ['Node', node.name],
        ['State', sim.downNetworks.has(net.name) ? 'Failed' : 'Up'],
      ]);
    }
  });
  files.set('Get-ClusterNetworkInterface.txt', powershellFile(formatList(interfaces)));

  files.set(
    'Get-ClusterNode.txt',
    powershellFile(
      formatList(
        scenario.nodes.map((node) => {
          const crashed = sim.nodes.find((n) => n.node.name === node.name)?.crashedAtMs !== null;
          const props: Props = [
            ['Cluster', scenario.cluster],
            ['State', crashed ? 'Down' : 'Up'],
            ['Id', String(node.id)],
            ['Name', node.name],
            ['NodeName', node.name],
            ['NodeHighestVersion', legacy ? '395264' : '533888'],
            ['NodeLowestVersion', legacy ? '395264' : '533888'],
            ['MajorVersion', legacy ? '6' : scenario.windows === '2012R2' ? '6' : '10'],
            ['MinorVersion', legacy ? '1' : scenario.windows === '2012R2' ? '3' : '0'],
            [
              'BuildNumber',
              {
                '2008R2': '7601',
                '2012R2': '9600',
                '2016': '14393',
                '2019': '17763',
                '2022': '20348',
              }[scenario.windows],
            ],
          ];
          if (!legacy)
            props.push(
              ['DrainStatus', 'NotInitiated'],
              ['DynamicWeight', '1'],
              ['NodeWeight', '1'],
            );
          return props;
        }),
      ),
    ),
  );

  const resourceRows: string[][] = [];
  for (const vm of scenario.vms) {
    resourceRows.push([resourceOf(vm.name), 'Online', vm.name, 'Virtual Machine']);
    resourceRows.push([
      resourceOf(vm.name, 'configuration'),
      'Online',
      vm.name,
      'Virtual Machine Configuration',
    ]);
  }
  scenario.csvs.forEach((_csv, i) =>
    resourceRows.push([`Cluster Disk ${i + 2}`, 'Online', 'Cluster Group', 'Physical Disk']),
  );
  files.set(
    'Get-ClusterResource.txt',
    powershellFile(
      formatTable(['Name', 'State', legacy ? 'Group' : 'OwnerGroup', 'ResourceType'], resourceRows),
    ),
  );

  // Live-migration network choice: per VM resource on 2008 R2, on the resource type later (§6.4).
  const order = scenario.networks.filter((n) => n.liveMigration).map((n) => n.id.toLowerCase());
  const exclude = scenario.networks.filter((n) => !n.liveMigration).map((n) => n.id.toLowerCase());
  const paramRows: string[][] = [];
  if (legacy) {
    for (const vm of scenario.vms) {
      const obj = resourceOf(vm.name);
      paramRows.push(
        [obj, 'VmID', vm.id.toLowerCase(), 'String'],
        [obj, 'OfflineAction', '1', 'UInt32'],
        [obj, 'ShutdownAction', '0', 'UInt32'],
        [obj, 'CheckHeartbeat', '1', 'UInt32'],
        [obj, 'MigrationState', '0', 'UInt32'],
        [obj, 'MigrationProgress', '0', 'UInt32'],
        [
          obj,
          'MigrationFailureReason',
          String(sim.migrationFailureReason.get(vm.name) ?? 0),
          'UInt32',
        ],
        [obj, 'MigrationNetworkOrder', order.join(';'), 'String'],
        [obj, 'MigrationExcludeNetworks', exclude.join(';'), 'String'],
      );
    }
  } else {
    paramRows.push(
      ['Virtual Machine', 'MigrationExcludeNetworks', exclude.join(';'), 'String'],
      ['Virtual Machine', 'MigrationNetworkOrder', order.join(';'), 'String'],
    );
  }
  files.set(
    'Get-ClusterParameter.txt',
    powershellFile(formatTable(['Object', 'Name', 'Value', 'Type'], paramRows)),
  );

  // The operating system listing is only collected where drive letters are in question.
  const drives = new Set(scenario.nodes.map((n) => n.systemDrive));
  const collected = scenario.nodes.filter((n) => n.collected !== false);
  for (const node of drives.size > 1 ? collected : []) {
    const caption = {
      '2008R2': 'Microsoft Windows Server 2008 R2 Enterprise',
      '2012R2': 'Microsoft Windows Server 2012 R2 Datacenter',
      '2016': 'Microsoft Windows Server 2016 Datacenter',
      '2019': 'Microsoft Windows Server 2019 Datacenter',
      '2022': 'Microsoft Windows Server 2022 Datacenter',
    }[scenario.windows];
    const version = {
      '2008R2': '6.1.7601',
      '2012R2': '6.3.9600',
      '2016': '10.0.14393',
      '2019': '10.0.17763',
      '2022': '10.0.20348',
    }[scenario.windows];
    files.set(
      `${node.name}-Win32_OperatingSystem.txt`,
      powershellFile(
        formatList([
          [
            ['Caption', caption],
            ['Version', version],
            ['SystemDrive', node.systemDrive],
            ['WindowsDirectory', `${node.systemDrive}\\Windows`],
            ['CSName', node.name],
          ],
        ]),
      ),
    );
  }
  for (const node of collected) {
    const p = node.processor;
    files.set(
      `${node.name}-Win32_Processor.txt`,
      powershellFile(
        formatList([
          [
            ['Name', p.name],
            ['Manufacturer', p.manufacturer],
            ['Architecture', p.architecture === 'x64' ? '9' : '0'],
            ['AddressWidth', p.architecture === 'x64' ? '64' : '32'],
            ['SystemName', node.name],
          ],
        ]),
      ),
    );
    files.set(
      legacy ? `${node.name}-Msvm_VirtualSwitch.txt` : `${node.name}-Get-VMSwitch.txt`,
      powershellFile(
        legacy
          ? formatList(
              node.switches.map((s, i) => [
                ['ElementName', s],
                ['Name', `${node.name.toLowerCase()}-switch-${i + 1}`],
              ]),
            )
          : formatTable(
              ['Name', 'SwitchType', 'NetAdapterInterfaceDescription'],
              node.switches.map((s, i) => [
                s,
                'External',
                `Intel(R) Ethernet Server Adapter I350-T4 #${i + 2}`,
              ]),
            ),
      ),
    );
  }
  return files;
}
