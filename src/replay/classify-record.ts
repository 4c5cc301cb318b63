import { formatErrorCode } from '../catalog/error-codes.js';
import { classifyFailureText } from '../catalog/failure-fragments.js';
import {
  findCatalogEvent,
  matchClusterLogLine,
  messageOf,
  positionalValues,
  roleOf,
  wordingOf,
} from '../catalog/lookup.js';
import type { FieldRole } from '../catalog/types.js';
import type { ReplayRecord } from './replay-record.js';

/** An event as the classifier reads it (a row of `events`). */
export interface EventInput {
  id: number;
  time: string;
  node: string;
  provider: string;
  eventId: number;
  data: Record<string, string>;
  message: string | null;
}

/** A cluster log record as the classifier reads it (a row of `cluster_log` with a resolved time). */
export interface ClusterLogInput {
  id: number;
  time: string;
  node: string | null;
  component: string | null;
  message: string;
}

/**
 * An event → ReplayRecord when the catalogue knows it (null otherwise). Fields are bound by
 * position in the wording that fits the event; a failure's side and code come from its
 * catalogue entry, else from its text. Pure.
 */
export function classifyEvent(event: EventInput): ReplayRecord | null {
  const entry = findCatalogEvent(event.provider, event.eventId);
  if (!entry) return null;
  const view = { data: event.data, message: event.message };
  const role = roleOf(view, entry);
  const values = positionalValues(event.data);
  const fields: ReplayRecord['fields'] = {};
  for (const [fieldRole, position] of Object.entries(wordingOf(view, entry).fields) as [
    FieldRole,
    number,
  ][]) {
    const value = values[position - 1];
    if (value !== undefined && value !== '') fields[fieldRole] = value;
  }
  const text = messageOf(view, entry) ?? '';
  let side = entry.side;
  if (role === 'lm-failed') {
    const failure = classifyFailureText(fields.errorText ?? text);
    side ??= failure.side;
    if (!fields.errorCode && failure.code !== null)
      fields.errorCode = formatErrorCode(failure.code);
    if (!fields.errorText && text) fields.errorText = text;
    fields.destinationNode ??= destinationInText(fields.errorText ?? text) ?? undefined;
  }
  return {
    table: 'events',
    id: event.id,
    time: event.time,
    node: event.node,
    role,
    category: entry.category,
    side,
    fields,
    label: `${event.eventId}`,
    text,
  };
}

/** A cluster log record → ReplayRecord when a catalogue pattern matches it (null otherwise). Pure. */
export function classifyClusterLogLine(line: ClusterLogInput): ReplayRecord | null {
  if (line.node === null) return null;
  const match = matchClusterLogLine(line.component, line.message);
  if (!match) return null;
  return {
    table: 'cluster_log',
    id: line.id,
    time: line.time,
    node: line.node,
    role: match.pattern.role,
    category: match.pattern.category,
    side: null,
    fields: match.fields,
    label: line.component ?? 'cluster log',
    text: line.message,
  };
}

/**
 * The destination host an English failure text names ("with host 'HV02'", "not supported on
 * host 'HV01'", "failed at migration destination 'HV02'", "destination node 'HV02'"), or null.
 * A fallback for failures logged before the destination took part; ids and fields come first.
 */
export function destinationInText(text: string): string | null {
  const match =
    /(?:with host|on host|migration destination|destination (?:node|host))\s+["'“‘]?([A-Za-z0-9][A-Za-z0-9_-]*)/i.exec(
      text,
    );
  return match?.[1] ?? null;
}
