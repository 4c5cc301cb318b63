import { networks, nodes, vm, xeonE5v2, xeonX5670 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const badDay: Scenario = {
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
