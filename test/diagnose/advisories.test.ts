import { describe, expect, it } from 'vitest';
import { clusterAdvisories } from '../../src/diagnose/advisories.js';
import type { ConfigRecord } from '../../src/diagnose/case-input.js';
import type { Diagnosis } from '../../src/model/diagnosis.js';
import {
  at,
  makeEvent,
  makeInput,
  makeMigration,
  processor,
  row,
  vswitch,
} from './case-builders.js';

const network = (
  name: string,
  id: string,
  role: string,
  metric: number,
  address = '10.0.1.0',
  extra = {},
) =>
  row('cluster_networks', null, {
    name,
    network_id: id,
    role,
    metric,
    state: 'Up',
    address,
    address_mask: '255.255.255.0',
    ...extra,
  });
const setting = (order: string, exclude: string | null = null) =>
  row('vm_resources', null, {
    kind: 'resource-type',
    name: 'Virtual Machine',
    migration_network_order: order,
    migration_exclude_networks: exclude,
  });
const nic = (node: string, networkName: string, address: string) =>
  row('network_interfaces', node, { network: networkName, address });
const clusterNode = (name: string, number: number) =>
  row('cluster_nodes', name, { name, node_number: number });

/** A cluster that follows the guide: a management, a CSV and a dedicated LM network. */
function goodNetworks(): ConfigRecord[] {
  return [
    network('Management', 'mgmt', 'ClusterAndClient', 10100, '192.168.10.0'),
    network('CSV', 'csv', 'Cluster', 1100, '10.0.1.0'),
    network('LM', 'lm', 'Cluster', 1200, '10.0.2.0'),
  ];
}

function advisories(
  config: Parameters<typeof makeInput>[0]['config'],
  extra: Partial<Parameters<typeof makeInput>[0]> = {},
  diagnoses: Diagnosis[] = [],
) {
  return clusterAdvisories(makeInput({ migrations: [], config, ...extra }), diagnoses);
}
const causes = (findings: { cause: string }[]) => findings.map((f) => f.cause);

describe('cluster advisories', () => {
  it('finds nothing to say about a cluster that follows the guide', () => {
    const found = advisories({
      cluster_networks: goodNetworks(),
      vm_resources: [setting('lm;csv', 'mgmt')],
      network_interfaces: [nic('HV01', 'LM', '10.0.2.11'), nic('HV02', 'LM', '10.0.2.12')],
      processors: [
        processor('HV01', 'x64', 'GenuineIntel', 'X5670'),
        processor('HV02', 'x64', 'GenuineIntel', 'X5670'),
      ],
      virtual_switches: [vswitch('HV01', 'External'), vswitch('HV02', 'External')],
      cluster_nodes: [clusterNode('HV01', 1), clusterNode('HV02', 2)],
    });
    expect(found).toEqual([]);
  });

  it('no-dedicated-migration-network: live migration only on networks shared with CSV or clients', () => {
    const found = advisories({
      cluster_networks: goodNetworks(),
      vm_resources: [setting('csv;mgmt')],
    });
    expect(causes(found)).toContain('no-dedicated-migration-network');
    expect(found.find((f) => f.cause === 'no-dedicated-migration-network')!.verdict).toBe(
      'confirmed',
    );
  });

  it('no-dedicated-migration-network without a migration setting: a single cluster-only network', () => {
    const found = advisories({
      cluster_networks: [
        network('Management', 'mgmt', 'ClusterAndClient', 10100),
        network('Private', 'p', 'Cluster', 1100),
      ],
    });
    expect(causes(found)).toEqual(['no-dedicated-migration-network']);
  });

  it('migration-and-csv-share-network: the first migration network is the one CSV prefers', () => {
    const found = advisories({
      cluster_networks: goodNetworks(),
      vm_resources: [setting('csv;lm')],
    });
    const shared = found.find((f) => f.cause === 'migration-and-csv-share-network')!;
    expect(shared.summary).toMatch(/tries CSV first.*lowest metric 1100/);
    expect(shared.evidence.map((e) => e.table)).toEqual(['vm_resources', 'cluster_networks']);
  });

  it('ipsec-on-migration-network: only when the configuration says so', () => {
    const networks = goodNetworks();
    networks[2] = network('LM', 'lm', 'Cluster', 1200, '10.0.2.0', {
      description: 'IPsec required',
    });
    expect(
      causes(advisories({ cluster_networks: networks, vm_resources: [setting('lm')] })),
    ).toEqual(['ipsec-on-migration-network']);
  });

  it('subnet-mismatch: an interface outside its network\u2019s subnet', () => {
    const found = advisories({
      cluster_networks: goodNetworks(),
      vm_resources: [setting('lm')],
      network_interfaces: [nic('HV01', 'LM', '10.0.2.11'), nic('HV02', 'LM', '10.0.9.12')],
    });
    expect(causes(found)).toEqual(['subnet-mismatch']);
    expect(found[0]!.summary).toContain('HV02: 10.0.9.12');
  });

  it('architecture-mismatch and processor-vendor-mismatch between nodes', () => {
    const found = advisories({
      processors: [
        processor('HV01', 'x64', 'GenuineIntel', 'X5670'),
        processor('HV02', 'x86', 'AuthenticAMD', 'Opteron'),
      ],
    });
    expect(causes(found)).toEqual(['architecture-mismatch', 'processor-vendor-mismatch']);
  });

  it('system-drive-mismatch between nodes', () => {
    const found = advisories({
      cluster_nodes: [
        row('cluster_nodes', 'HV01', { name: 'HV01', system_drive: 'C:' }),
        row('cluster_nodes', 'HV02', { name: 'HV02', system_drive: 'D:' }),
      ],
    });
    expect(causes(found)).toEqual(['system-drive-mismatch']);
  });

  it('virtual-network-name-mismatch: switch names differ between nodes', () => {
    const found = advisories({
      virtual_switches: [vswitch('HV01', 'Rede Externa'), vswitch('HV02', 'Rede-Externa')],
    });
    expect(causes(found)).toEqual(['virtual-network-name-mismatch']);
  });

  it('csv-redirected-io: a CSV left redirected, not when it came back (5122)', () => {
    const redirected = makeEvent({ eventId: 5136, time: at(0), data: { param1: 'Volume1' } });
    expect(causes(advisories({}, { events: [redirected] }))).toEqual(['csv-redirected-io']);
    const back = makeEvent({ eventId: 5122, time: at(60), data: { param1: 'Volume1' } });
    expect(advisories({}, { events: [redirected, back] })).toEqual([]);
  });

  it('node-logs-missing: a cluster node or a migration\u2019s node without logs, with the collect command', () => {
    const migration = makeMigration({
      destinationNode: 'HV03',
      steps: [
        {
          time: at(0),
          node: 'HV01',
          phase: 'group-move-requested',
          evidenceTable: 'cluster_log',
          evidenceId: 7,
          summary: 'RCM',
        },
      ],
    });
    const found = advisories(
      { cluster_nodes: [clusterNode('HV01', 1), clusterNode('HV02', 2)] },
      { migrations: [migration], nodesWithLogs: ['HV01'] },
    );
    expect(found.map((f) => f.summary)).toEqual([
      expect.stringMatching(
        /^HV02 sent no logs: missing the event logs of HV02 \(.*System\) and its cluster log$/,
      ),
      expect.stringMatching(/^HV03 sent no logs: /),
    ]);
    // The exact commands of the collection script, run on the missing node.
    expect(found[0]!.remediation).toContain(
      'lmdoctor collect-script -o collect-lmdoctor.ps1; then on HV02, in an elevated PowerShell: powershell.exe -ExecutionPolicy Bypass -File .\\collect-lmdoctor.ps1 -LocalOnly',
    );
    expect(found[0]!.summary).toContain('Hyper-V-High-Availability-Admin');
    expect(found[1]!.evidence[0]).toMatchObject({ table: 'cluster_log', id: 7 });
  });

  it('analytic-channel-missing: only when a diagnosis is not confirmed', () => {
    const unsure = { verdict: 'likely' } as Diagnosis;
    expect(causes(advisories({}, {}, [unsure]))).toEqual(['analytic-channel-missing']);
    expect(advisories({}, {}, [{ verdict: 'confirmed' } as Diagnosis])).toEqual([]);
    const withAnalytic = { HV01: ['Microsoft-Windows-Hyper-V-High-Availability-Analytic'] };
    expect(advisories({}, { channelsByNode: withAnalytic }, [unsure])).toEqual([]);
    expect(advisories({}, {}, [unsure])[0]!.verdict).toBe('likely');
  });

  it('slow-migration-network: a slow migration nothing else explains, with its blackout records', () => {
    const evidence = [
      { table: 'events', id: 42, node: 'HV01', time: at(200), note: '20417: long blackout' },
    ];
    const slow = {
      migrationId: 4,
      conclusion: 'slow-unexplained',
      verdict: 'unknown',
      evidence,
    } as unknown as Diagnosis;
    const found = advisories({}, {}, [slow]);
    expect(causes(found)).toEqual(['slow-migration-network', 'analytic-channel-missing']);
    expect(found[0]!).toMatchObject({
      verdict: 'confirmed',
      evidence,
      summary: expect.stringContaining('#4'),
    });
    const explained = {
      ...slow,
      conclusion: 'csv-redirected-io',
      verdict: 'confirmed',
    } as Diagnosis;
    expect(advisories({}, {}, [explained])).toEqual([]);
  });
});
