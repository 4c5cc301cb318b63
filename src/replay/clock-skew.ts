import type { ClockSkew } from '../model/migration.js';
export type { ClockSkew } from '../model/migration.js';
import type { TimedRecord } from './replay-migrations.js';

/**
 * Below this, a difference between a destination's start and its source's start is just how
 * long the source took to reach the destination, not a clock difference.
 */
export const skewThresholdS = 2;

/** How far apart (ms) a destination start may be from its source start to be paired. */
const pairWindowMs = 10 * 60_000;

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

/**
 * Estimates per-node clock offsets from live migrations whose start was logged on both sides:
 * the destination logs its start within moments of the source, so the median difference per
 * node pair is the clock difference. Each destination start is paired with the nearest source
 * start of the same VM on another node. Nodes are chained from the node with most pairs. Pure.
 */
export function estimateClockSkew(timed: readonly TimedRecord[]): ClockSkew[] {
  const starts: PairedStart[] = [];
  for (const { record, node, at, vmKey } of timed) {
    if (
      vmKey === null ||
      (record.role !== 'lm-start-source' && record.role !== 'lm-start-destination')
    )
      continue;
    starts.push({ key: vmKey, node, at, source: record.role === 'lm-start-source' });
  }
  return estimateClockSkewFromStarts(starts);
}

/** The same estimate from the paired-start candidates alone, in clock order. Pure. */
export function estimateClockSkewFromStarts(starts: readonly PairedStart[]): ClockSkew[] {
  const deltas = new Map<string, number[]>();
  const sourcesByVm = new Map<string, PairedStart[]>();
  for (const start of starts) {
    if (!start.source) continue;
    const list = sourcesByVm.get(start.key);
    if (list) list.push(start);
    else sourcesByVm.set(start.key, [start]);
  }
  for (const destination of starts.filter((s) => !s.source)) {
    const best = nearestSource(sourcesByVm.get(destination.key) ?? [], destination);
    if (!best) continue;
    const key = `${best.node}\u0000${destination.node}`;
    const list = deltas.get(key);
    const delta = (destination.at - best.at) / 1000;
    if (list) list.push(delta);
    else deltas.set(key, [delta]);
  }
  if (deltas.size === 0) return [];

  // Undirected graph: edge a→b with the median offset of b relative to a.
  const edges = new Map<string, { to: string; offset: number; pairs: number }[]>();
  const pairCount = new Map<string, number>();
  for (const [key, list] of deltas) {
    const [a, b] = key.split('\u0000') as [string, string];
    const offset = median(list);
    edges.set(a, [...(edges.get(a) ?? []), { to: b, offset, pairs: list.length }]);
    edges.set(b, [...(edges.get(b) ?? []), { to: a, offset: -offset, pairs: list.length }]);
    pairCount.set(a, (pairCount.get(a) ?? 0) + list.length);
    pairCount.set(b, (pairCount.get(b) ?? 0) + list.length);
  }
  const reference = [...pairCount].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]![0];
  const result = new Map<string, ClockSkew>([
    [reference, { node: reference, offsetS: 0, pairs: 0, reference }],
  ]);
  const queue = [reference];
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const edge of edges.get(from) ?? []) {
      if (result.has(edge.to)) continue;
      const raw =
        result.get(from)!.offsetS + (Math.abs(edge.offset) < skewThresholdS ? 0 : edge.offset);
      result.set(edge.to, {
        node: edge.to,
        offsetS: Math.round(raw * 1000) / 1000,
        pairs: edge.pairs,
        reference,
      });
      queue.push(edge.to);
    }
  }
  return [...result.values()].sort((a, b) => a.node.localeCompare(b.node));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The source start on another node nearest in time to a destination start, within the pair
 * window. Sources are in time order, so a binary search finds the neighbourhood.
 */
function nearestSource<T extends { node: string; at: number }>(
  sources: readonly T[],
  destination: T,
): T | null {
  let low = 0;
  let high = sources.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sources[mid]!.at < destination.at) low = mid + 1;
    else high = mid;
  }
  let best: T | null = null;
  let bestDistance = Infinity;
  for (const step of [1, -1]) {
    for (let i = step === 1 ? low : low - 1; i >= 0 && i < sources.length; i += step) {
      const candidate = sources[i]!;
      const distance = Math.abs(destination.at - candidate.at);
      if (distance > pairWindowMs || distance >= bestDistance) break;
      if (candidate.node === destination.node) continue;
      best = candidate;
      bestDistance = distance;
      break;
    }
  }
  return best;
}
