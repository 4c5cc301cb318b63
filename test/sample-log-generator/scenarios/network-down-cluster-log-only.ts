import { networks, nodes, vm, xeonE5v2 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

/** The migration network is down across the attempt, and only the cluster logs say so. */
export const networkDownClusterLogOnly: Scenario = {
  folder: 'network-down-cluster-log-only',
  title:
    'Two 2012 R2 nodes: the live-migration network is down from 3 minutes before a move to 4 minutes after it, seen only in the cluster logs',
  windows: '2012R2',
  locale: 'en-US',
  cluster: 'HVCLU12B',
  domain: 'fabrikam.local',
  seed: 1130,
  start: '2018-05-22T20:00:00Z',
  end: '2018-05-22T21:30:00Z',
  nodes: nodes(2, xeonE5v2, 'vSwitch-Prod', 60).map((n) =>
    n.name === 'HV02' ? { ...n, clockSkewMs: 2500 } : n,
  ),
  networks: networks('2012R2'),
  vms: [
    vm('ERP40', 'F4A5B6C7-D8E9-4F0A-8B1C-2D3E4F5A6B05', 'HV01', 'vSwitch-Prod'),
    vm('WEB40', 'A5B6C7D8-E9F0-4A1B-9C2D-3E4F5A6B7C16', 'HV02', 'vSwitch-Prod'),
  ],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2018-05-22T20:15:00Z',
      kind: 'live-migration',
      vm: 'WEB40',
      to: 'HV01',
      outcome: { result: 'succeeded', durationS: 9.1, blackoutS: 0.4 },
    },
    {
      at: '2018-05-22T20:42:00Z',
      kind: 'network-down',
      network: 'LiveMigration',
      clusterLogOnly: true,
    },
    {
      at: '2018-05-22T20:45:00Z',
      kind: 'live-migration',
      vm: 'ERP40',
      to: 'HV02',
      outcome: { result: 'failed', cause: 'no-migration-network', afterS: 0.9 },
    },
    {
      at: '2018-05-22T20:49:00Z',
      kind: 'network-up',
      network: 'LiveMigration',
      clusterLogOnly: true,
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'At 20:42 the heartbeat routes of the LiveMigration network (10.0.2.0/24) are marked down on both nodes; no 1127/1130 event was logged (or kept), only the cluster logs\' [IM] "Marking Route … as down" lines show it. At 20:45 ERP40 is moved HV01→HV02 and fails at once at the source (21126, 0x000013AB). The routes come back at 20:49, before the configuration was captured, so Get-ClusterNetwork shows every network Up. HV02\'s clock runs 2.5 s fast.',
    demonstrates:
      'State over time from the cluster log alone: the routes on the migration network were down for the whole attempt, which the check reads from the state intervals (interface unreachable, mapped to the network by its subnet), not from events inside the attempt or from the later capture.',
    verdict:
      'ERP40 HV01→HV02 failed: no-migration-network (routes on LiveMigration down since 20:42 until 20:49, cluster log only). WEB40 HV02→HV01 succeeded.',
  },
};
