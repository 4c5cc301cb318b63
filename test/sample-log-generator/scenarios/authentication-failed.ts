import { networks, nodes, vm, xeonE5v2 } from './building-blocks.js';
import type { Scenario } from '../scenario-types.js';

export const authentication: Scenario = {
  folder: 'authentication-failed',
  title: 'Two 2012 R2 nodes: the live-migration connection cannot authenticate',
  windows: '2012R2',
  locale: 'en-US',
  cluster: 'HVCLU12',
  domain: 'fabrikam.local',
  seed: 3090,
  start: '2016-11-07T16:00:00Z',
  end: '2016-11-07T17:00:00Z',
  nodes: nodes(2, xeonE5v2, 'vSwitch-Prod', 0),
  networks: networks('2012R2'),
  vms: [vm('FILE01', '8A0C2E4B-6D1F-4F5A-9B7D-0E2A4C6E8A68', 'HV01', 'vSwitch-Prod')],
  csvs: ['Volume1'],
  timeline: [
    {
      at: '2016-11-07T16:18:44Z',
      kind: 'live-migration',
      vm: 'FILE01',
      to: 'HV02',
      outcome: { result: 'failed', cause: 'authentication-failed', afterS: 2.2 },
    },
  ],
  noisePerHour: 30,
  readme: {
    situation:
      'FILE01 is moved HV01→HV02 at 16:18:44; the migration connection fails with SEC_E_NO_CREDENTIALS (0x8009030E), as happens with CredSSP from a remote console or Kerberos without constrained delegation.',
    demonstrates: 'The authentication branch (2012 and later) from the 21502 error chain.',
    verdict: 'FILE01 HV01→HV02 failed at the source: authentication-failed (0x8009030E).',
  },
};
