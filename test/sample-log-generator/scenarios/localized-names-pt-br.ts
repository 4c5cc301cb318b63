import { networks, nodes, vm, xeonGold } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

/** Shared by the pt-BR scenarios: the resource names are a guess, and are said to be one. */
export const portugueseResourceNames = {
  vm: 'Máquina Virtual {vm}',
  configuration: 'Configuração da Máquina Virtual {vm}',
};

export const localizedNamesPtBr: Scenario = {
  folder: 'localized-names-pt-br',
  title:
    'Three 2019 nodes in Portuguese (pt-BR): VM resources named "Máquina Virtual …", messages in Portuguese',
  windows: '2019',
  locale: 'pt-BR',
  cluster: 'CLUPRD',
  domain: 'corp.exemplo.com.br',
  seed: 1907,
  start: '2021-08-03T13:00:00Z',
  end: '2021-08-03T14:00:00Z',
  nodes: nodes(3, xeonGold, 'vSwitch-Producao', -180),
  networks: networks('2019'),
  vms: [
    vm('WEB-PRD02', '4F6A8C0E-2B4D-4E6F-8A1C-3E5B7D9F1A02', 'HV01', 'vSwitch-Producao'),
    vm('APP-PRD07', '9C1E3A5B-7D9F-4B1D-8F3A-5C7E9A1B3D07', 'HV02', 'vSwitch-Producao'),
  ],
  csvs: ['Volume1'],
  resourceNames: portugueseResourceNames,
  timeline: [
    {
      at: '2021-08-03T13:12:05Z',
      kind: 'live-migration',
      vm: 'WEB-PRD02',
      to: 'HV02',
      outcome: { result: 'succeeded', durationS: 14.6, blackoutS: 0.4 },
    },
    { at: '2021-08-03T13:20:00Z', kind: 'network-down', network: 'LiveMigration' },
    {
      at: '2021-08-03T13:21:40Z',
      kind: 'live-migration',
      vm: 'APP-PRD07',
      to: 'HV03',
      outcome: { result: 'failed', cause: 'no-migration-network', afterS: 0.6 },
    },
    {
      at: '2021-08-03T13:22:30Z',
      kind: 'live-migration',
      vm: 'WEB-PRD02',
      to: 'HV03',
      outcome: { result: 'failed', cause: 'no-migration-network', afterS: 0.5 },
    },
    { at: '2021-08-03T13:40:00Z', kind: 'network-up', network: 'LiveMigration' },
    {
      at: '2021-08-03T13:44:10Z',
      kind: 'live-migration',
      vm: 'WEB-PRD02',
      to: 'HV03',
      outcome: { result: 'succeeded', durationS: 16.2, blackoutS: 0.5 },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'A Portuguese-language cluster whose VM resources are named "Máquina Virtual <VM>" while the roles (groups) keep the VM name. WEB-PRD02 moves HV01→HV02 at 13:12; the LiveMigration network goes down at 13:20, so APP-PRD07 (HV02→HV03, 13:21) and WEB-PRD02 (HV02→HV03, 13:22) fail at the source; the network is back at 13:40 and WEB-PRD02 moves to HV03 at 13:44.',
    demonstrates:
      'VM identity in another language: the group "WEB-PRD02", the resource "Máquina Virtual WEB-PRD02" and the VMMS name WEB-PRD02 are one VM; APP-PRD07, which no Hyper-V event names, is joined to its resource through Get-ClusterResource (owner group). The failures are decided by event ids and codes (21126, 0x000013AB), not by the Portuguese words.',
    verdict:
      'Four migrations of two VMs, each VM listed once: the two 13:2x failures are no-migration-network (the LiveMigration network was down).',
    assumptions: [
      'The resource names "Máquina Virtual <VM>" and "Configuração da Máquina Virtual <VM>" are OUR GUESS: no source shows the localized names (events-modern.md §1.2), so lmdoctor must not and does not depend on these words.',
      'The Portuguese failure sentences inside 21502 are our translations (translate-pt-br.ts); the cluster log stays in English, as in the other pt-BR samples; the resource type written in the [RES] line and the Get-ClusterResource ResourceType column stay "Virtual Machine" (whether type names are localized is not found, §4 item 2).',
    ],
  },
};
