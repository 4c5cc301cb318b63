import type { RecordRole } from '../catalog/types.js';
import type { TimedRecord } from './replay-migrations.js';

type Group = 'service' | 'rhs';
type DownKind = 'network' | 'interface';

const groupOf: Partial<Record<RecordRole, Group>> = {
  'cluster-service-start': 'service',
  'rhs-died': 'rhs',
  'rhs-deadlock': 'rhs',
  'resource-separate-rhs': 'rhs',
};

const stateOf: Partial<Record<RecordRole, { kind: DownKind; down: boolean }>> = {
  'network-down': { kind: 'network', down: true },
  'network-up': { kind: 'network', down: false },
  'interface-failed': { kind: 'interface', down: true },
  'interface-unreachable': { kind: 'interface', down: true },
  'interface-up': { kind: 'interface', down: false },
};

/**
 * The infrastructure records (service starts, RHS restarts, network and interface states, CSV,
 * backup, node events) indexed by time, node and name, so each migration's facts cost a few
 * binary searches instead of a scan.
 */
export class InfrastructureIndex {
  private readonly sorted: TimedRecord[];
  private readonly times: number[];
  private readonly byNodeGroup = new Map<string, number[]>();
  private readonly states = new Map<DownKind, Map<string, { downs: number[]; ups: number[] }>>();

  constructor(timeline: readonly TimedRecord[]) {
    this.sorted = [...timeline].sort((a, b) => a.at - b.at);
    this.times = this.sorted.map((t) => t.at);
    for (const t of this.sorted) {
      const group = groupOf[t.record.role];
      if (group) push(this.byNodeGroup, `${t.node}\u0000${group}`, t.at);
      const state = stateOf[t.record.role];
      if (state) {
        const names =
          this.states.get(state.kind) ?? new Map<string, { downs: number[]; ups: number[] }>();
        this.states.set(state.kind, names);
        const name = state.kind === 'network' ? (t.record.fields.network ?? '') : interfaceName(t);
        if (name === '' || name.endsWith(': ')) continue;
        const list = names.get(name) ?? { downs: [], ups: [] };
        names.set(name, list);
        (state.down ? list.downs : list.ups).push(t.at);
      }
    }
  }

  /** Time of the last record of the group on the node at or before `at`, or null. */
  lastBefore(node: string | null, group: Group, at: number): number | null {
    if (node === null) return null;
    const list = this.byNodeGroup.get(`${node}\u0000${group}`);
    if (!list) return null;
    const index = lastAtOrBefore(list, at);
    return index < 0 ? null : list[index]!;
  }

  /** Records between two instants, inclusive, in time order. */
  within(from: number, to: number): TimedRecord[] {
    return this.sorted.slice(
      lastAtOrBefore(this.times, from - 1e-9) + 1,
      lastAtOrBefore(this.times, to) + 1,
    );
  }

  /**
   * Names reported down before `end` and not back up by `start`: the last down at or before
   * `end` is later than the last up at or before `start`.
   */
  downDuring(kind: DownKind, start: number, end: number): string[] {
    const out: string[] = [];
    for (const [name, list] of this.states.get(kind) ?? []) {
      const lastDown = lastAtOrBefore(list.downs, end);
      if (lastDown < 0) continue;
      const lastUp = lastAtOrBefore(list.ups, start);
      if (lastUp < 0 || list.downs[lastDown]! > list.ups[lastUp]!) out.push(name);
    }
    return out.sort();
  }
}

function interfaceName(t: TimedRecord): string {
  return `${t.record.fields.node ?? t.node}: ${t.record.fields.interface ?? t.record.fields.network ?? ''}`;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Index of the last value ≤ `at` in an ascending list, or -1. */
function lastAtOrBefore(list: readonly number[], at: number): number {
  let low = 0;
  let high = list.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (list[mid]! <= at) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
