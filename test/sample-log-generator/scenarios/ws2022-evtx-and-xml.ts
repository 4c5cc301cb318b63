import { networks, nodes, vm, xeonGold } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const ws2022Mixed: Scenario = {
  folder: 'ws2022-evtx-and-xml',
  title:
    'Two Windows Server 2022 nodes: EVTX from HV01, wevtutil XML from HV02, Kerberos without delegation',
  windows: '2022',
  locale: 'en-US',
  cluster: 'HVCLU22',
  domain: 'contoso.com',
  seed: 2022,
  start: '2023-03-07T08:00:00Z',
  end: '2023-03-07T09:00:00Z',
  nodes: nodes(2, xeonGold, 'SETSwitch', 0).map((n) =>
    n.name === 'HV02' ? { ...n, eventExport: 'xml' as const, clockSkewMs: 2300 } : n,
  ),
  networks: networks('2022'),
  vms: [
    vm('SQL22', '3E5A7C9B-1D3F-4E5A-8C7B-9D1F3E5A7C22', 'HV01', 'SETSwitch'),
    vm('RDS04', '8D0F2B4C-6E8A-4C0E-9A2B-4D6F8A0C2E04', 'HV02', 'SETSwitch'),
  ],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2023-03-07T08:14:20Z',
      kind: 'live-migration',
      vm: 'SQL22',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 9.2, blackoutS: 0.2 },
    },
    {
      at: '2023-03-07T08:29:45Z',
      kind: 'live-migration',
      vm: 'RDS04',
      to: 'HV01',
      outcome: {
        result: 'failed',
        cause: 'authentication-failed',
        afterS: 1.4,
        variant: 'kerberos',
      },
    },
    {
      at: '2023-03-07T08:47:00Z',
      kind: 'live-migration',
      vm: 'SQL22',
      to: 'HV01',
      outcome: { result: 'succeeded', durationS: 8.8, blackoutS: 0.2 },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'HV01 was exported with wevtutil epl (.evtx), HV02 with wevtutil qe /f:xml (High-Availability as /f:RenderedXml); HV02\'s clock runs 2.3 s ahead. SQL22 moves HV01→HV02 at 08:14 and back at 08:47; RDS04 HV02→HV01 fails at 08:29: the migration uses Kerberos but constrained delegation is not set up (0x8009030D, "no suitable credentials available").',
    demonstrates:
      'A Windows Server 2022 case read from two export formats at once, on one clock, and the 2012 R2–2025 authentication text of KB 4558514 (events-modern.md §2b).',
    verdict: 'RDS04 08:29 failed at the source: authentication-failed (0x8009030D).',
  },
};
