import { classifyFailureText, type FailureClassification } from '../catalog/failure-fragments.js';
import { fieldOf, findCatalogEvent } from '../catalog/lookup.js';
import { eventMatches, type EventSelector } from '../catalog/select.js';
import type { FieldRole } from '../catalog/types.js';
import type { Answer, EvidenceRef, MissingInput } from '../model/diagnosis.js';
import type { Migration, MigrationStep } from '../model/migration.js';
import { isoToMillis } from '../model/time.js';
import { eventsMatchingBetween, eventsWithRowIds } from './event-index.js';
import type { CaseEvent, CaseInput, ConfigRecord } from './case-input.js';

/** What a check returns: the answer, one sentence, the records that decided it. */
export interface CheckResult {
  answer: Answer;
  summary: string;
  evidence: EvidenceRef[];
  /** Set when the answer is `unknown` because an input was not collected. */
  missing?: MissingInput;
}

/** What a check may look at: one migration and the whole case (plain data). */
export interface CheckContext {
  migration: Migration;
  input: CaseInput;
  /** The failure text of the migration, classified once (codes first, fragments as fallback). */
  failure: FailureClassification;
}

/** A named, pure check. */
export type Check = (context: CheckContext) => CheckResult;

/** Phases of migration steps that record the failure itself. */
const failurePhases = new Set([
  'lm-failed',
  'lm-restore-failed',
  'switch-problem',
  'vm-register-failed',
  'group-move-failed',
  'group-failed',
]);

export function yes(summary: string, evidence: EvidenceRef[]): CheckResult {
  return { answer: 'yes', summary, evidence };
}
export function no(summary: string, evidence: EvidenceRef[] = []): CheckResult {
  return { answer: 'no', summary, evidence };
}
export function unknown(summary: string, missing?: MissingInput): CheckResult {
  return missing
    ? { answer: 'unknown', summary, evidence: [], missing }
    : { answer: 'unknown', summary, evidence: [] };
}

/** A migration step as evidence. Pure. */
export function stepEvidence(step: MigrationStep): EvidenceRef {
  const note = step.summary.replace(/\s+/g, ' ').trim();
  return {
    table: step.evidenceTable,
    id: step.evidenceId,
    node: step.node,
    time: step.time,
    note: note.length > 120 ? `${note.slice(0, 117)}...` : note,
  };
}

/** A loaded event as evidence. Pure. */
export function eventEvidence(event: CaseEvent, note: string): EvidenceRef {
  return {
    table: 'events',
    id: event.id,
    node: event.node,
    time: event.time,
    note: `${event.eventId}: ${note}`,
  };
}

/** A configuration row as evidence. Pure. */
export function configEvidence(record: ConfigRecord, note: string): EvidenceRef {
  return { table: record.table, id: record.id, node: record.node, time: null, note };
}

/** The steps that record the failure (21502/21111/21126 events, RES lines, …). Pure. */
export function failureSteps(migration: Migration): MigrationStep[] {
  return migration.steps.filter((s) => failurePhases.has(s.phase));
}

/** The migration's events among the loaded ones (by the ids its steps cite). Pure. */
export function stepEvents(context: CheckContext): CaseEvent[] {
  const ids = new Set(
    context.migration.steps.filter((s) => s.evidenceTable === 'events').map((s) => s.evidenceId),
  );
  return eventsWithRowIds(context.input.events, ids);
}

/** The migration's own events (cited by its steps) that a selector matches. Pure. */
export function ownEvents(context: CheckContext, selector: EventSelector): CaseEvent[] {
  return stepEvents(context).filter((e) => eventMatches(e, selector));
}

/** An event's field by its catalogue role (bound by position), or null. Pure. */
export function eventField(event: CaseEvent, role: FieldRole): string | null {
  const entry = findCatalogEvent(event.provider, event.eventId);
  return entry === undefined ? null : fieldOf(event, entry, role);
}

/** The step citing an event, when there is one. Pure. */
export function stepOfEvent(migration: Migration, event: CaseEvent): MigrationStep | undefined {
  return migration.steps.find((s) => s.evidenceTable === 'events' && s.evidenceId === event.id);
}

/** [start, end] of the attempt in milliseconds (request to end; end = start when unknown). Pure. */
export function attemptWindow(migration: Migration): [number, number] | null {
  const from = migration.requestedAt ?? migration.startedAt;
  if (from === null) return null;
  const start = isoToMillis(from);
  const end = migration.endedAt !== null ? isoToMillis(migration.endedAt) : start;
  return [start, Math.max(start, end)];
}

/** Loaded events a selector matches, within [from, to] ms, optionally on some nodes. Pure. */
export function eventsBetween(
  input: CaseInput,
  selector: EventSelector | readonly EventSelector[],
  from: number,
  to: number,
  nodes?: readonly (string | null)[],
): CaseEvent[] {
  const onNodes = nodes
    ? new Set(nodes.filter((n): n is string => n !== null).map((n) => n.toUpperCase()))
    : null;
  return eventsMatchingBetween(input.events, selector, from, to).filter(
    (e) => !onNodes || onNodes.has(e.node.toUpperCase()),
  );
}

/** Whether the case has any log from a node. Pure. */
export function hasLogsFrom(input: CaseInput, node: string | null): boolean {
  if (node === null) return false;
  return input.nodesWithLogs.some((n) => n.toUpperCase() === node.toUpperCase());
}

/** Configuration rows of a table about one node. Pure. */
export function rowsOfNode(rows: readonly ConfigRecord[], node: string | null): ConfigRecord[] {
  if (node === null) return [];
  return rows.filter((r) => r.node !== null && r.node.toUpperCase() === node.toUpperCase());
}

/** A text column of a configuration row, trimmed; null when empty. Pure. */
export function text(record: ConfigRecord, column: string): string | null {
  const value = record.values[column];
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
}

/**
 * Classifies a migration's failure from its error text and the messages of its failure
 * events (21502 carries the whole chain). Codes decide first (catalog). Pure.
 */
export function classifyMigrationFailure(
  migration: Migration,
  events: readonly CaseEvent[],
): FailureClassification {
  const ids = new Set(
    failureSteps(migration)
      .filter((s) => s.evidenceTable === 'events')
      .map((s) => s.evidenceId),
  );
  const texts = [
    migration.errorCode ?? '',
    migration.errorText ?? '',
    ...eventsWithRowIds(events, ids).map((e) => e.message ?? ''),
  ];
  return classifyFailureText(texts.filter((t) => t !== '').join('\n'));
}

/** The failure steps as evidence (the records that say the migration failed and how). Pure. */
export function failureEvidence(migration: Migration): EvidenceRef[] {
  return failureSteps(migration).map(stepEvidence);
}
