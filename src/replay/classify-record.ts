import type {
  CatalogEvent,
  ClusterLogPattern,
  FieldRole,
  RecordRole,
  Side,
} from '../catalog/types.js';
import type { ReplayRecord } from './replay-record.js';

/** What the classifier needs from the catalogue (catalog/lookup.ts provides it). */
export interface CatalogAccess {
  findEvent(provider: string, eventId: number): CatalogEvent | undefined;
  matchClusterLogLine(
    component: string | null,
    message: string,
  ): { pattern: ClusterLogPattern; fields: Record<string, string> } | null;
  /** Side and code a failure text points to (English fragments), when it can tell. */
  classifyFailureText(text: string): { side: Side | null; code: string | null } | null;
}

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
 * position (%n = n-th value of data); the message, when present, picks among wording
 * variants and text-decided roles. Pure.
 */
export function classifyEvent(event: EventInput, catalog: CatalogAccess): ReplayRecord | null {
  const entry = catalog.findEvent(event.provider, event.eventId);
  if (!entry) return null;
  const text = event.message ?? '';
  const role = roleFromText(entry, text);
  const positions = variantFields(entry, text);
  const values = Object.entries(event.data)
    .filter(([key]) => key !== 'Binary')
    .map(([, value]) => value);
  const fields: ReplayRecord['fields'] = {};
  for (const [fieldRole, position] of Object.entries(positions) as [FieldRole, number][]) {
    const value = values[position - 1];
    if (value !== undefined && value !== '') fields[fieldRole] = value;
  }
  let side = entry.side;
  if (role === 'lm-failed') {
    const failure = catalog.classifyFailureText(fields.errorText ?? text);
    side ??= failure?.side ?? null;
    if (!fields.errorCode && failure?.code) fields.errorCode = failure.code;
    if (!fields.errorText && text) fields.errorText = text;
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
    text: text || fillPositions(entry.template, values),
  };
}

/** A cluster log record → ReplayRecord when a catalogue pattern matches it (null otherwise). Pure. */
export function classifyClusterLogLine(
  line: ClusterLogInput,
  catalog: CatalogAccess,
): ReplayRecord | null {
  if (line.node === null) return null;
  const match = catalog.matchClusterLogLine(line.component, line.message);
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

function roleFromText(entry: CatalogEvent, text: string): RecordRole {
  if (text && entry.textRoles) {
    for (const { pattern, role } of entry.textRoles) if (pattern.test(text)) return role;
  }
  return entry.role;
}

function variantFields(entry: CatalogEvent, text: string): Partial<Record<FieldRole, number>> {
  if (!text || !entry.variants) return entry.fields;
  for (const variant of entry.variants)
    if (templatePattern(variant.template).test(text)) return variant.fields;
  return entry.fields;
}

const patternCache = new Map<string, RegExp>();

/** A message template as a regex over rendered text (%n matches anything). */
function templatePattern(template: string): RegExp {
  let pattern = patternCache.get(template);
  if (!pattern) {
    const body = template
      .split(/%\d+/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*?');
    pattern = new RegExp(`^${body}$`);
    patternCache.set(template, pattern);
  }
  return pattern;
}

function fillPositions(template: string, values: string[]): string {
  return template.replace(/%(\d+)/g, (whole, n: string) => values[Number(n) - 1] ?? whole);
}
