import { clusterLogAnchorLines, eventAnchorOf } from '../../catalog/clock-anchors.js';

/**
 * Infers the time basis of a cluster log that does not state it (2008 R2 – 2012 R2, or
 * `--cluster-log-time local` without a header offset) by pairing its lines with event-log
 * events of the same node that record the same happening: a group move (`move of group G`,
 * `MoveGroup: (G, n)`) against cluster and Hyper-V events naming G, and the cluster service
 * stopping against its stop event (which events: catalog/clock-anchors.ts). Event logs
 * carry true UTC, so each pair votes for an offset; offsets are whole quarter hours.
 */

/** A cluster log line that can be paired: its key and its timestamp as written. */
export interface LineAnchor {
  key: string;
  /** Milliseconds of the written timestamp read as if it were UTC. */
  naiveMs: number;
}

/** An event that can be paired: its key and its UTC time. */
export interface EventAnchor {
  key: string;
  utcMs: number;
}

export interface OffsetInference {
  /** Local minus UTC, in minutes (ISO sign); 0 means the log is in UTC. */
  offsetMinutes: number;
  /** Pairs that agree on this offset. */
  votes: number;
  /** Pairs that agree on any quarter-hour offset. */
  pairs: number;
  confidence: 'high' | 'medium' | 'low';
}

const quarterHourMs = 15 * 60_000;
const maxOffsetMs = 14 * 3_600_000;
/** How far apart the line and the event of one happening may be logged. */
const toleranceMs = 120_000;
const maxPerKey = 200;

/** Pairing keys a cluster log line offers (lower case; catalog/clock-anchors.ts). Pure. */
export function lineAnchorKeys(component: string | null, message: string): string[] {
  for (const anchor of clusterLogAnchorLines) {
    if (anchor.component !== component) continue;
    const match = anchor.pattern.exec(message);
    if (match === null) continue;
    return anchor.key === 'service-stop'
      ? ['service-stop']
      : [`group:${(match.groups?.group ?? '').toLowerCase()}`];
  }
  return [];
}

/**
 * Pairing keys an event offers (lower case): the group names its values carry when the
 * catalogue says the event names a group, `service-stop` for the cluster service stopping. By
 * provider and id (clock-anchors.ts). Pure.
 */
export function eventAnchorKeys(
  provider: string,
  eventId: number,
  data: Record<string, string>,
): string[] {
  const anchor = eventAnchorOf(provider, eventId, data);
  if (anchor === 'service-stop') return ['service-stop'];
  if (anchor === null) return [];
  return Object.values(data)
    .map((v) => v.trim())
    .filter((v) => v.length > 0 && v.length < 256)
    .map((v) => `group:${v.replace(/^Virtual Machine /i, '').toLowerCase()}`);
}

/**
 * The offset most pairs agree on, or null when nothing pairs. Pure. Confidence is high with
 * 5+ agreeing pairs and 80 % agreement, medium with 2+ pairs and 60 %, low otherwise.
 */
export function inferTimeOffset(
  lines: LineAnchor[],
  events: EventAnchor[],
): OffsetInference | null {
  const eventsByKey = new Map<string, number[]>();
  for (const event of events) {
    const list = eventsByKey.get(event.key) ?? [];
    if (list.length < maxPerKey) list.push(event.utcMs);
    eventsByKey.set(event.key, list);
  }
  const linesPerKey = new Map<string, number>();
  const votes = new Map<number, number>();
  let pairs = 0;
  for (const line of lines) {
    const eventTimes = eventsByKey.get(line.key);
    if (eventTimes === undefined) continue;
    const seen = linesPerKey.get(line.key) ?? 0;
    if (seen >= maxPerKey) continue;
    linesPerKey.set(line.key, seen + 1);
    // One vote per line: the nearest quarter-hour offset among its events.
    const candidates = new Set<number>();
    for (const utcMs of eventTimes) {
      const diff = line.naiveMs - utcMs;
      if (Math.abs(diff) > maxOffsetMs + toleranceMs) continue;
      const quarters = Math.round(diff / quarterHourMs);
      if (Math.abs(diff - quarters * quarterHourMs) <= toleranceMs) candidates.add(quarters * 15);
    }
    for (const offset of candidates) {
      votes.set(offset, (votes.get(offset) ?? 0) + 1);
      pairs++;
    }
  }
  let best: number | null = null;
  let bestVotes = 0;
  for (const [offset, count] of votes) {
    if (
      count > bestVotes ||
      (count === bestVotes && best !== null && Math.abs(offset) < Math.abs(best))
    ) {
      best = offset;
      bestVotes = count;
    }
  }
  if (best === null) return null;
  const share = bestVotes / pairs;
  const confidence =
    bestVotes >= 5 && share >= 0.8 ? 'high' : bestVotes >= 2 && share >= 0.6 ? 'medium' : 'low';
  return { offsetMinutes: best, votes: bestVotes, pairs, confidence };
}

/** `-420` → `UTC-07:00`. Pure. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
