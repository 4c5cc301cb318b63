/** Builders for Windows event XML as wevtutil, Event Viewer and PowerShell write it. */

export interface EventXmlFields {
  provider?: string;
  eventId?: number;
  qualifiers?: number;
  level?: number;
  task?: number;
  keywords?: string;
  time?: string;
  recordId?: number;
  channel?: string;
  computer?: string;
  processId?: number;
  threadId?: number;
  activityId?: string;
  userSid?: string;
  /** Inner XML of <EventData>, or a whole <UserData>…</UserData> when it starts with `<UserData`. */
  payload?: string;
  /** Adds RenderingInfo with this message (wevtutil /f:RenderedXml). */
  renderedMessage?: string;
}

/** One `<Event>` element, single line, attributes in single quotes like wevtutil. */
export function eventXml(fields: EventXmlFields = {}): string {
  const f = {
    provider: 'Microsoft-Windows-Hyper-V-High-Availability',
    eventId: 21300,
    level: 4,
    task: 0,
    keywords: '0x8000000000000000',
    time: '2011-04-15T10:15:01.1234567Z',
    recordId: 100,
    channel: 'Microsoft-Windows-Hyper-V-High-Availability-Admin',
    computer: 'HV01.contoso.local',
    processId: 2412,
    threadId: 3120,
    userSid: 'S-1-5-18',
    payload: '<Data>5B1E0C2A-7D6F-4B8E-9A1C-2E3F4A5B6C7D</Data><Data>Virtual Machine SQL01</Data>',
    ...fields,
  };
  const qualifiers = f.qualifiers === undefined ? '' : ` Qualifiers='${f.qualifiers}'`;
  const correlation = f.activityId
    ? `<Correlation ActivityID='${f.activityId}'/>`
    : '<Correlation/>';
  const payload = f.payload.startsWith('<UserData')
    ? f.payload
    : `<EventData>${f.payload}</EventData>`;
  const rendering =
    f.renderedMessage === undefined
      ? ''
      : `<RenderingInfo Culture='en-US'><Message>${f.renderedMessage}</Message><Level>Information</Level><Task></Task><Opcode>Info</Opcode><Channel>${f.channel}</Channel><Provider>${f.provider}</Provider><Keywords><Keyword>Classic</Keyword></Keywords></RenderingInfo>`;
  return (
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>` +
    `<Provider Name='${f.provider}'/><EventID${qualifiers}>${f.eventId}</EventID><Version>0</Version>` +
    `<Level>${f.level}</Level><Task>${f.task}</Task><Opcode>0</Opcode><Keywords>${f.keywords}</Keywords>` +
    `<TimeCreated SystemTime='${f.time}'/><EventRecordID>${f.recordId}</EventRecordID>${correlation}` +
    `<Execution ProcessID='${f.processId}' ThreadID='${f.threadId}'/><Channel>${f.channel}</Channel>` +
    `<Computer>${f.computer}</Computer><Security UserID='${f.userSid}'/></System>${payload}${rendering}</Event>`
  );
}

/** Several events numbered from `firstRecordId`, one second apart. */
export function eventXmlSeries(
  count: number,
  firstRecordId = 1,
  fields: EventXmlFields = {},
): string[] {
  return Array.from({ length: count }, (_, i) =>
    eventXml({
      ...fields,
      recordId: firstRecordId + i,
      time: new Date(Date.UTC(2011, 3, 15, 10, 0, 0) + (firstRecordId + i) * 1000)
        .toISOString()
        .replace('.000Z', '.0000000Z'),
    }),
  );
}

/** Text in an encoding, with or without a byte-order mark. */
export function encodeText(
  text: string,
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be',
  bom: boolean,
): Buffer {
  if (encoding === 'utf-8')
    return Buffer.concat([
      bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
      Buffer.from(text, 'utf8'),
    ]);
  const le = Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16le')
    return Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), le]);
  const be = Buffer.from(le);
  be.swap16();
  return Buffer.concat([bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), be]);
}
