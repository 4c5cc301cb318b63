/**
 * The scenario folders of sample-logs/, one entry each: cluster, configuration, timeline and
 * the verdict lmdoctor should reach. Names, addresses and ids are invented.
 */
import type {
  NetworkDefinition,
  NodeDefinition,
  ProcessorInfo,
  Scenario,
  VmDefinition,
  WindowsVersion,
} from './scenario-types.js';

const xeonX5670: ProcessorInfo = {
  manufacturer: 'GenuineIntel',
  name: 'Intel(R) Xeon(R) CPU           X5670  @ 2.93GHz',
  architecture: 'x64',
};
const xeonE5v2: ProcessorInfo = {
  manufacturer: 'GenuineIntel',
  name: 'Intel(R) Xeon(R) CPU E5-2680 v2 @ 2.80GHz',
  architecture: 'x64',
};
const xeonGold: ProcessorInfo = {
  manufacturer: 'GenuineIntel',
  name: 'Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz',
  architecture: 'x64',
};

function nodes(
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

function networks(windows: WindowsVersion): NetworkDefinition[] {
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

function vm(
  name: string,
  id: string,
  owner: string,
  switchName: string,
  extra: Partial<VmDefinition> = {},
): VmDefinition {
  return { name, id, owner, memoryMB: 8192, switchName, processorCompatibility: false, ...extra };
}

const defaultScenario: Scenario = {
  folder: 'default',
  title:
    'Three 2016 nodes: healthy live migrations, then one that fails while the migration network is down',
  windows: '2016',
  locale: 'en-US',
  cluster: 'HVCLU01',
  domain: 'contoso.local',
  seed: 20240312,
  start: '2024-03-12T08:00:00Z',
  end: '2024-03-12T12:00:00Z',
  nodes: nodes(3, xeonGold, 'External', -300).map((n) =>
    n.name === 'HV02' ? { ...n, clusterLogLocalTime: true } : n,
  ),
  networks: networks('2016'),
  vms: [
    vm('SQL01', '5A1C3E7F-92B4-4D6A-8F0E-13C7B9D2A4E6', 'HV01', 'External'),
    vm('WEB01', 'C4E8A2B6-1D3F-4A5C-9E7B-2F8D6C0A1B3E', 'HV02', 'External'),
    vm('APP01', '8F2D4B6A-3C1E-4E7F-A9B5-6D0C2E4F8A17', 'HV01', 'External'),
  ],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2024-03-12T08:40:12Z',
      kind: 'live-migration',
      vm: 'SQL01',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 14.2, blackoutS: 0.6 },
    },
    {
      at: '2024-03-12T09:05:40Z',
      kind: 'live-migration',
      vm: 'WEB01',
      to: 'HV03',
      outcome: { result: 'succeeded', durationS: 9.8, blackoutS: 0.4 },
    },
    { at: '2024-03-12T10:14:03Z', kind: 'network-down', network: 'LiveMigration' },
    {
      at: '2024-03-12T10:15:21Z',
      kind: 'live-migration',
      vm: 'APP01',
      to: 'HV03',
      outcome: { result: 'failed', cause: 'no-migration-network', afterS: 1.2 },
    },
    { at: '2024-03-12T10:31:48Z', kind: 'network-up', network: 'LiveMigration' },
    {
      at: '2024-03-12T10:40:05Z',
      kind: 'live-migration',
      vm: 'APP01',
      to: 'HV03',
      outcome: { result: 'succeeded', durationS: 11.5, blackoutS: 0.5 },
    },
  ],
  noisePerHour: 60,
  readme: {
    situation:
      'Three Windows Server 2016 nodes (HV01-HV03). SQL01 and WEB01 live-migrate normally. At 10:14 the LiveMigration network (the only one enabled for live migration) goes down; at 10:15 an administrator moves APP01 from HV01 to HV03 and it fails with 0x000013AB. The network comes back at 10:31 and the retry at 10:40 succeeds. HV02 wrote its cluster log with -UseLocalTime (UTC-5).',
    demonstrates:
      'The whole pipeline on a realistic collection: .evtx files spanning several chunks, XML and RenderedXml exports, 2016 cluster logs with header sections (one in local time), configuration dumps.',
    verdict:
      'Four live migrations; three succeeded; APP01 HV01→HV03 at 10:15 failed at the source with cause no-migration-network (event 21126 with 0x000013AB, cluster network LiveMigration down since 10:14).',
  },
};

const healthy: Scenario = {
  folder: 'healthy-live-migrations',
  title: 'Two 2016 nodes: a maintenance window of healthy live migrations',
  windows: '2016',
  locale: 'en-US',
  cluster: 'HVCLU16',
  domain: 'contoso.local',
  seed: 1607,
  start: '2019-01-26T22:00:00Z',
  end: '2019-01-26T23:30:00Z',
  nodes: nodes(2, xeonGold, 'External', 60).map((n) =>
    n.name === 'HV01' ? { ...n, clusterLogLocalTime: true } : n,
  ),
  networks: networks('2016'),
  vms: [
    vm('DC01', '68E4A6C7-0D2F-4B9D-8E3A-4C6E8A0C2446', 'HV01', 'External'),
    vm('FS02', '79F5B7D8-1E3A-4CAE-9F4B-5D7F9B1D3557', 'HV01', 'External', { memoryMB: 16384 }),
    vm('WSUS01', '8A06C8E9-2F4B-4DBF-8A5C-6E8A0C2E4668', 'HV02', 'External'),
  ],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2019-01-26T22:10:00Z',
      kind: 'live-migration',
      vm: 'DC01',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 8.9, blackoutS: 0.3 },
    },
    {
      at: '2019-01-26T22:11:30Z',
      kind: 'live-migration',
      vm: 'FS02',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 19.6, blackoutS: 0.7 },
    },
    {
      at: '2019-01-26T22:58:45Z',
      kind: 'live-migration',
      vm: 'DC01',
      to: 'HV01',
      outcome: { result: 'succeeded', durationS: 8.1, blackoutS: 0.3 },
    },
    {
      at: '2019-01-26T23:00:10Z',
      kind: 'live-migration',
      vm: 'FS02',
      to: 'HV01',
      outcome: { result: 'succeeded', durationS: 18.8, blackoutS: 0.6 },
    },
    {
      at: '2019-01-26T23:02:05Z',
      kind: 'live-migration',
      vm: 'WSUS01',
      to: 'HV01',
      outcome: { result: 'succeeded', durationS: 11.4, blackoutS: 0.4 },
    },
  ],
  noisePerHour: 40,
  readme: {
    situation:
      'HV01 is drained by hand before patching (DC01 and FS02 live-migrate to HV02 at 22:10), patched, and the VMs are moved back at 22:58-23:02 together with WSUS01. Every migration succeeds with a sub-second blackout. HV01 wrote its cluster log with -UseLocalTime (UTC+1).',
    demonstrates:
      'The baseline: what healthy live migrations look like on both nodes (21300-21309, 20415, RCM move lines), with no finding.',
    verdict: 'Five live migrations, all succeeded; no failure and no cause.',
  },
};

const noMigrationNetwork: Scenario = {
  folder: 'no-migration-network',
  title: 'Three 2008 R2 nodes: the live-migration network goes down, then SQL01 is moved',
  windows: '2008R2',
  locale: 'en-US',
  cluster: 'HVCLU08',
  domain: 'contoso.local',
  seed: 2011,
  start: '2011-04-15T09:00:00Z',
  end: '2011-04-15T11:00:00Z',
  nodes: nodes(3, xeonX5670, 'External', 0),
  networks: networks('2008R2'),
  vms: [
    vm('SQL01', '0E6B1D7C-5A3F-4B2E-9C8D-7F1A2B3C4D5E', 'HV01', 'External'),
    vm('FS01', '2A4C6E8B-0D1F-4A3C-8E5B-7D9F1B3D5F70', 'HV02', 'External'),
  ],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2011-04-15T09:32:10Z',
      kind: 'live-migration',
      vm: 'FS01',
      to: 'HV03',
      outcome: { result: 'succeeded', durationS: 21.4, blackoutS: 0.9 },
    },
    { at: '2011-04-15T10:14:00Z', kind: 'network-down', network: 'LiveMigration' },
    {
      at: '2011-04-15T10:15:00Z',
      kind: 'live-migration',
      vm: 'SQL01',
      to: 'HV02',
      outcome: { result: 'failed', cause: 'no-migration-network', afterS: 0.8 },
    },
  ],
  noisePerHour: 40,
  readme: {
    situation:
      'Three Windows Server 2008 R2 nodes. FS01 moves HV02→HV03 at 09:32. At 10:14 the LiveMigration network, the only network in MigrationNetworkOrder, goes down (1127 per interface, 1130 for the network); at 10:15 SQL01 is moved HV01→HV02 and fails at once.',
    demonstrates:
      '2008 R2 shapes: no 21502 event, cluster logs without a header in ANSI, MigrationNetworkOrder/MigrationExcludeNetworks as private properties of each VM resource.',
    verdict:
      'SQL01 HV01→HV02 at 10:15 failed at the source: no-migration-network (21126 with 0x000013AB; the only live-migration network is down, Get-ClusterNetwork shows it Down).',
  },
};

const notReadyAfterRestart: Scenario = {
  folder: 'network-not-ready-after-restart',
  title:
    'Two 2012 R2 nodes: a live migration started 12 seconds after the cluster service restarted',
  windows: '2012R2',
  locale: 'en-US',
  cluster: 'HVCLU12',
  domain: 'fabrikam.local',
  seed: 1402,
  start: '2015-06-09T13:30:00Z',
  end: '2015-06-09T14:30:00Z',
  nodes: nodes(2, xeonE5v2, 'vSwitch-Prod', 120),
  networks: networks('2012R2'),
  vms: [vm('EXCH01', '7C3A9E1B-4D2F-4B6A-8C0E-5F1D3B7A9C2E', 'HV01', 'vSwitch-Prod')],
  csvs: ['Volume1'],
  timeline: [
    { at: '2015-06-09T14:02:00Z', kind: 'cluster-service-restart', node: 'HV01', downS: 20 },
    {
      at: '2015-06-09T14:02:32Z',
      kind: 'live-migration',
      vm: 'EXCH01',
      to: 'HV02',
      outcome: { result: 'failed', cause: 'network-not-ready-after-restart', afterS: 0.6 },
    },
    {
      at: '2015-06-09T14:04:10Z',
      kind: 'live-migration',
      vm: 'EXCH01',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 33.1, blackoutS: 1.1 },
    },
  ],
  noisePerHour: 40,
  readme: {
    situation:
      'The cluster service on HV01 is restarted at 14:02:00 (7036 stopped/running, new clussvc process in the cluster log, running again at 14:02:20). At 14:02:32, 12 s after the service came back, EXCH01 is moved to HV02 and fails with "no network" (21126, 0x000013AB). The retry at 14:04:10 succeeds.',
    demonstrates:
      'The guide\'s "wait up to 30 seconds after a cluster service restart" check: same events as a missing network, told apart by timing; 2012 R2 events including 21502 and 21122.',
    verdict:
      'EXCH01 HV01→HV02 at 14:02:32 failed: network-not-ready-after-restart (started 12 s after the cluster service start on the source). The retry succeeded.',
  },
};

const nameMismatch: Scenario = {
  folder: 'virtual-network-name-mismatch',
  title: 'Two 2008 R2 nodes, Portuguese (pt-BR) display language: virtual network names differ',
  windows: '2008R2',
  locale: 'pt-BR',
  cluster: 'CLUHV',
  domain: 'empresa.local',
  seed: 5521,
  start: '2011-08-22T12:00:00Z',
  end: '2011-08-22T13:00:00Z',
  nodes: nodes(2, xeonX5670, 'Rede Externa', -180).map((n) =>
    n.name === 'HV02' ? { ...n, switches: ['Rede-Externa'] } : n,
  ),
  networks: networks('2008R2'),
  vms: [vm('ERP01', '9D1B3F5A-7C2E-4A4B-8D6F-0E2A4C6E8B1D', 'HV01', 'Rede Externa')],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2011-08-22T12:21:45Z',
      kind: 'live-migration',
      vm: 'ERP01',
      to: 'HV02',
      outcome: { result: 'failed', cause: 'virtual-network-name-mismatch', afterS: 2.4 },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'ERP01 is connected to the virtual network "Rede Externa" on HV01; on HV02 the same external network was created as "Rede-Externa". The live migration HV01→HV02 at 12:21:45 fails with 21125. The nodes run a Portuguese (pt-BR) display language: RenderedXml messages and level names are in Portuguese.',
    demonstrates:
      'Diagnosis from event ids and fields, not message text; the virtual-switch listings of both nodes show the mismatch.',
    verdict:
      'ERP01 HV01→HV02 failed (destination configuration): virtual-network-name-mismatch (21125; "Rede Externa" on HV01, "Rede-Externa" on HV02).',
    assumptions: [
      "The pt-BR message texts are our own translations of the English templates, not Microsoft's localised resources (which are not available to us).",
    ],
  },
};

const portConflict: Scenario = {
  folder: 'switch-port-name-conflict',
  title: 'Two 2008 R2 nodes: the VM uses a switch port named like its virtual switch',
  windows: '2008R2',
  locale: 'en-US',
  cluster: 'HVCLU08',
  domain: 'contoso.local',
  seed: 3303,
  start: '2011-05-03T15:00:00Z',
  end: '2011-05-03T16:00:00Z',
  nodes: nodes(2, xeonX5670, 'External', 0),
  networks: networks('2008R2'),
  vms: [vm('DC02', '1F3D5B7A-9E2C-4C6E-8A0B-2D4F6A8C0E13', 'HV01', 'External')],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2011-05-03T15:27:09Z',
      kind: 'live-migration',
      vm: 'DC02',
      to: 'HV02',
      outcome: { result: 'failed', cause: 'switch-port-name-conflict', afterS: 1.9 },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'DC02 is connected to a switch port whose name equals the virtual switch name ("External"). Its live migration HV01→HV02 at 15:27 fails with 21203 "Failed to create virtual network switch port External."',
    demonstrates: "The guide's fifth written check (no switch port named like its switch).",
    verdict:
      'DC02 HV01→HV02 failed: switch-port-name-conflict (21203 names a port equal to the switch name "External").',
  },
};

const processorIncompatible: Scenario = {
  folder: 'processor-incompatible',
  title: 'Three 2012 R2 nodes with two processor generations; HV02 runs 3.5 s fast',
  windows: '2012R2',
  locale: 'en-US',
  cluster: 'HVCLU12',
  domain: 'fabrikam.local',
  seed: 7707,
  start: '2016-02-18T07:00:00Z',
  end: '2016-02-18T08:30:00Z',
  nodes: nodes(3, xeonX5670, 'vSwitch-Prod', 60).map((n) =>
    n.name === 'HV03'
      ? { ...n, processor: xeonE5v2 }
      : n.name === 'HV02'
        ? { ...n, clockSkewMs: 3500 }
        : n,
  ),
  networks: networks('2012R2'),
  vms: [
    vm('CRM01', '6E8A0C2E-4B1D-4F3A-9C5E-7B9D1F3A5C24', 'HV03', 'vSwitch-Prod'),
    vm('BI01', '3B5D7F9A-1C2E-4E4A-8B6C-9D0F2A4C6E35', 'HV01', 'vSwitch-Prod', {
      processorCompatibility: true,
    }),
  ],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2016-02-18T07:20:30Z',
      kind: 'live-migration',
      vm: 'BI01',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 18.7, blackoutS: 0.7 },
    },
    {
      at: '2016-02-18T07:48:02Z',
      kind: 'live-migration',
      vm: 'CRM01',
      to: 'HV01',
      outcome: { result: 'failed', cause: 'processor-incompatible', afterS: 3.1 },
    },
  ],
  noisePerHour: 40,
  readme: {
    situation:
      'HV01 and HV02 have Xeon X5670 processors, HV03 a newer Xeon E5-2680 v2. CRM01 runs on HV03 without processor compatibility mode; its live migration to HV01 at 07:48 fails ("using processor-specific features not supported on host"). BI01, which has compatibility mode on, moves HV01→HV02 fine. HV02\'s clock runs 3.5 s ahead of the others.',
    demonstrates:
      "Processor listings per node, the 21502 error chain, and clock skew between nodes (HV02's events are 3.5 s late relative to the paired HV01 events).",
    verdict:
      'CRM01 HV03→HV01 failed at the source: processor-incompatible (different processor versions, compatibility mode off). Clock skew of about +3.5 s on HV02.',
  },
};

const concurrent: Scenario = {
  folder: 'concurrent-migration',
  title: 'Three 2008 R2 nodes: two live migrations into HV02 at the same time',
  windows: '2008R2',
  locale: 'en-US',
  cluster: 'HVCLU08',
  domain: 'contoso.local',
  seed: 808,
  start: '2011-09-01T08:30:00Z',
  end: '2011-09-01T09:30:00Z',
  nodes: nodes(3, xeonX5670, 'External', 0),
  networks: networks('2008R2'),
  vms: [
    vm('SQL02', '4C6E8A0B-2D1F-4B3D-9E5A-6C8E0A2C4E46', 'HV01', 'External', { memoryMB: 32768 }),
    vm('WEB02', '5D7F9B1C-3E2A-4C4E-8F6B-7D9F1B3D5F57', 'HV03', 'External'),
  ],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2011-09-01T09:00:00Z',
      kind: 'live-migration',
      vm: 'SQL02',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 52.3, blackoutS: 1.4 },
    },
    {
      at: '2011-09-01T09:00:11Z',
      kind: 'live-migration',
      vm: 'WEB02',
      to: 'HV02',
      outcome: { result: 'failed', cause: 'concurrent-migration', afterS: 0.4 },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'At 09:00:00 SQL02 (32 GB) starts moving HV01→HV02 and takes 52 s. At 09:00:11 WEB02 is moved HV03→HV02 while the first migration is still running; in 2008 R2 a node can take part in only one live migration at a time, so it fails (MigrationFailureReason 0x800700AA).',
    demonstrates:
      'Overlap detection between migrations sharing a node; MigrationFailureReason in Get-ClusterParameter (2147942570 = 0x800700AA).',
    verdict:
      "WEB02 HV03→HV02 at 09:00:11 failed: concurrent-migration (HV02 was already the destination of SQL02's migration, 09:00:00-09:00:52). SQL02 succeeded.",
  },
};

const authentication: Scenario = {
  folder: 'authentication-failed',
  title: 'Two 2012 R2 nodes: the live-migration connection cannot authenticate',
  windows: '2012R2',
  locale: 'en-US',
  cluster: 'HVCLU12',
  domain: 'fabrikam.local',
  seed: 3090,
  start: '2016-11-07T16:00:00Z',
  end: '2016-11-07T17:00:00Z',
  nodes: nodes(2, xeonE5v2, 'vSwitch-Prod', 0),
  networks: networks('2012R2'),
  vms: [vm('FILE01', '8A0C2E4B-6D1F-4F5A-9B7D-0E2A4C6E8A68', 'HV01', 'vSwitch-Prod')],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2016-11-07T16:18:44Z',
      kind: 'live-migration',
      vm: 'FILE01',
      to: 'HV02',
      outcome: { result: 'failed', cause: 'authentication-failed', afterS: 2.2 },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'FILE01 is moved HV01→HV02 at 16:18:44; the migration connection fails with SEC_E_NO_CREDENTIALS (0x8009030E), as happens with CredSSP from a remote console or Kerberos without constrained delegation.',
    demonstrates: 'The authentication branch (2012 and later) from the 21502 error chain.',
    verdict: 'FILE01 HV01→HV02 failed at the source: authentication-failed (0x8009030E).',
  },
};

const nodeDown: Scenario = {
  folder: 'node-down-during-migration',
  title: 'Three 2019 nodes: the destination node is lost in the middle of a live migration',
  windows: '2019',
  locale: 'en-US',
  cluster: 'HVCLU19',
  domain: 'contoso.local',
  seed: 1919,
  start: '2021-10-05T18:00:00Z',
  end: '2021-10-05T19:00:00Z',
  nodes: nodes(3, xeonGold, 'SET-Switch', 60).map((n) =>
    n.name === 'HV01' ? { ...n, clusterLogLocalTime: true } : n,
  ),
  networks: networks('2019'),
  vms: [
    vm('SQL03', '9B1D3F5A-7C2E-4A6C-8D0F-1B3D5F7A9C79', 'HV01', 'SET-Switch', { memoryMB: 65536 }),
    vm('WEB03', 'AC2E4A6B-8D1F-4B7D-9E1A-2C4E6A8C0E8A', 'HV02', 'SET-Switch'),
  ],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2021-10-05T18:10:15Z',
      kind: 'live-migration',
      vm: 'WEB03',
      to: 'HV01',
      outcome: { result: 'succeeded', durationS: 7.6, blackoutS: 0.3 },
    },
    {
      at: '2021-10-05T18:36:20Z',
      kind: 'live-migration',
      vm: 'SQL03',
      to: 'HV03',
      outcome: { result: 'failed', cause: 'node-down', afterS: 11.5 },
    },
    { at: '2021-10-05T18:36:28Z', kind: 'node-down', node: 'HV03' },
  ],
  noisePerHour: 40,
  readme: {
    situation:
      "SQL03 (64 GB) starts moving HV01→HV03 at 18:36:20. HV03 crashes at 18:36:28; HV01 and HV02 log 1135 and a new membership view without node 3; the migration fails at the source with 0x80072746 and SQL03 keeps running on HV01. HV03's logs end at the crash. HV01 wrote its cluster log with -UseLocalTime (UTC+1).",
    demonstrates:
      'Cluster health during a migration (node loss), 2019 cluster logs with header sections, logs that stop early on one node.',
    verdict:
      'SQL03 HV01→HV03 failed: node-down (destination HV03 removed from membership at 18:36:28, during the transfer). WEB03 HV02→HV01 succeeded.',
  },
};

const csvRedirected: Scenario = {
  folder: 'csv-redirected-io',
  title:
    'Two 2012 R2 nodes: CSV left in redirected I/O by a cancelled backup, then a slow live migration',
  windows: '2012R2',
  locale: 'en-US',
  cluster: 'HVCLU12',
  domain: 'fabrikam.local',
  seed: 5136,
  start: '2017-03-20T01:00:00Z',
  end: '2017-03-20T03:00:00Z',
  nodes: nodes(2, xeonE5v2, 'vSwitch-Prod', 0),
  networks: networks('2012R2'),
  vms: [vm('APP02', 'BD3F5B7C-9E2A-4C8E-8F2B-3D5F7B9D1F9B', 'HV01', 'vSwitch-Prod')],
  csvs: ['Volume1'],
  timeline: [
    { at: '2017-03-20T01:30:00Z', kind: 'backup-cancelled', node: 'HV01', csv: 'Volume1' },
    {
      at: '2017-03-20T02:10:30Z',
      kind: 'live-migration',
      vm: 'APP02',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 212.6, blackoutS: 48.3, slow: true },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'A backup of the CSV Volume1 is cancelled at 01:30 and leaves the volume in redirected access (5136 on the owner HV01, 5121 on HV02). At 02:10 APP02 is live-migrated HV01→HV02: it succeeds, but takes 212 s with a 48 s blackout (VMMS 20417).',
    demonstrates:
      'A successful but suspicious migration, explained by CSV redirected I/O left over from a cancelled backup.',
    verdict:
      'APP02 HV01→HV02 succeeded but was slow: csv-redirected-io (CSV Volume1 redirected since 01:30, 20417 long blackout).',
  },
};

const damaged: Scenario = {
  folder: 'damaged-evtx-chunk',
  title: 'Two 2012 R2 nodes, healthy migrations; one System.evtx has a damaged chunk',
  windows: '2012R2',
  locale: 'en-US',
  cluster: 'HVCLU12',
  domain: 'fabrikam.local',
  seed: 4242,
  start: '2015-01-12T06:00:00Z',
  end: '2015-01-12T10:00:00Z',
  nodes: nodes(2, xeonE5v2, 'vSwitch-Prod', 0),
  networks: networks('2012R2'),
  vms: [vm('WEB04', 'CE4A6C8D-0F2B-4D9F-9A3C-4E6A8C0E2AAC', 'HV01', 'vSwitch-Prod')],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2015-01-12T07:12:00Z',
      kind: 'live-migration',
      vm: 'WEB04',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 10.2, blackoutS: 0.4 },
    },
    {
      at: '2015-01-12T08:45:30Z',
      kind: 'live-migration',
      vm: 'WEB04',
      to: 'HV01',
      outcome: { result: 'succeeded', durationS: 9.7, blackoutS: 0.4 },
    },
  ],
  noisePerHour: 70,
  damage: { node: 'HV01', channelFile: 'System', chunk: 1 },
  readme: {
    situation:
      "Two healthy live migrations of WEB04. HV01-System.evtx was damaged after collection: bytes inside a record of chunk 1 were altered, so that chunk's data checksum no longer matches (the records still decode).",
    demonstrates:
      'Ingest keeps going on damaged input: the checksum mismatch is reported in ingest_errors with file and chunk, and the events are kept.',
    verdict:
      'Two succeeded live migrations of WEB04; one ingest warning for HV01-System.evtx chunk 1 (data CRC mismatch).',
  },
};

const quickMigration: Scenario = {
  folder: 'quick-migration',
  title: 'Two 2012 R2 nodes: a quick migration (save, move, restore) next to a live migration',
  windows: '2012R2',
  locale: 'en-US',
  cluster: 'HVCLU12',
  domain: 'fabrikam.local',
  seed: 1204,
  start: '2014-10-02T20:00:00Z',
  end: '2014-10-02T21:00:00Z',
  nodes: nodes(2, xeonE5v2, 'vSwitch-Prod', 0),
  networks: networks('2012R2'),
  vms: [
    vm('LEGACY01', 'DF5B7D9E-1A3C-4E0A-9B4D-5F7B9D1F3BBD', 'HV01', 'vSwitch-Prod'),
    vm('WEB05', 'E06C8EAF-2B4D-4F1B-8C5E-6A8C0E2A4CCE', 'HV02', 'vSwitch-Prod'),
  ],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2014-10-02T20:15:00Z',
      kind: 'quick-migration',
      vm: 'LEGACY01',
      to: 'HV02',
      durationS: 41,
    },
    {
      at: '2014-10-02T20:31:30Z',
      kind: 'live-migration',
      vm: 'WEB05',
      to: 'HV01',
      outcome: { result: 'succeeded', durationS: 12.3, blackoutS: 0.5 },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'LEGACY01 is moved HV01→HV02 with a quick migration at 20:15 (the role is saved, moved and started again: about 41 s of downtime). WEB05 is live-migrated HV02→HV01 at 20:31.',
    demonstrates:
      'Telling a quick migration (RCM "Bringing group offline first", RHS offline/online, 21119 on the destination, no 21300-21309) from a live migration.',
    verdict:
      'Two successful moves: LEGACY01 HV01→HV02 of kind quick, WEB05 HV02→HV01 of kind live. No failure.',
    assumptions: [
      'No event dedicated to quick migration is known (events.md §4 item 11); the generator writes the cluster-log sequence and HA 21119 on the destination only.',
    ],
  },
};

const cleanupNotFinished: Scenario = {
  folder: 'cleanup-not-finished',
  title: 'Two 2008 R2 nodes: a VM moved back seconds after its previous live migration',
  windows: '2008R2',
  locale: 'en-US',
  cluster: 'HVCLU08',
  domain: 'contoso.local',
  seed: 4321,
  start: '2011-06-14T21:00:00Z',
  end: '2011-06-14T22:00:00Z',
  nodes: nodes(2, xeonX5670, 'External', 0),
  networks: networks('2008R2'),
  vms: [vm('PRINT01', 'F17D9FB0-3C5E-4A2C-9D6F-7B9D1F3B5DDF', 'HV01', 'External')],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2011-06-14T21:20:00Z',
      kind: 'live-migration',
      vm: 'PRINT01',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 16.4, blackoutS: 0.6 },
    },
    {
      at: '2011-06-14T21:20:19Z',
      kind: 'live-migration',
      vm: 'PRINT01',
      to: 'HV01',
      outcome: { result: 'failed', cause: 'cleanup-not-finished', afterS: 1.3 },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'PRINT01 is live-migrated HV01→HV02 at 21:20:00 (done at 21:20:16); at 21:20:19, about 3 s later, the administrator moves it back and the second migration fails: the cleanup of the first had not finished on HV01 (21121).',
    demonstrates:
      "The guide's third written check: time between the end of one migration of a VM and the start of the next.",
    verdict:
      'PRINT01 HV02→HV01 at 21:20:19 failed: cleanup-not-finished (started about 3 s after the previous migration of the same VM ended). The first migration succeeded.',
    assumptions: [
      'Event 21121 with E_FAIL (0x80004005) as the failure signature of this case is our choice; no source ties a specific event to it.',
    ],
  },
};

const systemDrive: Scenario = {
  folder: 'system-drive-mismatch',
  title: 'Two 2012 R2 nodes booting from different system drive letters',
  windows: '2012R2',
  locale: 'en-US',
  cluster: 'HVCLU12',
  domain: 'fabrikam.local',
  seed: 9600,
  start: '2016-05-10T10:00:00Z',
  end: '2016-05-10T11:00:00Z',
  nodes: nodes(2, xeonE5v2, 'vSwitch-Prod', 0).map((n) =>
    n.name === 'HV02' ? { ...n, systemDrive: 'D:' } : n,
  ),
  networks: networks('2012R2'),
  vms: [vm('SAP01', '028EA0C1-4D6F-4B3D-8E7A-8C0E2A4C6EE0', 'HV01', 'vSwitch-Prod')],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2016-05-10T10:22:40Z',
      kind: 'live-migration',
      vm: 'SAP01',
      to: 'HV02',
      outcome: { result: 'failed', cause: 'system-drive-mismatch', afterS: 38.5 },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'HV01 boots from C:, HV02 from D:. SAP01 is live-migrated HV01→HV02 at 10:22:40; the memory transfer completes, then the destination cannot register the VM configuration at C:\\ClusterStorage\\Volume1\\SAP01 and the migration fails at about 90 %.',
    demonstrates:
      'A destination-side failure late in the migration; Win32_OperatingSystem listings show the different system drives.',
    verdict: 'SAP01 HV01→HV02 failed at the destination: system-drive-mismatch (HV01 C:, HV02 D:).',
    assumptions: [
      'HA 21102 on the destination as the register failure, and the VMMS text inside 21502, are our choices: events.md does not settle which VMMS event id carries the register-configuration failure (§4 item 6).',
    ],
  },
};

const architectureMix: Scenario = {
  folder: 'architecture-mismatch',
  title: 'Two 2008 R2 nodes whose processors report different architectures',
  windows: '2008R2',
  locale: 'en-US',
  cluster: 'HVCLU08',
  domain: 'contoso.local',
  seed: 8664,
  start: '2011-02-08T13:00:00Z',
  end: '2011-02-08T14:00:00Z',
  nodes: nodes(2, xeonX5670, 'External', 0).map((n) =>
    n.name === 'HV02'
      ? {
          ...n,
          processor: {
            manufacturer: 'GenuineIntel',
            name: 'Intel(R) Xeon(R) CPU           E5420  @ 2.50GHz',
            architecture: 'x86',
          },
        }
      : n,
  ),
  networks: networks('2008R2'),
  vms: [vm('DEV01', '139FB1D2-5E7A-4C4E-9F8B-9D1F3B5D7FF1', 'HV01', 'External')],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2011-02-08T13:40:05Z',
      kind: 'live-migration',
      vm: 'DEV01',
      to: 'HV02',
      outcome: { result: 'failed', cause: 'architecture-mismatch', afterS: 1.6 },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      "HV02's processor listing reports architecture 0 (x86) while HV01 reports 9 (x64). DEV01's live migration HV01→HV02 at 13:40 fails: the destination hardware is not compatible.",
    demonstrates:
      "The guide's second written check (no x86/x64 mix in the cluster), decided from Win32_Processor listings.",
    verdict: 'DEV01 HV01→HV02 failed at the source: architecture-mismatch (HV01 x64, HV02 x86).',
    assumptions: [
      'Hyper-V itself needs x64 hosts; the x86 listing stands for the mixed cluster the guide warns about.',
    ],
  },
};

const badDay: Scenario = {
  folder: 'bad-day',
  title: 'Three 2012 R2 nodes, one bad day: several failures of different causes',
  windows: '2012R2',
  locale: 'en-US',
  cluster: 'HVCLU12',
  domain: 'fabrikam.local',
  seed: 777,
  start: '2016-09-14T05:00:00Z',
  end: '2016-09-14T11:00:00Z',
  nodes: nodes(3, xeonX5670, 'vSwitch-Prod', 120).map((n) =>
    n.name === 'HV03'
      ? { ...n, processor: xeonE5v2 }
      : n.name === 'HV02'
        ? { ...n, clusterLogLocalTime: true }
        : n,
  ),
  networks: networks('2012R2'),
  vms: [
    vm('SQL10', '24A0C2E3-6F8B-4D5F-8A9C-0E2A4C6E8002', 'HV01', 'vSwitch-Prod'),
    vm('WEB10', '35B1D3F4-7A9C-4E6A-9B0D-1F3B5D7F9113', 'HV02', 'vSwitch-Prod'),
    vm('APP10', '46C2E4A5-8B0D-4F7B-8C1E-2A4C6E8A0224', 'HV01', 'vSwitch-Prod'),
    vm('CRM10', '57D3F5B6-9C1E-4A8C-9D2F-3B5D7F9B1335', 'HV03', 'vSwitch-Prod'),
  ],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2016-09-14T06:10:11Z',
      kind: 'live-migration',
      vm: 'SQL10',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 24.8, blackoutS: 0.8 },
    },
    { at: '2016-09-14T07:00:00Z', kind: 'backup-cancelled', node: 'HV01', csv: 'Volume1' },
    {
      at: '2016-09-14T07:25:30Z',
      kind: 'live-migration',
      vm: 'WEB10',
      to: 'HV01',
      outcome: { result: 'succeeded', durationS: 188.2, blackoutS: 36.9, slow: true },
    },
    { at: '2016-09-14T08:02:00Z', kind: 'rhs-restart', node: 'HV01', vm: 'APP10' },
    {
      at: '2016-09-14T08:02:14Z',
      kind: 'live-migration',
      vm: 'APP10',
      to: 'HV03',
      outcome: { result: 'failed', cause: 'network-not-ready-after-restart', afterS: 0.7 },
    },
    {
      at: '2016-09-14T08:04:02Z',
      kind: 'live-migration',
      vm: 'APP10',
      to: 'HV03',
      outcome: { result: 'succeeded', durationS: 15.1, blackoutS: 0.6 },
    },
    {
      at: '2016-09-14T08:30:45Z',
      kind: 'live-migration',
      vm: 'CRM10',
      to: 'HV01',
      outcome: { result: 'failed', cause: 'processor-incompatible', afterS: 2.8 },
    },
    { at: '2016-09-14T09:10:00Z', kind: 'quick-migration', vm: 'CRM10', to: 'HV01', durationS: 37 },
    { at: '2016-09-14T09:40:00Z', kind: 'network-down', network: 'LiveMigration' },
    {
      at: '2016-09-14T09:41:20Z',
      kind: 'live-migration',
      vm: 'SQL10',
      to: 'HV03',
      outcome: { result: 'failed', cause: 'no-migration-network', afterS: 0.9 },
    },
    { at: '2016-09-14T09:58:10Z', kind: 'network-up', network: 'LiveMigration' },
  ],
  noisePerHour: 45,
  readme: {
    situation:
      "A maintenance day. SQL10 moves fine at 06:10. A CSV backup is cancelled at 07:00 and leaves Volume1 in redirected access; WEB10's migration at 07:25 succeeds but takes 188 s with a 37 s blackout. At 08:02 APP10's resource deadlocks and is moved to a new RHS process; a migration 14 s later fails with \"no network\", the retry at 08:04 succeeds. CRM10 (on HV03, the only node with a newer processor, no compatibility mode) cannot live-migrate to HV01 at 08:30; the administrator quick-migrates it at 09:10. At 09:40 the LiveMigration network goes down and SQL10's migration at 09:41 fails; the network is back at 09:58. HV02's cluster log was written with -UseLocalTime (UTC+2) and, being 2012 R2, has no header saying so.",
    demonstrates:
      'Several causes in one collection; an RHS move as the "recent restart" anchor; a local-time cluster log whose basis must be inferred from the event logs.',
    verdict:
      'Seven moves: SQL10 06:10 succeeded; WEB10 07:25 succeeded but slow (csv-redirected-io); APP10 08:02 failed (network-not-ready-after-restart, 14 s after the RHS restart); APP10 08:04 succeeded; CRM10 08:30 failed (processor-incompatible); CRM10 09:10 quick migration succeeded; SQL10 09:41 failed (no-migration-network).',
  },
};

export const scenarios: Scenario[] = [
  defaultScenario,
  healthy,
  noMigrationNetwork,
  notReadyAfterRestart,
  nameMismatch,
  portConflict,
  processorIncompatible,
  concurrent,
  authentication,
  nodeDown,
  csvRedirected,
  damaged,
  quickMigration,
  cleanupNotFinished,
  systemDrive,
  architectureMix,
  badDay,
];
