import type { RecordRole } from '../catalog/types.js';
import type { ClockSkew } from '../model/migration.js';
export type { ClockSkew } from '../model/migration.js';
import type { TimedRecord } from './replay-migrations.js';

/**
 * How long (ms) a destination may take to log its start after the source logged its own: the
 * destination start is caused by the source, so it comes later by up to this much. It bounds
 * the uncertainty of an offset measured from starts in one direction only; it never sets a
 * measured offset to zero.
 */
export const startTransitMaxMs = 2_000;

/**
 * How far apart (ms) two nodes may log their own sighting of one happening of the cluster
 * (a node leaving or joining, a network going down or up): each decides on its own heartbeats.
 */
export const sightingJitterMs = 1_000;

/** How far apart (ms) a destination start may be from its source start to be paired. */
const pairWindowMs = 10 * 60_000;
/** How far apart (ms) two nodes' sightings of one happening may be to be paired. */
const sightingWindowMs = 60_000;

/** Roles of records that every node logs for the same happening of the cluster. */
export const sharedRoles: ReadonlySet<RecordRole> = new Set([
  'node-down',
  'node-up',
  'network-down',
  'network-up',
  'network-partitioned',
]);

/** A live-migration start naming a VM, as the clock-skew estimate needs it. */
export interface PairedStart {
  /** The VM key. */
  key: string;
  node: string;
  /** ms on the stored clock. */
  at: number;
  /** A source start (else a destination start). */
  source: boolean;
}

/** A node's own record of a happening other nodes log too (see sharedRoles). */
export interface Sighting {
  /** What happened and what to: role, record label and subject (`node-down|1135|HV03`). */
  key: string;
  node: string;
  /** ms on the stored clock. */
  at: number;
}

/** The sighting key of a record of a shared role, or null (no subject, or not shared). */
export function sightingKey(record: TimedRecord['record']): string | null {
  if (!sharedRoles.has(record.role)) return null;
  const f = record.fields;
  const subject = f.node ?? f.nodeId ?? f.network ?? f.interface ?? '';
  return `${record.role}|${record.label}|${subject.toUpperCase()}`;
}

/** The paired starts and sightings among placed records. Pure. */
export function estimateClockSkew(timed: readonly TimedRecord[]): ClockSkew[] {
  const starts: PairedStart[] = [];
  const sightings: Sighting[] = [];
  for (const { record, node, at, vmKey } of timed) {
    const key = sightingKey(record);
    if (key !== null) sightings.push({ key, node, at });
    if (
      vmKey === null ||
      (record.role !== 'lm-start-source' && record.role !== 'lm-start-destination')
    )
      continue;
    starts.push({ key: vmKey, node, at, source: record.role === 'lm-start-source' });
  }
  return estimateClockOffsets(starts, sightings);
}

/** One measured difference between two nodes' clocks: `to` minus `from`, in ms. */
interface Pairing {
  from: string;
  to: string;
  deltaMs: number;
  basis: 'migration-start' | 'shared-sighting';
}

/**
 * Per-node clock offsets against a reference node, each with its uncertainty, from every
 * pairing the records offer: live-migration starts logged on both sides (the destination logs
 * within moments after the source) and happenings every node logs for itself (a node leaving
 * or joining, a network down or up). Per pair of nodes: sightings give the median difference;
 * starts in both directions cancel the transit time (half the difference of the two medians);
 * starts in one direction give their median, uncertain by up to startTransitMaxMs. Nodes are
 * chained from the node with most pairings along the least uncertain links, and the offsets
 * are then taken against the node in the middle (the lower median). No measured offset
 * is dropped, however small; `uncertaintyS` says how far it may be off. Pure.
 */
export function estimateClockOffsets(
  starts: readonly PairedStart[],
  sightings: readonly Sighting[] = [],
): ClockSkew[] {
  const pairings = [...startPairings(starts), ...sightingPairings(sightings)];
  const byPair = new Map<string, Pairing[]>();
  for (const p of pairings) {
    const [a, b] = p.from < p.to ? [p.from, p.to] : [p.to, p.from];
    const key = `${a}\u0000${b}`;
    const list = byPair.get(key);
    const normal = p.from === a ? p : { ...p, from: a, to: b, deltaMs: -p.deltaMs, reversed: true };
    if (list) list.push(normal);
    else byPair.set(key, [normal]);
  }
  if (byPair.size === 0) return [];

  const edges = new Map<string, Link[]>();
  const pairCount = new Map<string, number>();
  for (const [key, list] of byPair) {
    const [a, b] = key.split('\u0000') as [string, string];
    const link = linkOf(list as (Pairing & { reversed?: boolean })[]);
    edges.set(a, [...(edges.get(a) ?? []), { ...link, to: b }]);
    edges.set(b, [...(edges.get(b) ?? []), { ...link, to: a, offsetMs: -link.offsetMs }]);
    pairCount.set(a, (pairCount.get(a) ?? 0) + list.length);
    pairCount.set(b, (pairCount.get(b) ?? 0) + list.length);
  }
  const reference = [...pairCount].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]![0];
  return chain(reference, edges);
}

/** What one pair of nodes says: `to`'s offset against the other, its uncertainty, its basis. */
interface Link {
  to: string;
  offsetMs: number;
  uncertaintyMs: number;
  pairs: number;
  basis: string;
}

/** The offset of `to` against `from` from their pairings (all normalised to from < to). */
function linkOf(list: readonly (Pairing & { reversed?: boolean })[]): Omit<Link, 'to'> {
  const sightings = list.filter((p) => p.basis === 'shared-sighting').map((p) => p.deltaMs);
  // A start pairing is destination minus source: forward when `to` was the destination.
  const forward = list.filter((p) => p.basis === 'migration-start' && !p.reversed);
  const backward = list.filter((p) => p.basis === 'migration-start' && p.reversed);
  const basis = [
    forward.length + backward.length > 0
      ? `migration-start×${forward.length + backward.length}`
      : '',
    sightings.length > 0 ? `shared-sighting×${sightings.length}` : '',
  ]
    .filter((b) => b !== '')
    .join(', ');
  // The feasible interval: a start says the offset is at most its difference (transit ≥ 0)
  // and at least that minus the longest transit; a sighting, within the jitter either way.
  let lower = -Infinity;
  let upper = Infinity;
  for (const p of forward) {
    upper = Math.min(upper, p.deltaMs);
    lower = Math.max(lower, p.deltaMs - startTransitMaxMs);
  }
  for (const p of backward) {
    lower = Math.max(lower, p.deltaMs);
    upper = Math.min(upper, p.deltaMs + startTransitMaxMs);
  }
  for (const d of sightings) {
    lower = Math.max(lower, d - sightingJitterMs);
    upper = Math.min(upper, d + sightingJitterMs);
  }
  let offset: number;
  if (sightings.length > 0) offset = median(sightings);
  else if (forward.length > 0 && backward.length > 0)
    offset = (median(forward.map((p) => p.deltaMs)) + median(backward.map((p) => p.deltaMs))) / 2;
  else offset = median(list.map((p) => p.deltaMs));
  // Consistent evidence: the offset is within [lower, upper]. Inconsistent evidence (a clock
  // stepped during the case): the spread of the measurements is the honest uncertainty.
  const all = list.map((p) => p.deltaMs);
  const uncertainty =
    lower <= upper && offset >= lower && offset <= upper
      ? Math.max(offset - lower, upper - offset)
      : Math.max(...all) - Math.min(...all) + startTransitMaxMs;
  return { offsetMs: offset, uncertaintyMs: uncertainty, pairs: list.length, basis };
}

/** Each node's offset along the least uncertain chain of links from the reference. */
function chain(reference: string, edges: ReadonlyMap<string, Link[]>): ClockSkew[] {
  const best = new Map<string, { offsetMs: number; uncertaintyMs: number; link: Link | null }>([
    [reference, { offsetMs: 0, uncertaintyMs: 0, link: null }],
  ]);
  const done = new Set<string>();
  for (;;) {
    let next: string | null = null;
    for (const [node, value] of best)
      if (!done.has(node) && (next === null || value.uncertaintyMs < best.get(next)!.uncertaintyMs))
        next = node;
    if (next === null) break;
    done.add(next);
    const here = best.get(next)!;
    for (const link of edges.get(next) ?? []) {
      const uncertaintyMs = here.uncertaintyMs + link.uncertaintyMs;
      const known = best.get(link.to);
      if (done.has(link.to) || (known && known.uncertaintyMs <= uncertaintyMs)) continue;
      best.set(link.to, { offsetMs: here.offsetMs + link.offsetMs, uncertaintyMs, link });
    }
  }
  // The case's clock is the middle one (the lower median): with most clocks right, one node
  // off either way does not move the others.
  const middle = [...best].sort(
    (a, b) => a[1].offsetMs - b[1].offsetMs || a[0].localeCompare(b[0]),
  )[Math.floor((best.size - 1) / 2)]!;
  const [clock, { offsetMs: base, uncertaintyMs: baseUncertainty }] = middle;
  return [...best]
    .map(([node, { offsetMs, uncertaintyMs, link }]) => ({
      node,
      offsetS: roundMs(offsetMs - base) / 1000,
      pairs: node === clock ? 0 : ((link ?? middle[1].link)?.pairs ?? 0),
      reference: clock,
      uncertaintyS: node === clock ? 0 : roundMs(uncertaintyMs + baseUncertainty) / 1000,
      basis: node === clock ? 'reference' : ((link ?? middle[1].link)?.basis ?? 'reference'),
    }))
    .sort((a, b) => a.node.localeCompare(b.node));
}

/** Each destination start with the nearest source start of the same VM on another node. */
function startPairings(starts: readonly PairedStart[]): Pairing[] {
  const sourcesByVm = new Map<string, PairedStart[]>();
  for (const start of starts) {
    if (!start.source) continue;
    const list = sourcesByVm.get(start.key);
    if (list) list.push(start);
    else sourcesByVm.set(start.key, [start]);
  }
  const out: Pairing[] = [];
  for (const destination of starts) {
    if (destination.source) continue;
    const best = nearest(sourcesByVm.get(destination.key) ?? [], destination, pairWindowMs);
    if (best)
      out.push({
        from: best.node,
        to: destination.node,
        deltaMs: destination.at - best.at,
        basis: 'migration-start',
      });
  }
  return out;
}

/**
 * Each sighting with the nearest sighting of the same happening on every other node (each
 * unordered pair of sightings once).
 */
function sightingPairings(sightings: readonly Sighting[]): Pairing[] {
  const byKey = new Map<string, Map<string, Sighting[]>>();
  for (const s of sightings) {
    const nodes = byKey.get(s.key) ?? new Map<string, Sighting[]>();
    byKey.set(s.key, nodes);
    const list = nodes.get(s.node);
    if (list) list.push(s);
    else nodes.set(s.node, [s]);
  }
  const out: Pairing[] = [];
  for (const nodes of byKey.values()) {
    const names = [...nodes.keys()].sort();
    for (let i = 0; i < names.length; i++)
      for (let j = i + 1; j < names.length; j++) {
        const others = [...nodes.get(names[j]!)!].sort((x, y) => x.at - y.at);
        for (const s of nodes.get(names[i]!)!) {
          const other = nearest(others, s, sightingWindowMs);
          if (other)
            out.push({
              from: s.node,
              to: other.node,
              deltaMs: other.at - s.at,
              basis: 'shared-sighting',
            });
        }
      }
  }
  return out;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function roundMs(ms: number): number {
  return Math.round(ms) || 0;
}

/**
 * The record on another node nearest in time to `target`, within `windowMs`, from a list in
 * time order (a binary search finds the neighbourhood).
 */
function nearest<T extends { node: string; at: number }>(
  list: readonly T[],
  target: T,
  windowMs: number,
): T | null {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.at < target.at) low = mid + 1;
    else high = mid;
  }
  let best: T | null = null;
  let bestDistance = Infinity;
  for (const step of [1, -1]) {
    for (let i = step === 1 ? low : low - 1; i >= 0 && i < list.length; i += step) {
      const candidate = list[i]!;
      const distance = Math.abs(target.at - candidate.at);
      if (distance > windowMs || distance >= bestDistance) break;
      if (candidate.node === target.node) continue;
      best = candidate;
      bestDistance = distance;
      break;
    }
  }
  return best;
}
