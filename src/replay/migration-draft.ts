import type { Phase } from './migration-machine.js';
import type {
  MigrationKind,
  MigrationOutcome,
  MigrationSide,
  MigrationStep,
} from '../model/migration.js';

/** A migration attempt being rebuilt: everything replay has learnt so far. Mutable, internal. */
export interface MigrationDraft {
  vmKey: string;
  /** Order the attempt was opened in (ties of start and VM keep it). */
  seq: number;
  phase: Exclude<Phase, 'idle'>;
  kind: MigrationKind | null;
  live: boolean;
  sourceNode: string | null;
  destinationNode: string | null;
  requestedAt: number | null;
  startedAt: number | null;
  sourceStartedAt: number | null;
  destinationStartedAt: number | null;
  endedAt: number | null;
  lastAt: number;
  succeeded: boolean;
  failed: boolean;
  cancelled: boolean;
  failureSide: MigrationSide | null;
  /** Side a record without failure of its own pointed at (a switch port problem). */
  sideHint: MigrationSide | null;
  errorCode: string | null;
  errorText: string | null;
  blackoutS: number | null;
  reportedDurationS: number | null;
  moveType: string | null;
  steps: MigrationStep[];
  /** The common-clock time of each step, in step order. */
  stepAts: number[];
  /** Nodes that logged at least one record of this attempt. */
  nodesSeen: Set<string>;
}

export function newDraft(vmKey: string, at: number, seq: number): MigrationDraft {
  return {
    vmKey,
    seq,
    phase: 'requested',
    kind: null,
    live: false,
    sourceNode: null,
    destinationNode: null,
    requestedAt: null,
    startedAt: null,
    sourceStartedAt: null,
    destinationStartedAt: null,
    endedAt: null,
    lastAt: at,
    succeeded: false,
    failed: false,
    cancelled: false,
    failureSide: null,
    sideHint: null,
    errorCode: null,
    errorText: null,
    blackoutS: null,
    reportedDurationS: null,
    moveType: null,
    steps: [],
    stepAts: [],
    nodesSeen: new Set(),
  };
}

/** The outcome the draft's records support. */
export function draftOutcome(draft: MigrationDraft): MigrationOutcome {
  if (draft.failed) return 'failed';
  if (draft.cancelled) return 'cancelled';
  if (draft.succeeded) return 'succeeded';
  return 'unknown';
}

/** Kind from what was seen: live-migration records win, then failover, then quick, else move. */
export function draftKind(draft: MigrationDraft): MigrationKind {
  if (draft.live) return 'live';
  if (draft.kind) return draft.kind;
  if (draft.moveType && /NodeDown|Failover/i.test(draft.moveType)) return 'failover';
  return 'move';
}
