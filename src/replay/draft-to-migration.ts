import type { Migration } from '../model/migration.js';
import { millisToIso } from '../model/time.js';
import type { VmIdentities } from './identity.js';
import { draftKind, draftOutcome, type MigrationDraft } from './migration-draft.js';
import { emptyFacts } from './migration-facts.js';

/**
 * A closed attempt as a migration numbered `id`, with empty facts except its duration and
 * blackout (the rest come from computeFacts). Pure.
 */
export function toMigration(
  id: number,
  draft: MigrationDraft,
  identities: VmIdentities,
  nodesWithLogs: ReadonlySet<string>,
): Migration {
  // Every time an attempt holds is one of its steps' times: take the exact text from there.
  const iso = (at: number) => draft.steps[draft.stepAts.indexOf(at)]?.time ?? millisToIso(at);
  const { vm, vmId } = identities.describe(draft.vmKey);
  const outcome = draftOutcome(draft);
  const startedAt = draft.startedAt ?? draft.requestedAt;
  const endedAt = outcome === 'unknown' ? null : draft.endedAt;
  const durationS =
    startedAt !== null && endedAt !== null
      ? round((endedAt - startedAt) / 1000)
      : draft.reportedDurationS;
  const kind = draftKind(draft);
  const migration: Migration = {
    id,
    vm,
    vmId,
    kind,
    sourceNode: draft.sourceNode,
    destinationNode: draft.destinationNode,
    requestedAt: draft.requestedAt === null ? null : iso(draft.requestedAt),
    startedAt: startedAt === null ? null : iso(startedAt),
    endedAt: endedAt === null ? null : iso(endedAt),
    durationS,
    blackoutS: draft.blackoutS,
    outcome,
    failureSide: outcome === 'failed' ? draft.failureSide : null,
    errorCode: outcome === 'failed' ? draft.errorCode : null,
    errorText: outcome === 'failed' ? draft.errorText : null,
    gaps: gapsOf(draft, outcome, nodesWithLogs),
    steps: draft.steps,
    facts: emptyFacts(),
  };
  migration.facts.durationS = durationS;
  migration.facts.blackoutS = draft.blackoutS;
  return migration;
}

function gapsOf(
  draft: MigrationDraft,
  outcome: string,
  nodesWithLogs: ReadonlySet<string>,
): string[] {
  const gaps: string[] = [];
  for (const [side, node] of [
    ['source', draft.sourceNode],
    ['destination', draft.destinationNode],
  ] as const) {
    if (node === null) gaps.push(`the ${side} node is not known from the logs`);
    else if (!nodesWithLogs.has(node)) gaps.push(`no logs from the ${side} node ${node}`);
    else if (!draft.nodesSeen.has(node))
      gaps.push(`the ${side} node ${node}'s logs have no record of this migration`);
  }
  if (outcome === 'unknown') gaps.push('the end of the migration is not in the logs');
  return gaps;
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
