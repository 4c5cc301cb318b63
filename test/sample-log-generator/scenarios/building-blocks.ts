/** Shared pieces of the scenario definitions: processors, nodes, networks, VMs. */
import type {
  NetworkDefinition,
  NodeDefinition,
  ProcessorInfo,
  VmDefinition,
  WindowsVersion,
} from '../scenario-types.js';

export const xeonX5670: ProcessorInfo = {
  manufacturer: 'GenuineIntel',
  name: 'Intel(R) Xeon(R) CPU           X5670  @ 2.93GHz',
  architecture: 'x64',
};
export const xeonE5v2: ProcessorInfo = {
  manufacturer: 'GenuineIntel',
  name: 'Intel(R) Xeon(R) CPU E5-2680 v2 @ 2.80GHz',
  architecture: 'x64',
};
export const xeonGold: ProcessorInfo = {
  manufacturer: 'GenuineIntel',
  name: 'Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz',
  architecture: 'x64',
};

export function nodes(
  count: number,
  processor: ProcessorInfo,
  switchName: string,
  utcOffsetMinutes: number,
): NodeDefinition[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `HV0${i + 1}`,
    id: i + 1,
    processor,
    switches: [switchName],
    systemDrive: 'C:',
    utcOffsetMinutes,
    hostOctet: 11 + i,
  }));
}

export function networks(windows: WindowsVersion): NetworkDefinition[] {
  const legacy = windows === '2008R2';
  return [
    {
      name: 'Management',
      id: 'b0f5d1a2-6c3e-4f1b-9a8d-2e7c4b5a6f01',
      role: 'ClusterAndClient',
      metric: legacy ? 10100 : 70240,
      subnet: '192.168.10.0',
      prefixLength: 24,
      liveMigration: false,
      adapter: 'Management',
    },
    {
      name: 'Cluster-CSV',
      id: '3c9e7b14-2d8a-4e6f-b1c5-7a0d9e2f4b12',
      role: 'Cluster',
      metric: legacy ? 1100 : 30240,
      subnet: '10.0.1.0',
      prefixLength: 24,
      liveMigration: false,
      adapter: 'Heartbeat',
    },
    {
      name: 'LiveMigration',
      id: 'e7a2c6d9-41b8-4c3f-8e5a-0f6b2d9c1a23',
      role: 'Cluster',
      metric: legacy ? 1200 : 39840,
      subnet: '10.0.2.0',
      prefixLength: 24,
      liveMigration: true,
      adapter: 'LM',
    },
  ];
}

export function vm(
  name: string,
  id: string,
  owner: string,
  switchName: string,
  extra: Partial<VmDefinition> = {},
): VmDefinition {
  return { name, id, owner, memoryMB: 8192, switchName, processorCompatibility: false, ...extra };
}
