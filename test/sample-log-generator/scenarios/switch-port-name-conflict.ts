import { networks, nodes, vm, xeonX5670 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const portConflict: Scenario = {
  folder: 'switch-port-name-conflict',
  title: 'Two 2008 R2 nodes: the VM uses a switch port named like its virtual switch',
  windows: '2008R2',
  locale: 'en-US',
  cluster: 'HVCLU08',
  domain: 'contoso.local',
  seed: 3303,
  start: '2011-05-03T15:00:00Z',
  end: '2011-05-03T16:00:00Z',
  nodes: nodes(2, xeonX5670, 'External', 0),
  networks: networks('2008R2'),
  vms: [vm('DC02', '1F3D5B7A-9E2C-4C6E-8A0B-2D4F6A8C0E13', 'HV01', 'External')],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2011-05-03T15:27:09Z',
      kind: 'live-migration',
      vm: 'DC02',
      to: 'HV02',
      outcome: { result: 'failed', cause: 'switch-port-name-conflict', afterS: 1.9 },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'DC02 is connected to a switch port whose name equals the virtual switch name ("External"). Its live migration HV01→HV02 at 15:27 fails with 21203 "Failed to create virtual network switch port External."',
    demonstrates: "The guide's fifth written check (no switch port named like its switch).",
    verdict:
      'DC02 HV01→HV02 failed: switch-port-name-conflict (21203 names a port equal to the switch name "External").',
  },
};
