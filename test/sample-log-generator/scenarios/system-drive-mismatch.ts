import { networks, nodes, vm, xeonE5v2 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const systemDrive: Scenario = {
  folder: 'system-drive-mismatch',
  title: 'Two 2012 R2 nodes booting from different system drive letters',
  windows: '2012R2',
  locale: 'en-US',
  cluster: 'HVCLU12',
  domain: 'fabrikam.local',
  seed: 9600,
  start: '2016-05-10T10:00:00Z',
  end: '2016-05-10T11:00:00Z',
  nodes: nodes(2, xeonE5v2, 'vSwitch-Prod', 0).map((n) =>
    n.name === 'HV02' ? { ...n, systemDrive: 'D:' } : n,
  ),
  networks: networks('2012R2'),
  vms: [vm('SAP01', '028EA0C1-4D6F-4B3D-8E7A-8C0E2A4C6EE0', 'HV01', 'vSwitch-Prod')],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2016-05-10T10:22:40Z',
      kind: 'live-migration',
      vm: 'SAP01',
      to: 'HV02',
      outcome: { result: 'failed', cause: 'system-drive-mismatch', afterS: 38.5 },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'HV01 boots from C:, HV02 from D:. SAP01 is live-migrated HV01→HV02 at 10:22:40; the memory transfer completes, then the destination cannot register the VM configuration at C:\\ClusterStorage\\Volume1\\SAP01 and the migration fails at about 90 %.',
    demonstrates:
      'A destination-side failure late in the migration; Win32_OperatingSystem listings show the different system drives.',
    verdict: 'SAP01 HV01→HV02 failed at the destination: system-drive-mismatch (HV01 C:, HV02 D:).',
    assumptions: [
      'HA 21102 on the destination as the register failure, and the VMMS text inside 21502, are our choices: events.md does not settle which VMMS event id carries the register-configuration failure (§4 item 6).',
    ],
  },
};
