import { networks, nodes, vm, xeonGold } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const healthy: Scenario = {
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
