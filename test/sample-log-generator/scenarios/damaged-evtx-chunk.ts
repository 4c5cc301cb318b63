import { networks, nodes, vm, xeonE5v2 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const damaged: Scenario = {
  folder: 'damaged-evtx-chunk',
  title: 'Two 2012 R2 nodes, healthy migrations; one System.evtx has a damaged chunk',
  windows: '2012R2',
  locale: 'en-US',
  cluster: 'HVCLU12',
  domain: 'fabrikam.local',
  seed: 4242,
  start: '2015-01-12T06:00:00Z',
  end: '2015-01-12T10:00:00Z',
  nodes: nodes(2, xeonE5v2, 'vSwitch-Prod', 0),
  networks: networks('2012R2'),
  vms: [vm('WEB04', 'CE4A6C8D-0F2B-4D9F-9A3C-4E6A8C0E2AAC', 'HV01', 'vSwitch-Prod')],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2015-01-12T07:12:00Z',
      kind: 'live-migration',
      vm: 'WEB04',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 10.2, blackoutS: 0.4 },
    },
    {
      at: '2015-01-12T08:45:30Z',
      kind: 'live-migration',
      vm: 'WEB04',
      to: 'HV01',
      outcome: { result: 'succeeded', durationS: 9.7, blackoutS: 0.4 },
    },
  ],
  noisePerHour: 70,
  damage: { node: 'HV01', channelFile: 'System', chunk: 1 },
  readme: {
    situation:
      "Two healthy live migrations of WEB04. HV01-System.evtx was damaged after collection: bytes inside a record of chunk 1 were altered, so that chunk's data checksum no longer matches (the records still decode).",
    demonstrates:
      'Ingest keeps going on damaged input: the checksum mismatch is reported in ingest_errors with file and chunk, and the events are kept.',
    verdict:
      'Two succeeded live migrations of WEB04; one ingest warning for HV01-System.evtx chunk 1 (data CRC mismatch).',
  },
};
