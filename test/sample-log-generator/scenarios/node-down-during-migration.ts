import { networks, nodes, vm, xeonGold } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const nodeDown: Scenario = {
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
