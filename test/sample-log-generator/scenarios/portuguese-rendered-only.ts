import { networks, nodes, vm, xeonE5v2 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';
import { portugueseResourceNames } from './localized-names-pt-br.js';

export const portugueseRenderedOnly: Scenario = {
  folder: 'portuguese-rendered-only',
  title:
    'Two 2012 R2 nodes in pt-BR exported only as RenderedXml: the failure text is in Portuguese only',
  windows: '2012R2',
  locale: 'pt-BR',
  cluster: 'CLUFIN',
  domain: 'financeiro.local',
  seed: 4558,
  start: '2018-10-30T17:00:00Z',
  end: '2018-10-30T18:00:00Z',
  nodes: nodes(2, xeonE5v2, 'vSwitch-Financeiro', -180).map((n) => ({
    ...n,
    eventExport: 'rendered-xml' as const,
    clusterLogCollected: false,
  })),
  networks: networks('2012R2'),
  vms: [vm('FIN-DB01', '5D7F9B1C-3E5A-4D7F-9B1C-3E5A7D9F1B01', 'HV01', 'vSwitch-Financeiro')],
  csvs: ['Volume1'],
  resourceNames: portugueseResourceNames,
  timeline: [
    {
      at: '2018-10-30T17:08:15Z',
      kind: 'live-migration',
      vm: 'FIN-DB01',
      to: 'HV02',
      outcome: { result: 'failed', cause: 'authentication-failed', afterS: 2.4 },
    },
    {
      at: '2018-10-30T17:26:40Z',
      kind: 'live-migration',
      vm: 'FIN-DB01',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 18.3, blackoutS: 0.5 },
    },
  ],
  noisePerHour: 25,
  readme: {
    situation:
      'Both nodes exported every channel with wevtutil qe /f:RenderedXml only (no .evtx, no cluster log): every message, and the failure chain inside 21502, is in Portuguese. FIN-DB01 HV01→HV02 fails at 17:08 because the connection finds no credentials (0x8009030E, CredSSP started away from the source); after the operator signs in on HV01 it moves at 17:26.',
    demonstrates:
      'A failure whose only text is Portuguese: lmdoctor decides from the event id, the error code and the VmId, not from English words, and identifies the VM across its Portuguese resource name.',
    verdict:
      'FIN-DB01 17:08 failed at the source: authentication-failed (0x8009030E); 17:26 succeeded.',
    assumptions: [
      'The Portuguese failure sentences are our translations (translate-pt-br.ts) and the resource names "Máquina Virtual <VM>" our guess (events-modern.md §1.2).',
    ],
  },
};
