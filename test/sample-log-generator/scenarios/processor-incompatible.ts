import { networks, nodes, vm, xeonE5v2, xeonX5670 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const processorIncompatible: Scenario = {
  folder: 'processor-incompatible',
  title: 'Three 2012 R2 nodes with two processor generations; HV02 runs 3.5 s fast',
  windows: '2012R2',
  locale: 'en-US',
  cluster: 'HVCLU12',
  domain: 'fabrikam.local',
  seed: 7707,
  start: '2016-02-18T07:00:00Z',
  end: '2016-02-18T08:30:00Z',
  nodes: nodes(3, xeonX5670, 'vSwitch-Prod', 60).map((n) =>
    n.name === 'HV03'
      ? { ...n, processor: xeonE5v2 }
      : n.name === 'HV02'
        ? { ...n, clockSkewMs: 3500 }
        : n,
  ),
  networks: networks('2012R2'),
  vms: [
    vm('CRM01', '6E8A0C2E-4B1D-4F3A-9C5E-7B9D1F3A5C24', 'HV03', 'vSwitch-Prod'),
    vm('BI01', '3B5D7F9A-1C2E-4E4A-8B6C-9D0F2A4C6E35', 'HV01', 'vSwitch-Prod', {
      processorCompatibility: true,
    }),
  ],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2016-02-18T07:20:30Z',
      kind: 'live-migration',
      vm: 'BI01',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 18.7, blackoutS: 0.7 },
    },
    {
      at: '2016-02-18T07:48:02Z',
      kind: 'live-migration',
      vm: 'CRM01',
      to: 'HV01',
      outcome: { result: 'failed', cause: 'processor-incompatible', afterS: 3.1 },
    },
  ],
  noisePerHour: 40,
  readme: {
    situation:
      'HV01 and HV02 have Xeon X5670 processors, HV03 a newer Xeon E5-2680 v2. CRM01 runs on HV03 without processor compatibility mode; its live migration to HV01 at 07:48 fails ("using processor-specific features not supported on host"). BI01, which has compatibility mode on, moves HV01→HV02 fine. HV02\'s clock runs 3.5 s ahead of the others.',
    demonstrates:
      "Processor listings per node, the 21502 error chain, and clock skew between nodes (HV02's events are 3.5 s late relative to the paired HV01 events).",
    verdict:
      'CRM01 HV03→HV01 failed at the source: processor-incompatible (different processor versions, compatibility mode off). Clock skew of about +3.5 s on HV02.',
  },
};
