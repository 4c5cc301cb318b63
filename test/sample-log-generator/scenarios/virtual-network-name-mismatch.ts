import { networks, nodes, vm, xeonX5670 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const nameMismatch: Scenario = {
  folder: 'virtual-network-name-mismatch',
  title: 'Two 2008 R2 nodes, Portuguese (pt-BR) display language: virtual network names differ',
  windows: '2008R2',
  locale: 'pt-BR',
  cluster: 'CLUHV',
  domain: 'empresa.local',
  seed: 5521,
  start: '2011-08-22T12:00:00Z',
  end: '2011-08-22T13:00:00Z',
  nodes: nodes(2, xeonX5670, 'Rede Externa', -180).map((n) =>
    n.name === 'HV02' ? { ...n, switches: ['Rede-Externa'] } : n,
  ),
  networks: networks('2008R2'),
  vms: [vm('ERP01', '9D1B3F5A-7C2E-4A4B-8D6F-0E2A4C6E8B1D', 'HV01', 'Rede Externa')],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2011-08-22T12:21:45Z',
      kind: 'live-migration',
      vm: 'ERP01',
      to: 'HV02',
      outcome: { result: 'failed', cause: 'virtual-network-name-mismatch', afterS: 2.4 },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'ERP01 is connected to the virtual network "Rede Externa" on HV01; on HV02 the same external network was created as "Rede-Externa". The live migration HV01→HV02 at 12:21:45 fails with 21125. The nodes run a Portuguese (pt-BR) display language: RenderedXml messages and level names are in Portuguese.',
    demonstrates:
      'Diagnosis from event ids and fields, not message text; the virtual-switch listings of both nodes show the mismatch.',
    verdict:
      'ERP01 HV01→HV02 failed (destination configuration): virtual-network-name-mismatch (21125; "Rede Externa" on HV01, "Rede-Externa" on HV02).',
    assumptions: [
      "The pt-BR message texts are our own translations of the English templates, not Microsoft's localised resources (which are not available to us).",
    ],
  },
};
