/**
 * Lookups over the catalogue: an event by provider and id, channel spelling, positional field
 * binding, message rendering from templates, and cluster log message patterns. Everything
 * here is pure; the maps are built once when the module loads.
 */
import type { LogEvent } from '../model/log-event.js';
import { clusterLogPatterns } from './cluster-log-patterns.js';
import { catalogEvents } from './events/index.js';
import type {
  CatalogEvent,
  CatalogEventVariant,
  ClusterLogPattern,
  FieldRole,
  RecordRole,
} from './types.js';

const windowsPrefix = 'microsoft-windows-';

/**
 * A provider as Windows writes it in any export style, compared without case and without the
 * `Microsoft-Windows-` prefix that legacy `EventSourceName`s drop: `Microsoft-Windows-
 * FailoverClustering`, `FailoverClustering` → `failoverclustering`. Pure.
 */
export function providerKey(provider: string): string {
  const lower = provider.trim().toLowerCase();
  return lower.startsWith(windowsPrefix) ? lower.slice(windowsPrefix.length) : lower;
}

/**
 * The lower-case spellings under which a provider's events are stored (the `Name` attribute
 * and the legacy source name without the `Microsoft-Windows-` prefix), for a store query
 * that compares `lower(provider)`. Pure.
 */
export function providerSpellings(provider: string): string[] {
  const key = providerKey(provider);
  return [...new Set([provider.trim().toLowerCase(), key, `${windowsPrefix}${key}`])];
}

const eventsByKey = new Map<string, CatalogEvent>();
for (const entry of catalogEvents)
  eventsByKey.set(`${providerKey(entry.provider)}|${entry.eventId}`, entry);

/**
 * The catalogue entry for a provider and event id, or undefined. The provider matches with or
 * without its `Microsoft-Windows-` prefix and in any case (`FailoverClustering` is the System
 * log's source name for Microsoft-Windows-FailoverClustering). Pure, O(1).
 */
export function findCatalogEvent(provider: string, eventId: number): CatalogEvent | undefined {
  return eventsByKey.get(`${providerKey(provider)}|${eventId}`);
}

/**
 * One spelling per channel: Hyper-V writes `…-VMMS-Admin`, scripts and docs `…-VMMS/Admin`,
 * FailoverClustering `…/Operational`; all become `…-Admin` / `…-Operational`. Pure.
 */
export function normalizeChannel(channel: string): string {
  return channel.trim().replace(/\/(\w+)$/, '-$1');
}

/** Whether an event's channel is one the entry is logged to (spelling and case ignored). Pure. */
export function isCatalogChannel(entry: CatalogEvent, channel: string): boolean {
  const wanted = normalizeChannel(channel).toLowerCase();
  return entry.channels.some((c) => normalizeChannel(c).toLowerCase() === wanted);
}

function isValueList(data: Record<string, string> | readonly string[]): data is readonly string[] {
  return Array.isArray(data);
}

/**
 * The event's field values in document order, so index n-1 is `%n` (LogEvent keys are never
 * integer-like, so object order is insertion order). Pure.
 */
export function positionalValues(data: Record<string, string>): string[] {
  return Object.values(data);
}

/**
 * Fills `%1`, `%2`, … with values in order (a LogEvent's data or a plain list); a missing value
 * becomes an empty string. FormatMessage escapes are honoured: `%%` → `%`, `%n` → newline,
 * `%t` → tab, `%r` → carriage return, `%.` and `%!` → the character; `%1!s!` format specs are
 * dropped. Pure.
 */
export function fillTemplate(
  template: string,
  data: Record<string, string> | readonly string[],
): string {
  const values: readonly string[] = isValueList(data) ? data : positionalValues(data);
  return template.replace(
    /%(?:(\d{1,2})(?:![^!]*!)?|([%ntr.!]))/g,
    (_all, digits?: string, escape?: string) => {
      if (digits !== undefined) return values[Number(digits) - 1] ?? '';
      switch (escape) {
        case 'n':
          return '\n';
        case 't':
          return '\t';
        case 'r':
          return '\r';
        default:
          return escape ?? '';
      }
    },
  );
}

/** The highest `%n` a template uses (0 for none). Pure. */
export function maxPosition(template: string): number {
  let max = 0;
  for (const m of template.matchAll(/%(\d{1,2})/g)) max = Math.max(max, Number(m[1]));
  return max;
}

type Wording = Pick<CatalogEventVariant, 'template' | 'fields' | 'symbolicName'>;

const templatePatterns = new Map<string, RegExp>();

/**
 * A template as a pattern over rendered text: `%n` and `…` match anything, any run of white
 * space matches any other (renderers write CRLF for the manifest's line breaks).
 */
function templatePattern(template: string): RegExp {
  let pattern = templatePatterns.get(template);
  if (pattern === undefined) {
    const source = template
      .split(/(%\d{1,2}|…)/)
      .map((part) =>
        /^%\d|^…$/.test(part)
          ? '[\\s\\S]*?'
          : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'),
      )
      .join('');
    pattern = new RegExp(`^${source}${template.endsWith('…') ? '' : '\\s*$'}`);
    templatePatterns.set(template, pattern);
  }
  return pattern;
}

/**
 * The wording of the entry that fits the event: with a rendered message, the first whose
 * template matches it; otherwise the one whose highest `%n` equals the number of values;
 * otherwise the entry's own template. Pure.
 */
export function wordingOf(event: Pick<LogEvent, 'data' | 'message'>, entry: CatalogEvent): Wording {
  const main: Wording = entry;
  const variants = entry.variants ?? [];
  if (variants.length === 0) return main;
  const all = [main, ...variants];
  if (event.message !== null) {
    const byText = all.find(
      (w) => w.template !== '' && templatePattern(w.template).test(event.message ?? ''),
    );
    if (byText) return byText;
  }
  const count = positionalValues(event.data).length;
  return all.find((w) => maxPosition(w.template) === count) ?? main;
}

/**
 * The value of a field of an event by its role, bound by position (`%n` = n-th value of
 * `data`), or null when the entry does not place that role or the event has no such value.
 */
export function fieldOf(
  event: Pick<LogEvent, 'data' | 'message'>,
  entry: CatalogEvent,
  role: FieldRole,
): string | null {
  const position = wordingOf(event, entry).fields[role];
  if (position === undefined) return null;
  return positionalValues(event.data)[position - 1] ?? null;
}

/**
 * The event's text: its rendered message, else its wording's template filled from `data`,
 * else null when no template is known. Pure.
 */
export function messageOf(
  event: Pick<LogEvent, 'data' | 'message'>,
  entry: CatalogEvent,
): string | null {
  if (event.message !== null && event.message !== '') return event.message;
  const { template } = wordingOf(event, entry);
  return template === '' ? null : fillTemplate(template, event.data);
}

/**
 * The event's role: decided by its field values for ids with `fieldRoles`, by its text for
 * ids with `textRoles`, else the entry's. Pure.
 */
export function roleOf(event: Pick<LogEvent, 'data' | 'message'>, entry: CatalogEvent): RecordRole {
  if (entry.fieldRoles !== undefined) {
    const byField = entry.fieldRoles.find((rule) =>
      (Object.entries(rule.when) as [FieldRole, RegExp][]).every(([field, pattern]) => {
        const value = fieldOf(event, entry, field);
        return value !== null && pattern.test(value.trim());
      }),
    );
    if (byField) return byField.role;
  }
  if (entry.textRoles === undefined) return entry.role;
  const text = messageOf(event, entry) ?? '';
  return entry.textRoles.find((t) => t.pattern.test(text))?.role ?? entry.role;
}

/** Every role an entry's events can take (its own, and those its field or text rules give). Pure. */
export function rolesOfEntry(entry: CatalogEvent): RecordRole[] {
  return [
    ...new Set([
      entry.role,
      ...(entry.fieldRoles ?? []).map((r) => r.role),
      ...(entry.textRoles ?? []).map((r) => r.role),
    ]),
  ];
}

/** A cluster log message that matched a pattern, with the pattern's named groups. */
export interface ClusterLogMatch {
  pattern: ClusterLogPattern;
  fields: Record<string, string>;
}

const patternsByComponent = new Map<string, ClusterLogPattern[]>();
const anyComponentPatterns: ClusterLogPattern[] = [];
for (const pattern of clusterLogPatterns) {
  if (pattern.component === null) {
    anyComponentPatterns.push(pattern);
    continue;
  }
  const key = pattern.component.toUpperCase();
  patternsByComponent.set(key, [...(patternsByComponent.get(key) ?? []), pattern]);
}

/**
 * The first cluster log pattern that matches a line's component and message, with its named
 * groups as fields, or null. Patterns with a component are tried only for lines with that
 * component (case ignored); patterns without one are tried for every line. Pure.
 */
export function matchClusterLogLine(
  component: string | null,
  message: string,
): ClusterLogMatch | null {
  const own = component === null ? undefined : patternsByComponent.get(component.toUpperCase());
  return firstMatch(own ?? [], message) ?? firstMatch(anyComponentPatterns, message);
}

function firstMatch(
  patterns: readonly ClusterLogPattern[],
  message: string,
): ClusterLogMatch | null {
  for (const pattern of patterns) {
    const m = pattern.pattern.exec(message);
    if (m === null) continue;
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(m.groups ?? {})) {
      if (value !== undefined) fields[name] = value;
    }
    return { pattern, fields };
  }
  return null;
}
