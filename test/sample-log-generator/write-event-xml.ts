/**
 * `wevtutil qe <channel> /f:xml` and `/f:RenderedXml` text: one `<Event>` per line, no root
 * element, attributes in single quotes, TimeCreated with 9 fractional digits (as wevtutil
 * prints it, evtx-format.md §2).
 */
import { eventNamespace, type GenEvent } from './gen-event.js';
import { renderValue } from './evtx/values.js';

/** XML-escapes text content (and quotes, for attribute values). Pure. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/'/g, '&apos;')
    .replace(/"/g, '&quot;');
}

/** FILETIME ticks → `2011-04-15T10:15:01.123456700Z` (wevtutil's 9 digits). Pure. */
export function wevtutilTime(ticks: bigint): string {
  const unixTicks = ticks - 116444736000000000n;
  const seconds = unixTicks / 10_000_000n;
  const fraction = unixTicks % 10_000_000n;
  const base = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return `${base}.${fraction.toString().padStart(7, '0')}00Z`;
}

function element(name: string, content: string): string {
  return content === '' ? `<${name}></${name}>` : `<${name}>${content}</${name}>`;
}

/** One event as wevtutil writes it; `rendered` adds the RenderingInfo block. Pure. */
export function eventToXml(event: GenEvent, rendered: boolean): string {
  const p = event.provider;
  let provider = `<Provider Name='${escapeXml(p.name)}'`;
  if (p.guid) provider += ` Guid='${escapeXml(p.guid)}'`;
  if (p.eventSourceName) provider += ` EventSourceName='${escapeXml(p.eventSourceName)}'`;
  provider += '/>';
  const eventId =
    event.qualifiers === undefined
      ? `<EventID>${event.eventId}</EventID>`
      : `<EventID Qualifiers='${event.qualifiers}'>${event.eventId}</EventID>`;
  const correlation = event.activityId
    ? `<Correlation ActivityID='${renderValue({ type: 'guid', value: event.activityId })}'/>`
    : '<Correlation/>';
  const security = event.userSid ? `<Security UserID='${event.userSid}'/>` : '<Security/>';
  const system =
    `<System>${provider}${eventId}<Version>${event.version}</Version><Level>${event.level}</Level>` +
    `<Task>${event.task}</Task><Opcode>${event.opcode}</Opcode>` +
    `<Keywords>0x${event.keywords.toString(16)}</Keywords>` +
    `<TimeCreated SystemTime='${wevtutilTime(event.time)}'/><EventRecordID>${event.recordId}</EventRecordID>` +
    `${correlation}<Execution ProcessID='${event.processId}' ThreadID='${event.threadId}'/>` +
    `<Channel>${escapeXml(event.channel)}</Channel><Computer>${escapeXml(event.computer)}</Computer>` +
    `${security}</System>`;

  let payload: string;
  if (event.payload.kind === 'eventData') {
    const data = event.payload.fields
      .map((f) => {
        const value = escapeXml(renderValue(f.value));
        const open = f.name === undefined ? '<Data>' : `<Data Name='${escapeXml(f.name)}'>`;
        return `${open}${value}</Data>`;
      })
      .join('');
    const binary =
      event.payload.binary === undefined
        ? ''
        : `<Binary>${renderValue({ type: 'binary', value: event.payload.binary })}</Binary>`;
    payload = `<EventData>${data}${binary}</EventData>`;
  } else {
    const children = event.payload.fields
      .map((f, i) => element(f.name ?? `Parameter${i}`, escapeXml(renderValue(f.value))))
      .join('');
    payload = `<UserData><${event.payload.wrapper} xmlns='${event.payload.namespace}'>${children}</${event.payload.wrapper}></UserData>`;
  }

  let renderingInfo = '';
  if (rendered) {
    const r = event.rendering;
    const keywords = r.keywords.map((k) => `<Keyword>${escapeXml(k)}</Keyword>`).join('');
    renderingInfo =
      `<RenderingInfo Culture='${r.culture}'>${element('Message', escapeXml(r.message))}` +
      `${element('Level', escapeXml(r.level))}${element('Task', escapeXml(r.task))}` +
      `${element('Opcode', escapeXml(r.opcode))}${element('Channel', escapeXml(r.channel))}` +
      `${element('Provider', escapeXml(r.provider))}<Keywords>${keywords}</Keywords></RenderingInfo>`;
  }
  return `<Event xmlns='${eventNamespace}'>${system}${payload}${renderingInfo}</Event>`;
}

/** A whole export: one event per CRLF-terminated line, UTF-8 without BOM. Pure. */
export function eventsToXmlExport(events: readonly GenEvent[], rendered: boolean): Buffer {
  return Buffer.from(events.map((e) => `${eventToXml(e, rendered)}\r\n`).join(''), 'utf8');
}
