import { networks, nodes, vm, xeonGold } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

/** Node clocks off by +4 s, -7 s and 0 s; the cause is in the right place only once corrected. */
export const clockSkewRhs: Scenario = {
  folder: 'clock-skew-rhs-deadlock',
  title:
    'Three 2019 nodes whose clocks disagree (+4 s, -7 s, 0 s): the destination RHS deadlocks during a live migration',
  windows: '2019',
  locale: 'en-US',
  cluster: 'HVCLU19B',
  domain: 'contoso.local',
  seed: 4070,
  start: '2022-06-14T09:00:00Z',
  end: '2022-06-14T10:30:00Z',
  nodes: nodes(3, xeonGold, 'SET-Switch', 120).map((n) =>
    n.name === 'HV01'
      ? { ...n, clockSkewMs: 4000, clusterLogLocalTime: true }
      : n.name === 'HV02'
        ? { ...n, clockSkewMs: -7000 }
        : n,
  ),
  networks: networks('2019'),
  vms: [
    vm('WEB20', 'C1D2E3F4-A5B6-4C7D-8E9F-0A1B2C3D4E50', 'HV01', 'SET-Switch'),
    vm('SQL20', 'D2E3F4A5-B6C7-4D8E-9F0A-1B2C3D4E5F61', 'HV02', 'SET-Switch', { memoryMB: 32768 }),
    vm('APP20', 'E3F4A5B6-C7D8-4E9F-8A1B-2C3D4E5F6A72', 'HV01', 'SET-Switch'),
  ],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2022-06-14T09:10:00Z',
      kind: 'live-migration',
      vm: 'WEB20',
      to: 'HV03',
      outcome: { result: 'succeeded', durationS: 8.2, blackoutS: 0.3 },
    },
    {
      at: '2022-06-14T09:20:00Z',
      kind: 'live-migration',
      vm: 'SQL20',
      to: 'HV03',
      outcome: { result: 'succeeded', durationS: 21.4, blackoutS: 0.5 },
    },
    {
      at: '2022-06-14T09:30:00Z',
      kind: 'live-migration',
      vm: 'WEB20',
      to: 'HV01',
      outcome: { result: 'succeeded', durationS: 7.9, blackoutS: 0.3 },
    },
    { at: '2022-06-14T09:40:00Z', kind: 'network-down', network: 'Cluster-CSV' },
    { at: '2022-06-14T09:41:30Z', kind: 'network-up', network: 'Cluster-CSV' },
    {
      at: '2022-06-14T10:05:00Z',
      kind: 'live-migration',
      vm: 'APP20',
      to: 'HV02',
      outcome: { result: 'failed', cause: 'rhs-failure', afterS: 9 },
    },
    { at: '2022-06-14T10:05:04Z', kind: 'rhs-restart', node: 'HV02', vm: 'APP20' },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      "HV01's clock runs 4 s fast, HV02's 7 s slow, HV03's is right; events and cluster logs carry the same error (HV01 also wrote its cluster log in local time, UTC+2). Three migrations succeed (HV01→HV03, HV02→HV03, HV03→HV01) and the Cluster-CSV network drops for 90 s, which every node logs. At 10:05:00 APP20 starts moving HV01→HV02; 4 s later the destination's RHS deadlocks on the VM resource (1230, then 1146) and the migration fails at 10:05:09. On HV02's own clock the deadlock is logged at 10:04:57, before the attempt as HV01 logs it (10:05:04).",
    demonstrates:
      'One clock per case: offsets estimated from the migration starts in both directions and the network outage every node saw, stored with their uncertainty and applied to events and cluster log lines before the checks read them.',
    verdict:
      'APP20 HV01→HV02 failed: rhs-failure (the destination RHS deadlocked during the attempt, once HV02 is put 7 s later and HV01 4 s earlier). The other three migrations succeeded.',
  },
};
