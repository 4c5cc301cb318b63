import { networks, nodes, vm, xeonE5v2 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const inventedLanguage: Scenario = {
  folder: 'invented-language',
  title:
    'Three 2016 nodes in a made-up display language, resources named around the VM, FQDN and short node names mixed',
  windows: '2016',
  locale: 'x-invented',
  cluster: 'ZORCLU',
  domain: 'Lab.Example.NET',
  seed: 1616,
  start: '2019-02-14T09:00:00Z',
  end: '2019-02-14T10:00:00Z',
  nodes: nodes(3, xeonE5v2, 'vSwitch-Main', 60).map((n) =>
    n.name === 'HV03' ? { ...n, switches: ['vSwitch-Principal'] } : n,
  ),
  networks: networks('2016'),
  vms: [
    vm('DB-EAST1', '2C4E6A8B-0D2F-4A4C-9E6A-8B0D2F4A6C81', 'HV01', 'vSwitch-Main'),
    vm('FS-EAST3', '7E9A1C3D-5F7B-4D9F-8B1D-3F5A7C9E1B33', 'HV02', 'vSwitch-Main'),
  ],
  csvs: ['Volume1'],
  resourceNames: { vm: 'Vexmo {vm} Tarnul', configuration: 'Korbal-Vexmo {vm} Tarnul' },
  nodeNames: 'mixed',
  timeline: [
    {
      at: '2019-02-14T09:10:30Z',
      kind: 'live-migration',
      vm: 'DB-EAST1',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 11.8, blackoutS: 0.3 },
    },
    {
      at: '2019-02-14T09:24:12Z',
      kind: 'live-migration',
      vm: 'FS-EAST3',
      to: 'HV03',
      outcome: { result: 'failed', cause: 'virtual-network-name-mismatch', afterS: 3.1 },
    },
    {
      at: '2019-02-14T09:31:50Z',
      kind: 'live-migration',
      vm: 'DB-EAST1',
      to: 'HV01',
      outcome: { result: 'failed', cause: 'authentication-failed', afterS: 1.9 },
    },
    {
      at: '2019-02-14T09:45:05Z',
      kind: 'live-migration',
      vm: 'FS-EAST3',
      to: 'HV01',
      outcome: { result: 'succeeded', durationS: 9.7, blackoutS: 0.2 },
    },
  ],
  noisePerHour: 20,
  readme: {
    situation:
      'A cluster whose display language is invented for this sample: every English word of every message is replaced by a made-up word, and the VM resources are named "Vexmo <VM> Tarnul" (the VM name in the middle). Events name nodes by lower-case FQDN (hv02.lab.example.net), the cluster log and dumps by short name (HV02). DB-EAST1 moves HV01→HV02 at 09:10; FS-EAST3 HV02→HV03 fails at 09:24 because HV03\'s switch is "vSwitch-Principal"; DB-EAST1 HV02→HV01 fails at 09:31 on authentication (0x8009030E); FS-EAST3 moves HV02→HV01 at 09:45.',
    demonstrates:
      'That nothing depends on a guessed translation: no rule can know these words, so VMs are identified by VmId and by the VM name inside the resource name, nodes by their names whatever the form, and causes by event ids (21125), codes (0x8009030E) and configuration (switch names).',
    verdict:
      'Four migrations, each VM and each node listed once: FS-EAST3 09:24 virtual-network-name-mismatch; DB-EAST1 09:31 authentication-failed.',
    assumptions: [
      'The language, its words and the resource names are INVENTED (invent-words.ts); they stand for any display language lmdoctor has never seen.',
      'FQDN in event insertion strings (1641, 1127) is our choice to mix the forms; the Computer field is the FQDN in every sample.',
    ],
  },
};
