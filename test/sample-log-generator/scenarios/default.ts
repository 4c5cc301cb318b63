import { networks, nodes, vm, xeonGold } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const defaultScenario: Scenario = {
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
