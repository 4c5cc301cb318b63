/**
 * Checks on the cluster around the attempt: node loss, RHS, restarts, networks, CSV and
 * backups (events.md §3.3 steps 5, 6, 9, 10; guide.md written checks 3-4). Pure.
 */
import { eventMatches, idsText, type EventSelector } from '../catalog/select.js';
import { isoToMillis } from '../model/time.js';
import type { StateInterval } from '../model/state-interval.js';
import type { CaseEvent, ConfigRecord } from './case-input.js';
import {
  backupEvents,
  clusterServiceHaltEvents,
  clusterServiceStateEvents,
  csvDownEvents,
  csvRedirectedEvents,
  csvResumedEvents,
  longBlackoutEvents,
  networkDownEvents,
  networkTroubleEvents,
  nodeDownEvents,
  rhsEvents,
} from '../catalog/event-groups.js';
import { missingNodeLogs } from './collect-commands.js';
import { eventsMatchingBetween } from './event-index.js';
import { sinceText, stateEvidence, statesDuring, untilText } from './states-at.js';
import {
  attemptWindow,
  failureEvidence,
  configEvidence,
  eventEvidence,
  eventField,
  eventsBetween,
  hasLogsFrom,
  no,
  ownEvents,
  stepEvidence,
  unknown,
  yes,
  type Check,
  type CheckContext,
} from './check-helpers.js';

/** The guide: the migration network needs up to 30 s after a cluster service or RHS restart. */
export const networkReadySeconds = 30;
/** Blackout (s) above which a successful migration counts as slow (20417 says so itself). */
export const slowBlackoutSeconds = 5;
/** How far after the attempt's last record a node loss is still counted (crash then 1135). */
const nodeLossSlackInMs = 60_000;

function mentions(event: CaseEvent, word: string): boolean {
  const w = word.toLowerCase();
  return (
    Object.values(event.data).some((v) => v.toLowerCase() === w) ||
    (event.message ?? '').toLowerCase().includes(`'${w}'`)
  );
}

export const nodeLost: Check = (c) => {
  const m = c.migration;
  const down = m.facts.nodesDown;
  if (down.length === 0) return no('neither node left the cluster during the attempt');
  const window = attemptWindow(m);
  const events = window
    ? eventsBetween(
        c.input,
        [nodeDownEvents, clusterServiceHaltEvents],
        window[0],
        window[1] + nodeLossSlackInMs,
      )
    : [];
  const evidence = events
    .filter((e) => down.some((n) => mentions(e, n)) || eventMatches(e, clusterServiceHaltEvents))
    .map((e) => eventEvidence(e, `node ${down.join(', ')} removed from membership`));
  return yes(`${down.join(', ')} left the cluster during the attempt`, evidence);
};

/** The restart record behind a `secondsSince…` fact: the cluster service's state, RHS events. */
function restartEvidence(c: CheckContext, node: string, seconds: number, events: EventSelector) {
  const window = attemptWindow(c.migration);
  if (!window) return [];
  const at = window[0] - seconds * 1000;
  return eventsBetween(c.input, events, at - 60_000, window[0], [node]).map((e) =>
    eventEvidence(e, (e.message ?? '').slice(0, 80)),
  );
}

export const recentRestart: Check = (c) => {
  const m = c.migration;
  const f = m.facts;
  const candidates: {
    node: string | null;
    seconds: number | null;
    what: string;
    events: EventSelector;
  }[] = [
    {
      node: m.sourceNode,
      seconds: f.secondsSinceServiceStart.source,
      what: 'the cluster service started',
      events: clusterServiceStateEvents,
    },
    {
      node: m.destinationNode,
      seconds: f.secondsSinceServiceStart.destination,
      what: 'the cluster service started',
      events: clusterServiceStateEvents,
    },
    {
      node: m.sourceNode,
      seconds: f.secondsSinceRhsRestart.source,
      what: 'the VM moved to a new RHS process',
      events: rhsEvents,
    },
    {
      node: m.destinationNode,
      seconds: f.secondsSinceRhsRestart.destination,
      what: 'the VM moved to a new RHS process',
      events: rhsEvents,
    },
  ];
  const hit = candidates.find(
    (x) =>
      x.node !== null && x.seconds !== null && x.seconds >= 0 && x.seconds <= networkReadySeconds,
  );
  if (hit && hit.node !== null && hit.seconds !== null) {
    const evidence = [
      ...restartEvidence(c, hit.node, hit.seconds, hit.events),
      ...m.steps
        .filter((s) => s.phase === 'lm-failed')
        .slice(0, 1)
        .map(stepEvidence),
    ];
    return yes(
      `started ${hit.seconds} s after ${hit.what} on ${hit.node} (the network needs up to ${networkReadySeconds} s)`,
      evidence,
    );
  }
  if (!hasLogsFrom(c.input, m.sourceNode))
    return unknown(
      `no logs from the source ${m.sourceNode ?? '?'} to see a restart`,
      missingNodeLogs(m.sourceNode ?? '<source node>'),
    );
  return no(`no cluster service or RHS restart within ${networkReadySeconds} s before the attempt`);
};

/** An IPv4 address as a number, or null. */
function ipv4(text: string): number | null {
  const m = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})/.exec(text);
  if (!m) return null;
  const parts = m.slice(1, 5).map(Number);
  return parts.some((p) => p > 255) ? null : parts.reduce((a, p) => a * 256 + p, 0);
}

/** The captured cluster network whose subnet holds the address in `text`, if any. */
function networkOfAddress(networks: readonly ConfigRecord[], text: string): ConfigRecord | null {
  const address = ipv4(text);
  if (address === null) return null;
  return (
    networks.find((n) => {
      const base = ipv4(String(n.values.address ?? ''));
      const mask = ipv4(String(n.values.address_mask ?? ''));
      if (base === null || mask === null) return false;
      // The mask is contiguous: the address and the base share its leading bits.
      const size = 2 ** 32 - mask;
      return Math.floor(address / size) === Math.floor(base / size);
    }) ?? null
  );
}

/**
 * Routes or interfaces of the attempt's nodes that were unreachable or failed at some moment
 * of the attempt, by the cluster network their address belongs to (state intervals; the
 * cluster log's route lines name addresses, not networks).
 */
function interfacesDownDuring(c: CheckContext): Map<string, StateInterval[]> {
  const window = attemptWindow(c.migration);
  const byNetwork = new Map<string, StateInterval[]>();
  if (!window) return byNetwork;
  const nodes = [c.migration.sourceNode, c.migration.destinationNode];
  for (const s of statesDuring(c.input, 'interface', ['unreachable', 'failed'], window, nodes)) {
    const network = networkOfAddress(c.input.config.cluster_networks, s.subject);
    const name = network ? String(network.values.name ?? '') : '';
    if (name === '') continue;
    byNetwork.set(name, [...(byNetwork.get(name) ?? []), s]);
  }
  return byNetwork;
}

export const migrationNetworkDown: Check = (c) => {
  const down = c.migration.facts.networksDown;
  const networks = c.input.config.cluster_networks;
  if (down.length === 0) {
    const routes = interfacesDownDuring(c);
    if (routes.size > 0) {
      const held = [...routes];
      return yes(
        `the routes of cluster network ${held
          .map(
            ([name, list]) =>
              `${name} were down during the attempt (${list.map((s) => `${s.subject} ${sinceText(s)}, ${untilText(s)}`).join('; ')})`,
          )
          .join('; ')}`,
        held.flatMap(([name, list]) =>
          list.flatMap((s) => stateEvidence(s, `${name} route ${s.subject} ${s.state}`)),
        ),
      );
    }
    const downInCapture = networks.filter(
      (n) => String(n.values.state ?? '').toLowerCase() === 'down',
    );
    if (downInCapture.length === 0) return no('no cluster network went down around the attempt');
    return no(
      `the logs show no network down at the attempt (the capture, taken later, shows ${downInCapture.map((n) => n.values.name).join(', ')} down)`,
    );
  }
  const window = attemptWindow(c.migration);
  const events = window
    ? eventsBetween(c.input, networkTroubleEvents, window[0] - 3_600_000, window[1])
    : [];
  const downEvents = events.filter((e) => eventMatches(e, networkDownEvents));
  const named = downEvents.filter((e) =>
    down.some((n) => Object.values(e.data).some((v) => v.toLowerCase() === n.toLowerCase())),
  );
  const evidence = [
    ...(named.length > 0 ? named : downEvents)
      .slice(-3)
      .map((e) => eventEvidence(e, `cluster network ${eventField(e, 'network') ?? ''} down`)),
    // A capture taken after the network came back shows it Up: cite only rows that say Down.
    ...networks
      .filter(
        (n) =>
          String(n.values.state ?? '').toLowerCase() === 'down' &&
          down.some((d) => String(n.values.name ?? '').toLowerCase() === d.toLowerCase()),
      )
      .slice(0, 1)
      .map((n) =>
        configEvidence(n, `${String(n.values.name)} state ${String(n.values.state ?? '?')}`),
      ),
  ];
  return yes(`cluster network ${down.join(', ')} was down at the attempt`, evidence);
};

/**
 * CSV episodes on the attempt's nodes: events of a selector up to the attempt's end with no
 * resumption of their volume after them.
 */
function csvEpisodes(c: CheckContext, events: EventSelector, from: number | null): CaseEvent[] {
  const window = attemptWindow(c.migration);
  if (!window) return [];
  const nodes = [c.migration.sourceNode, c.migration.destinationNode];
  const start = from ?? 0;
  const hits = eventsBetween(c.input, events, start, window[1], from === null ? undefined : nodes);
  return hits.filter((h) => {
    const volume = eventField(h, 'volume') ?? '';
    return !eventsMatchingBetween(
      c.input.events,
      csvResumedEvents,
      isoToMillis(h.time),
      window[0],
    ).some(
      (e) =>
        e.time > h.time &&
        e.node === h.node &&
        (volume === '' || Object.values(e.data).includes(volume)),
    );
  });
}

/** The CSV states that make a volume unusable for the attempt, and those that slow it. */
const csvUnavailableStates = ['paused', 'no-access'];
const csvRedirectedStates = ['redirected'];

export const csvUnavailable: Check = (c) => {
  const window = attemptWindow(c.migration);
  if (window && c.input.states !== undefined) {
    const nodes = [c.migration.sourceNode, c.migration.destinationNode];
    const held = statesDuring(c.input, 'csv', csvUnavailableStates, window, nodes);
    return held.length > 0
      ? yes(
          `CSV ${held.map((s) => `${s.subject} ${s.state} on ${s.node} ${sinceText(s)}, ${untilText(s)}`).join('; ')}: unavailable during the attempt`,
          held.flatMap((s) => stateEvidence(s, `CSV ${s.subject} ${s.state}`)),
        )
      : no('no CSV paused or inaccessible on either node at any moment of the attempt');
  }
  const hits = window ? csvEpisodes(c, csvDownEvents, window[0] - 60_000) : [];
  return hits.length > 0
    ? yes(
        `CSV paused or lost on ${[...new Set(hits.map((h) => h.node))].join(', ')} during the attempt`,
        hits.map((e) =>
          eventEvidence(e, `CSV ${eventField(e, 'volume') ?? ''} paused or unreachable`),
        ),
      )
    : no(`no CSV pause or loss (${idsText(csvDownEvents)}) on either node during the attempt`);
};

export const csvRedirected: Check = (c) => {
  const window = attemptWindow(c.migration);
  if (window && c.input.states !== undefined) {
    const held = statesDuring(c.input, 'csv', csvRedirectedStates, window);
    return held.length > 0
      ? yes(
          `CSV ${held[0]!.subject} was in redirected I/O ${sinceText(held[0]!)} (${untilText(held[0]!)})`,
          held.flatMap((s) => stateEvidence(s, `CSV ${s.subject} redirected on ${s.node}`)),
        )
      : no('no CSV in redirected I/O at any moment of the attempt');
  }
  const hits = csvEpisodes(c, csvRedirectedEvents, null);
  return hits.length > 0
    ? yes(
        `CSV ${eventField(hits[0]!, 'volume') ?? ''} was in redirected I/O since ${hits[0]!.time}`,
        hits.map((e) => eventEvidence(e, `CSV ${eventField(e, 'volume') ?? ''} redirected`)),
      )
    : no(
        `no CSV left in redirected I/O (${idsText(csvRedirectedEvents)} without ${idsText(csvResumedEvents)}) before the attempt ended`,
      );
};

export const backupDuring: Check = (c) => {
  const window = attemptWindow(c.migration);
  const events = window ? eventsBetween(c.input, backupEvents, window[0] - 600_000, window[1]) : [];
  const activity = c.migration.facts.backupActivity;
  const running = window ? statesDuring(c.input, 'backup', ['running'], window) : [];
  if (events.length === 0 && activity.length === 0 && running.length === 0)
    return no('no backup activity around the attempt');
  return yes(
    running.length > 0
      ? `a backup was running during the attempt: ${running.map((s) => `${s.subject || 'backup'} on ${s.node} ${sinceText(s)}, ${untilText(s)}`).join('; ')}`
      : activity.length > 0
        ? `backup activity during the attempt: ${activity.join('; ')}`
        : 'VSS/CSV backup events around the attempt',
    [
      ...running.flatMap((s) => stateEvidence(s, 'backup running')),
      ...events.map((e) => eventEvidence(e, 'backup (VSS) on a CSV')),
    ],
  );
};

export const rhsFailure: Check = (c) => {
  const window = attemptWindow(c.migration);
  const nodes = [c.migration.sourceNode, c.migration.destinationNode];
  const events = window ? eventsBetween(c.input, rhsEvents, window[0], window[1], nodes) : [];
  const steps = c.migration.steps.filter(
    (s) => s.phase === 'rhs-died' || s.phase === 'rhs-deadlock',
  );
  if (events.length === 0 && steps.length === 0)
    return no('no RHS crash or deadlock during the attempt');
  return yes('the Resource Hosting Subsystem crashed or deadlocked during the attempt', [
    ...events.map((e) => eventEvidence(e, 'RHS crash or resource deadlock')),
    ...steps.map(stepEvidence),
  ]);
};

export const migrationSlow: Check = (c) => {
  const m = c.migration;
  // VMMS itself calls the blackout unexpectedly long.
  const long = new Set(ownEvents(c, longBlackoutEvents).map((e) => e.id));
  const warned = m.steps.filter((s) => s.evidenceTable === 'events' && long.has(s.evidenceId));
  if (warned.length > 0 || (m.blackoutS !== null && m.blackoutS >= slowBlackoutSeconds))
    return yes(
      `the VM was paused for ${m.blackoutS ?? '?'} s at the switch-over (over ${slowBlackoutSeconds} s)`,
      [
        ...(warned.length > 0
          ? warned
          : m.steps.filter((s) => s.phase === 'lm-complete-blackout')
        ).map(stepEvidence),
      ],
    );
  return no(`blackout ${m.blackoutS ?? '?'} s`);
};

export const destinationLogsPresent: Check = (c) => {
  const node = c.migration.destinationNode;
  if (node === null)
    return unknown('the destination node is not known', missingNodeLogs('<destination node>'));
  return hasLogsFrom(c.input, node)
    ? yes(`logs from the destination ${node} are present`, [])
    : {
        answer: 'no',
        summary: `no logs from the destination ${node}; ${otherSideSays(c)}`,
        evidence: failureEvidence(c.migration),
        missing: missingNodeLogs(node),
      };
};

/** What the side that speaks establishes: failure side, code, the sentence naming the cause. */
function otherSideSays(c: CheckContext): string {
  const m = c.migration;
  const side = m.failureSide ?? c.failure.side;
  const code = m.errorCode;
  const sentence = (m.errorText ?? '').replace(/\s+/g, ' ').trim();
  const parts = [
    side ? `the migration failed at the ${side}` : 'the side that failed is not said',
    code ? `error ${code}` : null,
    sentence ? `"${sentence.length > 200 ? `${sentence.slice(0, 197)}...` : sentence}"` : null,
  ].filter((p): p is string => p !== null);
  return `${m.sourceNode ?? 'the source'}'s own messages say: ${parts.join(', ')}`;
}
