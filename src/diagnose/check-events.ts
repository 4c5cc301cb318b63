/**
 * The events the checks read, as catalogue event groups (catalog/event-groups.ts: by role,
 * never by id). Each check declares what it reads besides its migration's own steps; the
 * diagnosis input is chosen from these declarations for the checks a flowchart asks. Pure.
 */
import {
  backupEvents,
  clusterServiceHaltEvents,
  clusterServiceStateEvents,
  csvDownEvents,
  csvRedirectedEvents,
  csvResumedEvents,
  networkTroubleEvents,
  nodeDownEvents,
  rhsEvents,
} from '../catalog/event-groups.js';
import type { EventSelector } from '../catalog/select.js';
import type { Flowchart } from './flowchart.js';

/**
 * What a check reads from the case besides its migration's steps: `around` the attempt (an
 * hour before to a minute after), or from the whole case (`caseWide`: CSV episodes that began
 * long before).
 */
export interface CheckNeeds {
  around?: readonly EventSelector[];
  caseWide?: readonly EventSelector[];
}

/** Check name → what it reads; checks that read only their steps or the configuration are absent. */
export const checkNeeds: Readonly<Record<string, CheckNeeds>> = {
  'node-lost': { around: [nodeDownEvents, clusterServiceHaltEvents] },
  'recent-restart': { around: [clusterServiceStateEvents, rhsEvents] },
  'migration-network-down': { around: [networkTroubleEvents] },
  'csv-unavailable': { caseWide: [csvDownEvents, csvResumedEvents] },
  'csv-redirected': { caseWide: [csvRedirectedEvents, csvResumedEvents] },
  'backup-during': { around: [backupEvents] },
  'rhs-failure': { around: [rhsEvents] },
};

/** What the cluster-wide advisories read from the whole case (CSV left redirected). */
export const advisoryNeeds: CheckNeeds = { caseWide: [csvRedirectedEvents, csvResumedEvents] };

/** The events a diagnosis reads, by scope. */
export interface DiagnosisNeeds {
  around: EventSelector[];
  caseWide: EventSelector[];
}

/**
 * What diagnosing with a flowchart reads: the needs of the checks its questions name, and the
 * advisories'. Case-wide selectors are not read again around each attempt. Pure.
 */
export function diagnosisNeeds(flowchart: Flowchart): DiagnosisNeeds {
  const needs = [advisoryNeeds];
  for (const node of Object.values(flowchart.nodes))
    if (node.kind === 'question' && checkNeeds[node.check]) needs.push(checkNeeds[node.check]!);
  const caseWide = [...new Set(needs.flatMap((n) => n.caseWide ?? []))];
  const around = [...new Set(needs.flatMap((n) => n.around ?? []))].filter(
    (s) => !caseWide.includes(s),
  );
  return { around, caseWide };
}
