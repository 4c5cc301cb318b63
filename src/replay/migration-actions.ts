import { errorCodeOf } from './record-helpers.js';
import type { ActionName } from './migration-machine.js';
import type { MigrationDraft } from './migration-draft.js';
import type { ReplayRecord } from './replay-record.js';
import { nodeKey } from '../model/node-name.js';

type Action = (draft: MigrationDraft, record: ReplayRecord, at: number) => void;

const setStart = (draft: MigrationDraft, at: number) => {
  if (draft.startedAt === null || at < draft.startedAt) draft.startedAt = at;
};

const fieldNode = (value: string | undefined): string | null => (value ? nodeKey(value) : null);

/** Source and destination named in a record's fields fill what is not known yet. */
const takeNodesFromFields = (draft: MigrationDraft, record: ReplayRecord) => {
  draft.sourceNode ??= fieldNode(record.fields.sourceNode);
  draft.destinationNode ??= fieldNode(record.fields.destinationNode);
};

/** What each named action of the machine does to the attempt. */
export const migrationActions: Record<ActionName, Action> = {
  open: () => {},
  step: () => {},
  sideHint: (draft, record) => {
    draft.sideHint ??= record.side;
  },
  request: (draft, record, at) => {
    draft.requestedAt ??= at;
    takeNodesFromFields(draft, record);
    if (!record.fields.sourceNode) draft.sourceNode ??= record.node;
  },
  startSource: (draft, record, at) => {
    draft.live = true;
    draft.sourceNode = record.node;
    draft.sourceStartedAt = at;
    takeNodesFromFields(draft, record);
    setStart(draft, at);
  },
  startDestination: (draft, record, at) => {
    draft.live = true;
    draft.destinationNode = record.node;
    draft.destinationStartedAt = at;
    setStart(draft, at);
  },
  phase: (draft) => {
    draft.live = true;
  },
  completeSource: (draft, record, at) => {
    draft.live = true;
    draft.sourceNode ??= record.node;
    draft.succeeded = true;
    draft.endedAt = Math.max(draft.endedAt ?? at, at);
    const seconds = Number(record.fields.seconds);
    if (record.fields.seconds && Number.isFinite(seconds)) draft.reportedDurationS = seconds;
  },
  completeDestination: (draft, record, at) => {
    draft.live = true;
    draft.destinationNode ??= record.node;
    draft.succeeded = true;
    draft.endedAt = Math.max(draft.endedAt ?? at, at);
  },
  blackout: (draft, record, at) => {
    draft.live = true;
    draft.sourceNode ??= record.node;
    draft.succeeded = true;
    draft.endedAt = Math.max(draft.endedAt ?? at, at);
    const seconds = Number(record.fields.seconds);
    if (record.fields.seconds && Number.isFinite(seconds)) draft.blackoutS = seconds;
  },
  fail: (draft, record, at) => {
    if (record.category === 'migration') draft.live = true;
    takeNodesFromFields(draft, record);
    if (!draft.failed) draft.endedAt = at;
    draft.failed = true;
    draft.failureSide ??= record.side ?? draft.sideHint ?? sideOfNode(draft, record.node);
    draft.errorCode ??= errorCodeOf(record);
    if (draft.errorText === null && (record.fields.errorText || record.text))
      draft.errorText = record.fields.errorText ?? record.text;
  },
  restoreFailed: (draft, record, at) => {
    migrationActions.fail(draft, record, at);
  },
  moveLine: (draft, record, at) => {
    takeNodesFromFields(draft, record);
    draft.moveType ??= record.fields.moveType ?? null;
    setStart(draft, at);
  },
  failover: (draft, record, at) => {
    draft.kind = 'failover';
    takeNodesFromFields(draft, record);
    setStart(draft, at);
  },
  quickOffline: (draft, record, at) => {
    if (!draft.live) draft.kind ??= 'quick';
    draft.sourceNode ??= record.node;
    setStart(draft, at);
  },
  quickOnline: (draft, record, at) => {
    if (draft.sourceNode !== null && record.node !== draft.sourceNode)
      draft.destinationNode ??= record.node;
    if (!draft.live && draft.destinationNode === record.node) {
      draft.succeeded = true;
      draft.endedAt = Math.max(draft.endedAt ?? at, at);
    }
  },
  groupOnline: (draft, record, at) => {
    migrationActions.quickOnline(draft, record, at);
  },
};

/**
 * A failure logged by the destination happened there. One logged by the source says nothing
 * by itself: the source also reports the destination's failures.
 */
function sideOfNode(draft: MigrationDraft, node: string) {
  return draft.destinationNode === node && draft.sourceNode !== node
    ? ('destination' as const)
    : null;
}
