import type { ClockSkew, Migration } from '../model/migration.js';
import type { StateInterval } from '../model/state-interval.js';

/**
 * A rebuilt migration with its node names as the case shows them. Replay identifies a node by
 * its key (`nodeKey`: upper-case short name) so that every spelling of it is one node; `show`
 * turns a key (or any spelling) into the cluster's own spelling (model/node-name.ts), for the
 * source and destination, the steps, the gaps and the facts that name nodes. Pure.
 */
export function showMigrationNodes(m: Migration, show: (node: string) => string): Migration {
  const named = (node: string | null) => (node === null ? null : show(node));
  const prefixed = (text: string) => {
    const at = text.indexOf(': ');
    return at > 0 ? `${show(text.slice(0, at))}${text.slice(at)}` : text;
  };
  const renames = [m.sourceNode, m.destinationNode]
    .filter((n): n is string => n !== null && show(n) !== n)
    .map((n) => [new RegExp(`\\bnode ${escape(n)}\\b`, 'g'), `node ${show(n)}`] as const);
  return {
    ...m,
    sourceNode: named(m.sourceNode),
    destinationNode: named(m.destinationNode),
    gaps: m.gaps.map((gap) => renames.reduce((text, [from, to]) => text.replace(from, to), gap)),
    steps: m.steps.map((step) => ({ ...step, node: show(step.node) })),
    facts: {
      ...m.facts,
      overlapping: m.facts.overlapping.map((o) => ({ ...o, sharedNode: show(o.sharedNode) })),
      interfacesDown: m.facts.interfacesDown.map(prefixed),
      csvProblems: m.facts.csvProblems.map(prefixed),
      backupActivity: m.facts.backupActivity.map(prefixed),
      nodesDown: m.facts.nodesDown.map(show),
    },
  };
}

/** Clock-skew rows with their node names as the case shows them. Pure. */
export function showClockSkewNodes(
  skew: readonly ClockSkew[],
  show: (node: string) => string,
): ClockSkew[] {
  return skew.map((s) => ({ ...s, node: show(s.node), reference: show(s.reference) }));
}

/**
 * State intervals with the node that logged them, and the subject where it is a node (node
 * membership, cluster service, RHS), the way the case shows them. Pure.
 */
export function showStateNodes(
  states: readonly StateInterval[],
  show: (node: string) => string,
): StateInterval[] {
  const nodeSubject = new Set(['node', 'cluster-service', 'rhs']);
  return states.map((s) => ({
    ...s,
    node: show(s.node),
    subject: nodeSubject.has(s.kind) ? show(s.subject) : s.subject,
  }));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
