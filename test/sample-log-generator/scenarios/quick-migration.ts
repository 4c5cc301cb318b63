import { networks, nodes, vm, xeonE5v2 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const quickMigration: Scenario = {
  folder: 'quick-migration',
  title: 'Two 2012 R2 nodes: a quick migration (save, move, restore) next to a live migration',
  windows: '2012R2',
  locale: 'en-US',
  cluster: 'HVCLU12',
  domain: 'fabrikam.local',
  seed: 1204,
  start: '2014-10-02T20:00:00Z',
  end: '2014-10-02T21:00:00Z',
  nodes: nodes(2, xeonE5v2, 'vSwitch-Prod', 0),
  networks: networks('2012R2'),
  vms: [
    vm('LEGACY01', 'DF5B7D9E-1A3C-4E0A-9B4D-5F7B9D1F3BBD', 'HV01', 'vSwitch-Prod'),
    vm('WEB05', 'E06C8EAF-2B4D-4F1B-8C5E-6A8C0E2A4CCE', 'HV02', 'vSwitch-Prod'),
  ],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2014-10-02T20:15:00Z',
      kind: 'quick-migration',
      vm: 'LEGACY01',
      to: 'HV02',
      durationS: 41,
    },
    {
      at: '2014-10-02T20:31:30Z',
      kind: 'live-migration',
      vm: 'WEB05',
      to: 'HV01',
      outcome: { result: 'succeeded', durationS: 12.3, blackoutS: 0.5 },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'LEGACY01 is moved HV01→HV02 with a quick migration at 20:15 (the role is saved, moved and started again: about 41 s of downtime). WEB05 is live-migrated HV02→HV01 at 20:31.',
    demonstrates:
      'Telling a quick migration (RCM "Bringing group offline first", RHS offline/online, 21119 on the destination, no 21300-21309) from a live migration.',
    verdict:
      'Two successful moves: LEGACY01 HV01→HV02 of kind quick, WEB05 HV02→HV01 of kind live. No failure.',
    assumptions: [
      'No event dedicated to quick migration is known (events.md §4 item 11); the generator writes the cluster-log sequence and HA 21119 on the destination only.',
    ],
  },
};
