import { networks, nodes, vm, xeonX5670 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const architectureMix: Scenario = {
  folder: 'architecture-mismatch',
  title: 'Two 2008 R2 nodes whose processors report different architectures',
  windows: '2008R2',
  locale: 'en-US',
  cluster: 'HVCLU08',
  domain: 'contoso.local',
  seed: 8664,
  start: '2011-02-08T13:00:00Z',
  end: '2011-02-08T14:00:00Z',
  nodes: nodes(2, xeonX5670, 'External', 0).map((n) =>
    n.name === 'HV02'
      ? {
          ...n,
          processor: {
            manufacturer: 'GenuineIntel',
            name: 'Intel(R) Xeon(R) CPU           E5420  @ 2.50GHz',
            architecture: 'x86',
          },
        }
      : n,
  ),
  networks: networks('2008R2'),
  vms: [vm('DEV01', '139FB1D2-5E7A-4C4E-9F8B-9D1F3B5D7FF1', 'HV01', 'External')],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2011-02-08T13:40:05Z',
      kind: 'live-migration',
      vm: 'DEV01',
      to: 'HV02',
      outcome: { result: 'failed', cause: 'architecture-mismatch', afterS: 1.6 },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      "HV02's processor listing reports architecture 0 (x86) while HV01 reports 9 (x64). DEV01's live migration HV01→HV02 at 13:40 fails: the destination hardware is not compatible.",
    demonstrates:
      "The guide's second written check (no x86/x64 mix in the cluster), decided from Win32_Processor listings.",
    verdict: 'DEV01 HV01→HV02 failed at the source: architecture-mismatch (HV01 x64, HV02 x86).',
    assumptions: [
      'Hyper-V itself needs x64 hosts; the x86 listing stands for the mixed cluster the guide warns about.',
    ],
  },
};
