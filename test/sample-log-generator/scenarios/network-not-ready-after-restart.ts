import { networks, nodes, vm, xeonE5v2 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const notReadyAfterRestart: Scenario = {
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
