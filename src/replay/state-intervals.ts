import type { RecordRole } from '../catalog/types.js';
import type { StateInterval, StateKind } from '../model/state-interval.js';
import { nodeKey } from '../model/node-name.js';
import type { TimedRecord } from './replay-migrations.js';

/** What a record of a role says: the kind of thing, its state, and how to name the thing. */
interface StateChange {
  kind: StateKind;
  state: string;
  subject: (t: TimedRecord, nodeNamesById: Readonly<Record<string, string>>) => string;
}

const networkName = (t: TimedRecord) => t.record.fields.network ?? '';
const interfaceName = (t: TimedRecord) =>
  `${t.record.fields.node ?? t.node}: ${t.record.fields.interface ?? t.record.fields.network ?? ''}`;
const volumeName = (t: TimedRecord) => t.record.fields.volume ?? '';
const ownNode = (t: TimedRecord) => t.node;
const namedNode = (t: TimedRecord, names: Readonly<Record<string, string>>) => {
  const { node, nodeId } = t.record.fields;
  if (node) return nodeKey(node);
  const name = nodeId === undefined ? undefined : names[nodeId.trim().split(/\s+/)[0]!];
  return name ? nodeKey(name) : nodeId ? `node ${nodeId.trim()}` : '';
};

/** The catalogue roles that change a state, and which. */
const changes: Partial<Record<RecordRole, StateChange>> = {
  'network-down': { kind: 'network', state: 'down', subject: networkName },
  'network-up': { kind: 'network', state: 'up', subject: networkName },
  'network-partitioned': { kind: 'network', state: 'partitioned', subject: networkName },
  'interface-failed': { kind: 'interface', state: 'failed', subject: interfaceName },
  'interface-unreachable': { kind: 'interface', state: 'unreachable', subject: interfaceName },
  'interface-up': { kind: 'interface', state: 'up', subject: interfaceName },
  'csv-paused': { kind: 'csv', state: 'paused', subject: volumeName },
  'csv-redirected': { kind: 'csv', state: 'redirected', subject: volumeName },
  'csv-no-access': { kind: 'csv', state: 'no-access', subject: volumeName },
  'csv-resumed': { kind: 'csv', state: 'online', subject: volumeName },
  'node-down': { kind: 'node', state: 'down', subject: namedNode },
  'node-up': { kind: 'node', state: 'member', subject: namedNode },
  'cluster-service-start': { kind: 'cluster-service', state: 'started', subject: ownNode },
  'cluster-service-stop': { kind: 'cluster-service', state: 'stopped', subject: ownNode },
  'rhs-died': { kind: 'rhs', state: 'crashed', subject: ownNode },
  'rhs-deadlock': { kind: 'rhs', state: 'deadlocked', subject: ownNode },
  'resource-separate-rhs': { kind: 'rhs', state: 'started', subject: ownNode },
  'backup-start': { kind: 'backup', state: 'running', subject: volumeName },
  'backup-end': { kind: 'backup', state: 'ended', subject: volumeName },
  'backup-problem': { kind: 'backup', state: 'problem', subject: volumeName },
};

/**
 * The state a record of the normal state implies held before it when the logs show nothing
 * earlier (a network logged up was down before): an interval with an open start.
 */
const impliedBefore: Partial<Record<StateKind, Record<string, string>>> = {
  network: { up: 'down' },
  interface: { up: 'unreachable' },
  csv: { online: 'paused-or-redirected' },
  node: { member: 'down' },
  'cluster-service': { started: 'stopped' },
  backup: { ended: 'running' },
};

/** Whether records of a role change a state (see deriveStateIntervals). */
export function isStateRole(role: RecordRole): boolean {
  return changes[role] !== undefined;
}

/**
 * Intervals of infrastructure state from records on the corrected clock, in time order: per
 * thing and per node that logged it, each record that changes its state begins an interval
 * that the next change ends. The last interval of each series is open at its end; a series
 * whose first record says the thing recovered begins with the implied state before it, open
 * at its start. Repeated records of the same state extend the interval. Pure.
 */
export function deriveStateIntervals(
  timed: readonly TimedRecord[],
  nodeNamesById: Readonly<Record<string, string>> = {},
): StateInterval[] {
  const series = new Map<string, StateInterval[]>();
  for (const t of timed) {
    const change = changes[t.record.role];
    if (!change) continue;
    const subject = change.subject(t, nodeNamesById);
    const key = `${change.kind}\u0000${subject.toUpperCase()}\u0000${t.node}`;
    const evidence = { table: t.record.table, id: t.record.id };
    let list = series.get(key);
    if (!list) {
      list = [];
      series.set(key, list);
      const before = impliedBefore[change.kind]?.[change.state];
      if (before)
        list.push({
          kind: change.kind,
          subject,
          node: t.node,
          state: before,
          startedAt: null,
          endedAt: t.time,
          startOpen: true,
          endOpen: false,
          startEvidence: null,
          endEvidence: evidence,
        });
    }
    const last = list[list.length - 1];
    if (last && last.endedAt === null) {
      if (last.state === change.state) continue;
      last.endedAt = t.time;
      last.endOpen = false;
      last.endEvidence = evidence;
    }
    list.push({
      kind: change.kind,
      subject,
      node: t.node,
      state: change.state,
      startedAt: t.time,
      endedAt: null,
      startOpen: false,
      endOpen: true,
      startEvidence: evidence,
      endEvidence: null,
    });
  }
  return [...series.values()]
    .flat()
    .sort(
      (a, b) =>
        (a.startedAt ?? '').localeCompare(b.startedAt ?? '') ||
        a.kind.localeCompare(b.kind) ||
        a.subject.localeCompare(b.subject) ||
        a.node.localeCompare(b.node),
    );
}
