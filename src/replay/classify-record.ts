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
import type { FieldRole, Side } from '../catalog/types.js';
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
  for (const [fieldRole, name] of Object.entries(entry.fieldNames ?? {}) as [FieldRole, string][]) {
    const value = event.data[name];
    if (value !== undefined && value !== '') fields[fieldRole] = value;
  }
  const text = messageOf(view, entry) ?? '';
  const side = role === 'lm-failed' ? enrichFailure(fields, text, entry.side) : entry.side;
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
  const fields: ReplayRecord['fields'] = { ...match.fields };
  const role = match.pattern.role;
  return {
    table: 'cluster_log',
    id: line.id,
    time: line.time,
    node: line.node,
    role,
    category: match.pattern.category,
    side: role === 'lm-failed' ? enrichFailure(fields, line.message, null) : null,
    fields,
    label: line.component ?? 'cluster log',
    text: line.message,
  };
}

/**
 * Fills a failure's code, text and destination from its text when its fields lack them, and
 * returns its side: the catalogue's, else what the text says. Mutates `fields`.
 */
function enrichFailure(
  fields: ReplayRecord['fields'],
  text: string,
  side: Side | null,
): Side | null {
  const failure = classifyFailureText(fields.errorText ?? text);
  if (!fields.errorCode && failure.code !== null) fields.errorCode = formatErrorCode(failure.code);
  if (!fields.errorText && text) fields.errorText = text;
  fields.destinationNode ??= destinationInText(fields.errorText ?? text) ?? undefined;
  return side ?? failure.side;
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
