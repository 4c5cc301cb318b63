/**
 * What infrastructure state held at an attempt, and since when: the checks' view of the state
 * intervals replay derived (DESIGN §3 "State over time"). Pure.
 */
import type { EvidenceRef } from '../model/diagnosis.js';
import type { StateInterval, StateKind } from '../model/state-interval.js';
import { isoToMillis } from '../model/time.js';
import type { CaseInput } from './case-input.js';

/**
 * The intervals of a kind in one of `states` that held at some moment of [from, to] ms,
 * optionally as logged by some nodes; state begun before or ended after the window counts.
 */
export function statesDuring(
  input: CaseInput,
  kind: StateKind,
  states: readonly string[],
  [from, to]: readonly [number, number],
  nodes?: readonly (string | null)[],
): StateInterval[] {
  const onNodes = nodes
    ? new Set(nodes.filter((n): n is string => n !== null).map((n) => n.toUpperCase()))
    : null;
  return (input.states ?? []).filter(
    (s) =>
      s.kind === kind &&
      states.includes(s.state) &&
      (s.startedAt === null || isoToMillis(s.startedAt) <= to) &&
      (s.endedAt === null || isoToMillis(s.endedAt) >= from) &&
      (!onNodes || onNodes.has(s.node.toUpperCase())),
  );
}

/** Since when an interval held, in words: its start, or that the logs do not show it. */
export function sinceText(s: StateInterval): string {
  return s.startedAt === null ? 'since before the logs begin' : `since ${s.startedAt}`;
}

/** Until when, in words: its end, or that it still held when the logs end. */
export function untilText(s: StateInterval): string {
  return s.endedAt === null ? 'still when the logs end' : `until ${s.endedAt}`;
}

/** The records that began (and, when known, ended) an interval, as evidence. */
export function stateEvidence(s: StateInterval, note: string): EvidenceRef[] {
  const out: EvidenceRef[] = [];
  if (s.startEvidence)
    out.push({ ...s.startEvidence, node: s.node, time: s.startedAt, note: `${note} (began)` });
  if (s.endEvidence)
    out.push({ ...s.endEvidence, node: s.node, time: s.endedAt, note: `${note} (ended)` });
  return out;
}
