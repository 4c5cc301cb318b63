import { networks, nodes, vm, xeonE5v2 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

/** A CSV paused long before a move and resumed long after it: state, not events in a window. */
export const csvPausedAcrossMove: Scenario = {
  folder: 'csv-paused-across-move',
  title:
    'Two 2016 nodes: a CSV paused 2.5 minutes before a live migration and resumed 7 minutes after it',
  windows: '2016',
  locale: 'en-US',
  cluster: 'HVCLU16',
  domain: 'northwind.local',
  seed: 5142,
  start: '2019-11-07T13:30:00Z',
  end: '2019-11-07T15:00:00Z',
  nodes: nodes(2, xeonE5v2, 'vSwitch-Prod', -300).map((n) =>
    n.name === 'HV02' ? { ...n, clusterLogLocalTime: true } : n,
  ),
  networks: networks('2016'),
  vms: [
    vm('FS30', 'A4B5C6D7-E8F9-4A0B-9C1D-2E3F4A5B6C83', 'HV01', 'vSwitch-Prod'),
    vm('SQL30', 'B5C6D7E8-F9A0-4B1C-8D2E-3F4A5B6C7D94', 'HV02', 'vSwitch-Prod', {
      memoryMB: 16384,
    }),
  ],
  csvs: ['Volume2'],
  timeline: [
    {
      at: '2019-11-07T14:00:00Z',
      kind: 'live-migration',
      vm: 'FS30',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 6.4, blackoutS: 0.2 },
    },
    { at: '2019-11-07T14:27:30Z', kind: 'csv-paused', csv: 'Volume2', lostAfterS: 12 },
    {
      at: '2019-11-07T14:30:00Z',
      kind: 'live-migration',
      vm: 'SQL30',
      to: 'HV01',
      outcome: { result: 'failed', cause: 'csv-unavailable', afterS: 2.7 },
    },
    { at: '2019-11-07T14:37:00Z', kind: 'csv-resumed', csv: 'Volume2' },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'At 14:27:30 the CSV Volume2 pauses on both nodes (5120, STATUS_IO_TIMEOUT) and 12 s later is no longer accessible (5142). At 14:30:00 SQL30 starts moving HV02→HV01 and fails 2.7 s later at the destination with a generic error. The volume resumes normal operation at 14:37 (5122). No event is logged during the 2.7 s of the attempt itself. HV02 wrote its cluster log in local time (UTC-5).',
    demonstrates:
      'Infrastructure state over time: the CSV was unavailable for the whole attempt although its records are minutes before and after it; the state interval (paused, then no access, until resumed) is what the check reads.',
    verdict:
      'SQL30 HV02→HV01 failed: csv-unavailable (Volume2 no longer accessible since 14:27:42 until 14:37). FS30 HV01→HV02 succeeded.',
  },
};
