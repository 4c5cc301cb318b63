import { networks, nodes, vm, xeonX5670 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const cleanupNotFinished: Scenario = {
  folder: 'cleanup-not-finished',
  title: 'Two 2008 R2 nodes: a VM moved back seconds after its previous live migration',
  windows: '2008R2',
  locale: 'en-US',
  cluster: 'HVCLU08',
  domain: 'contoso.local',
  seed: 4321,
  start: '2011-06-14T21:00:00Z',
  end: '2011-06-14T22:00:00Z',
  nodes: nodes(2, xeonX5670, 'External', 0),
  networks: networks('2008R2'),
  vms: [vm('PRINT01', 'F17D9FB0-3C5E-4A2C-9D6F-7B9D1F3B5DDF', 'HV01', 'External')],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2011-06-14T21:20:00Z',
      kind: 'live-migration',
      vm: 'PRINT01',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 16.4, blackoutS: 0.6 },
    },
    {
      at: '2011-06-14T21:20:19Z',
      kind: 'live-migration',
      vm: 'PRINT01',
      to: 'HV01',
      outcome: { result: 'failed', cause: 'cleanup-not-finished', afterS: 1.3 },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'PRINT01 is live-migrated HV01→HV02 at 21:20:00 (done at 21:20:16); at 21:20:19, about 3 s later, the administrator moves it back and the second migration fails: the cleanup of the first had not finished on HV01 (21121).',
    demonstrates:
      "The guide's third written check: time between the end of one migration of a VM and the start of the next.",
    verdict:
      'PRINT01 HV02→HV01 at 21:20:19 failed: cleanup-not-finished (started about 3 s after the previous migration of the same VM ended). The first migration succeeded.',
    assumptions: [
      'Event 21121 with E_FAIL (0x80004005) as the failure signature of this case is our choice; no source ties a specific event to it.',
    ],
  },
};
