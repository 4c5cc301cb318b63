import { networks, nodes, vm, xeonX5670 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const concurrent: Scenario = {
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
