import { networks, nodes, vm, xeonX5670 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const noMigrationNetwork: Scenario = {
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
