import { guidBytes, sidBytes, value, type BinXmlWriter, type Value } from './evtx-bytes.js';

/** The fields of a Windows event's System part, as test input. */
export interface SystemFields {
  provider: string;
  providerGuid?: string;
  eventId: number;
  qualifiers?: number;
  level: number;
  task: number;
  opcode?: number;
  keywords: bigint;
  time: bigint;
  recordId: number;
  activityId?: string;
  processId: number;
  threadId: number;
  channel: string;
  computer: string;
  userSid?: string;
}

export const systemGuid = guidBytes('{11111111-2222-3333-4444-555555555555}');

/**
 * Writes a template instance shaped like Windows' own System template (optional
 * substitutions for Guid, Qualifiers, Opcode, ActivityID and UserID), with `payload` (a nested
 * BinXML value, e.g. EventData) substituted after System.
 */
export function writeEvent(
  w: BinXmlWriter,
  f: SystemFields,
  payload: ((w: BinXmlWriter) => void) | null,
): void {
  const opt = (index: number, type: number) => (x: BinXmlWriter) =>
    x.substitution(index, type, true);
  const sub = (index: number, type: number) => (x: BinXmlWriter) => x.substitution(index, type);
  const values: Value[] = [
    value.string(f.provider),
    f.providerGuid ? value.guid(guidBytes(f.providerGuid)) : value.null(),
    f.qualifiers === undefined ? value.null() : value.u16(f.qualifiers),
    value.u16(f.eventId),
    value.u8(f.level),
    value.u16(f.task),
    f.opcode === undefined ? value.null() : value.u8(f.opcode),
    value.hex64(f.keywords),
    value.filetime(f.time),
    { type: 0x0a, write: (x) => x.u32(f.recordId).u32(0) },
    f.activityId ? value.guid(guidBytes(f.activityId)) : value.null(),
    value.u32(f.processId),
    value.u32(f.threadId),
    value.string(f.channel),
    value.string(f.computer),
    f.userSid ? value.sid(sidBytes(f.userSid)) : value.null(),
    payload ? value.binXml(payload) : value.null(),
  ];
  w.fragmentHeader();
  w.instance(
    'system',
    systemGuid,
    (t) =>
      t.element(
        'Event',
        [['xmlns', (x) => x.text('http://schemas.microsoft.com/win/2004/08/events/event')]],
        (e) => {
          e.element('System', [], (s) => {
            s.element('Provider', [
              ['Name', sub(0, 0x01)],
              ['Guid', opt(1, 0x0f)],
            ]);
            s.element('EventID', [['Qualifiers', opt(2, 0x06)]], sub(3, 0x06));
            s.element('Level', [], sub(4, 0x04));
            s.element('Task', [], sub(5, 0x06));
            s.element('Opcode', [], opt(6, 0x04));
            s.element('Keywords', [], sub(7, 0x15));
            s.element('TimeCreated', [['SystemTime', sub(8, 0x11)]]);
            s.element('EventRecordID', [], sub(9, 0x0a));
            s.element('Correlation', [['ActivityID', opt(10, 0x0f)]]);
            s.element('Execution', [
              ['ProcessID', sub(11, 0x08)],
              ['ThreadID', sub(12, 0x08)],
            ]);
            s.element('Channel', [], sub(13, 0x01));
            s.element('Computer', [], sub(14, 0x01));
            s.element('Security', [['UserID', opt(15, 0x13)]]);
          });
          e.substitution(16, 0x21, true);
        },
      ),
    values,
  );
  w.eof();
}

/** Plausible System fields; override what a test is about. */
export function systemFields(overrides: Partial<SystemFields> = {}): SystemFields {
  return {
    provider: 'Microsoft-Windows-Hyper-V-VMMS',
    providerGuid: '{6066F867-7CA1-4418-85FD-36E3F9C0600C}',
    eventId: 20417,
    level: 4,
    task: 0,
    opcode: 0,
    keywords: 0x8000000000000000n,
    time: 130000000000000000n + 1234567n,
    recordId: 42,
    processId: 2468,
    threadId: 1357,
    channel: 'Microsoft-Windows-Hyper-V-VMMS-Admin',
    computer: 'HV01.contoso.local',
    userSid: 'S-1-5-18',
    ...overrides,
  };
}
