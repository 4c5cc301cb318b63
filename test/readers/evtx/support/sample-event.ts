import type { LogEvent } from '../../../../src/model/log-event.js';

/** One LogEvent with nulls, an empty value, a key with `@` and the largest safe record id. */
export const sampleEvent: LogEvent = {
  time: '2024-01-01T00:00:00.0000001Z',
  computer: 'HV01.contoso.local',
  channel: 'System',
  provider: 'Microsoft-Windows-Hyper-V-VMMS',
  eventId: 20417,
  level: 4,
  task: 0,
  opcode: null,
  keywords: '0x8000000000000000',
  recordId: 9007199254740991,
  processId: 4,
  threadId: null,
  activityId: null,
  userSid: 'S-1-5-18',
  data: { VmName: 'SQL01', param2: '', 'Nic@Index': '0' },
  message: null,
};
