import { networks, nodes, vm, xeonE5v2 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const halfCollected: Scenario = {
  folder: 'half-collected',
  title:
    'Three 2012 R2 nodes, but the logs of HV03 (the destination of two failures) were not collected',
  windows: '2012R2',
  locale: 'en-US',
  cluster: 'HVCLU3',
  domain: 'contoso.local',
  seed: 3303,
  start: '2017-06-21T20:00:00Z',
  end: '2017-06-21T21:00:00Z',
  nodes: nodes(3, xeonE5v2, 'vSwitch-Prod', 120).map((n) =>
    n.name === 'HV03' ? { ...n, systemDrive: 'D:', collected: false } : n,
  ),
  networks: networks('2012R2'),
  vms: [
    vm('ERP02', '6A8C0E2B-4D6F-4A8C-9E0B-2D4F6A8C0E21', 'HV01', 'vSwitch-Prod'),
    vm('CRM05', '1B3D5F7A-9C1E-4B3D-8F5A-7C9E1B3D5F05', 'HV02', 'vSwitch-Prod'),
  ],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2017-06-21T20:05:10Z',
      kind: 'live-migration',
      vm: 'ERP02',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 21.4, blackoutS: 0.6 },
    },
    {
      at: '2017-06-21T20:18:33Z',
      kind: 'live-migration',
      vm: 'ERP02',
      to: 'HV03',
      outcome: { result: 'failed', cause: 'system-drive-mismatch', afterS: 31.2 },
    },
    {
      at: '2017-06-21T20:40:02Z',
      kind: 'live-migration',
      vm: 'CRM05',
      to: 'HV03',
      outcome: { result: 'failed', cause: 'authentication-failed', afterS: 2.6 },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'Three nodes; HV03 boots from D:, the others from C:. The collection holds HV01 and HV02 only (the cluster-wide dumps list HV03). ERP02 moves HV01→HV02 at 20:05; ERP02 HV02→HV03 fails at 20:18 when HV03 cannot register the configuration; CRM05 HV02→HV03 fails at 20:40 on authentication (0x8009030E).',
    demonstrates:
      'A half-collected case: the source\'s own 21502 text says the destination failed to register the configuration (failure side, the sentence naming the cause) and gives the code of the authentication failure; the verdicts are "likely", since only one side speaks, and the coverage names HV03 and the command that collects its logs.',
    verdict:
      "ERP02 20:18 system-drive-mismatch (likely: HV03's logs and its Win32_OperatingSystem listing are missing); CRM05 20:40 authentication-failed (likely).",
  },
};
