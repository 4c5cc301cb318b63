/**
 * LogEvent: the one record shape every event reader (binary EVTX, XML exports) yields and the
 * store saves as a row of `events`. Two readers given the same Windows event must produce equal
 * LogEvents; the conventions below are the contract that makes that true.
 *
 * - `time`: stored time text (see model/time.ts), from System/TimeCreated/@SystemTime.
 * - `computer`: System/Computer as written (often an FQDN); `node` is derived with shortNodeName.
 * - `keywords`: the text Windows renders, e.g. `0x8000000000000000`; null when absent.
 * - numbers (`eventId`, `level`, `task`, `opcode`, `recordId`, `processId`, `threadId`) are plain
 *   integers; null when absent. `eventId` is the 16-bit id without Qualifiers.
 * - `activityId`: System/Correlation/@ActivityID as written (`{GUID}` in braces, upper case).
 * - `userSid`: System/Security/@UserID (`S-1-5-18`).
 * - `data`: the event's fields as strings, in document order:
 *     EventData `<Data Name="X">v</Data>` → `X: "v"`; unnamed `<Data>` → `param1`, `param2`, …
 *     by position (1-based, so they line up with `%1`, `%2` of message templates); an empty
 *     element → `""`. UserData: the single wrapper element (e.g. `VmlEventLog`) is skipped, its
 *     children become keys by local name (`Parameter0`, `VmName`), deeper nesting uses dotted
 *     keys (`Outer.Inner`), a repeated name gets `_2`, `_3`, …; attributes other than xmlns
 *     become `Element@attr`. `<Binary>` (EventData) → key `Binary`, upper-case hex.
 * - `message`: the rendered message when the source carries one (RenderingInfo/Message), else null.
 */
export interface LogEvent {
  time: string;
  computer: string;
  channel: string;
  provider: string;
  eventId: number;
  level: number | null;
  task: number | null;
  opcode: number | null;
  keywords: string | null;
  recordId: number | null;
  processId: number | null;
  threadId: number | null;
  activityId: string | null;
  userSid: string | null;
  data: Record<string, string>;
  message: string | null;
}

export { shortNodeName } from './node-name.js';
