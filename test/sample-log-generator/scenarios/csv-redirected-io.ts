import { networks, nodes, vm, xeonE5v2 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const csvRedirected: Scenario = {
  folder: 'csv-redirected-io',
  title:
    'Two 2012 R2 nodes: CSV left in redirected I/O by a cancelled backup, then a slow live migration',
  windows: '2012R2',
  locale: 'en-US',
  cluster: 'HVCLU12',
  domain: 'fabrikam.local',
  seed: 5136,
  start: '2017-03-20T01:00:00Z',
  end: '2017-03-20T03:00:00Z',
  nodes: nodes(2, xeonE5v2, 'vSwitch-Prod', 0),
  networks: networks('2012R2'),
  vms: [vm('APP02', 'BD3F5B7C-9E2A-4C8E-8F2B-3D5F7B9D1F9B', 'HV01', 'vSwitch-Prod')],
  csvs: ['Volume1'],
  timeline: [
    { at: '2017-03-20T01:30:00Z', kind: 'backup-cancelled', node: 'HV01', csv: 'Volume1' },
    {
      at: '2017-03-20T02:10:30Z',
      kind: 'live-migration',
      vm: 'APP02',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 212.6, blackoutS: 48.3, slow: true },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'A backup of the CSV Volume1 is cancelled at 01:30 and leaves the volume in redirected access (5136 on the owner HV01, 5121 on HV02). At 02:10 APP02 is live-migrated HV01→HV02: it succeeds, but takes 212 s with a 48 s blackout (VMMS 20417).',
    demonstrates:
      'A successful but suspicious migration, explained by CSV redirected I/O left over from a cancelled backup.',
    verdict:
      'APP02 HV01→HV02 succeeded but was slow: csv-redirected-io (CSV Volume1 redirected since 01:30, 20417 long blackout).',
  },
};
