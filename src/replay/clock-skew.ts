import type { ClockSkew } from '../model/migration.js';
export type { ClockSkew } from '../model/migration.js';
import { vmMention, VmIdentities } from './identity.js';
import { placeOnClock } from './replay-migrations.js';
import type { ReplayRecord } from './replay-record.js';

/**
 * Below this, a difference between a destination's start and its source's start is just how
 * long the source took to reach the destination, not a clock difference.
 */
export const skewThresholdS = 2;

/** How far apart (ms) a destination start may be from its source start to be paired. */
const pairWindowMs = 10 * 60_000;

/**
 * Estimates per-node clock offsets from live migrations whose start was logged on both sides:
 * the destination logs its start within moments of the source, so the median difference per
 * node pair is the clock difference. Each destination start is paired with the nearest source
 * start of the same VM on another node. Nodes are chained from the node with most pairs. Pure.
 */
export function estimateClockSkew(records: readonly ReplayRecord[]): ClockSkew[] {
  const identities = new VmIdentities();
  const starts: { key: string; node: string; at: number; source: boolean }[] = [];
  const timed = placeOnClock(records, {});
  const mentions = timed.map(({ record }) => vmMention(record));
  for (const mention of mentions) if (mention) identities.add(mention);
  timed.forEach(({ record, node, at }, i) => {
    const mention = mentions[i];
    if (!mention || (record.role !== 'lm-start-source' && record.role !== 'lm-start-destination'))
      return;
    starts.push({
      key: identities.keyOf(mention),
      node,
      at,
      source: record.role === 'lm-start-source',
    });
  });
  const deltas = new Map<string, number[]>();
  const sourcesByVm = new Map<string, typeof starts>();
  for (const start of starts) {
    if (!start.source) continue;
    const list = sourcesByVm.get(start.key);
    if (list) list.push(start);
    else sourcesByVm.set(start.key, [start]);
  }
  for (const destination of starts.filter((s) => !s.source)) {
    let best: (typeof starts)[number] | null = null;
    for (const source of sourcesByVm.get(destination.key) ?? []) {
      if (source.node === destination.node) continue;
      const distance = Math.abs(destination.at - source.at);
      if (
        distance <= pairWindowMs &&
        (best === null || distance < Math.abs(destination.at - best.at))
      )
        best = source;
    }
    if (!best) continue;
    const key = `${best.node}\u0000${destination.node}`;
    deltas.set(key, [...(deltas.get(key) ?? []), (destination.at - best.at) / 1000]);
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
