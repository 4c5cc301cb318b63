import type { RecordRole } from '../catalog/types.js';

/** Where an open migration attempt stands. `idle` means no attempt is open for the VM. */
export type Phase = 'idle' | 'requested' | 'started' | 'transferring' | 'ended';

/** Named effects a transition has on the attempt; implemented in migration-actions.ts. */
export type ActionName =
  | 'open'
  | 'request'
  | 'startSource'
  | 'startDestination'
  | 'phase'
  | 'completeSource'
  | 'completeDestination'
  | 'blackout'
  | 'fail'
  | 'restoreFailed'
  | 'moveLine'
  | 'failover'
  | 'quickOffline'
  | 'quickOnline'
  | 'groupOnline'
  | 'sideHint'
  | 'step';

export interface Transition {
  to: Phase;
  actions: readonly ActionName[];
}

type Table = Record<Phase, Partial<Record<RecordRole, Transition>>>;

const t = (to: Phase, ...actions: ActionName[]): Transition => ({ to, actions });

/** Roles that belong to an attempt however far it has got (details, the other side's view). */
const attachAnywhere: Partial<Record<RecordRole, Transition>> = {
  'lm-phase-start': t('transferring', 'phase'),
  'lm-phase-end': t('transferring', 'phase'),
  'lm-complete-source': t('ended', 'completeSource'),
  'lm-complete-destination': t('ended', 'completeDestination'),
  'lm-complete-blackout': t('ended', 'blackout'),
  'lm-failed': t('ended', 'fail'),
  'lm-restore-failed': t('ended', 'restoreFailed'),
  'group-move-failed': t('ended', 'fail'),
  'group-failed': t('ended', 'fail'),
  'resource-failed': t('ended', 'fail'),
  'vm-register-failed': t('ended', 'fail'),
  'group-move-completed': t('transferring', 'moveLine'),
  'vm-config-online': t('transferring', 'quickOnline'),
  'vm-restore': t('transferring', 'quickOnline'),
  'vm-started': t('transferring', 'groupOnline'),
  'group-online': t('transferring', 'groupOnline'),
  'group-offline': t('transferring', 'quickOffline'),
  'vm-config-offline': t('transferring', 'quickOffline'),
  'vm-save': t('transferring', 'quickOffline'),
  'failover-attempt': t('transferring', 'failover'),
  'group-moving': t('transferring', 'moveLine'),
  'switch-problem': t('transferring', 'sideHint'),
};

/**
 * The migration state machine as data: phase × record role → next phase and effects. A role
 * missing from a phase is ignored for migrations (it still counts as context for the facts).
 * `open` first closes whatever attempt was open. Timeouts live in replay-migrations.ts.
 */
export const migrationMachine: Table = {
  idle: {
    'group-move-requested': t('requested', 'open', 'request'),
    'group-moving': t('requested', 'open', 'request', 'moveLine'),
    'lm-start-source': t('started', 'open', 'startSource'),
    'lm-start-destination': t('started', 'open', 'startDestination'),
    'lm-phase-start': t('transferring', 'open', 'phase'),
    'lm-complete-source': t('ended', 'open', 'completeSource'),
    'lm-complete-destination': t('ended', 'open', 'completeDestination'),
    'lm-complete-blackout': t('ended', 'open', 'blackout'),
    'lm-failed': t('ended', 'open', 'fail'),
    'group-move-completed': t('transferring', 'open', 'moveLine'),
    'group-move-failed': t('ended', 'open', 'fail'),
    'failover-attempt': t('transferring', 'open', 'failover'),
    'vm-config-offline': t('transferring', 'open', 'quickOffline'),
    'vm-save': t('transferring', 'open', 'quickOffline'),
  },
  requested: {
    ...attachAnywhere,
    'group-move-requested': t('requested', 'request'),
    'lm-start-source': t('started', 'startSource'),
    'lm-start-destination': t('started', 'startDestination'),
  },
  started: {
    ...attachAnywhere,
    'group-move-requested': t('started', 'request'),
    'lm-start-source': t('started', 'startSource'),
    'lm-start-destination': t('started', 'startDestination'),
  },
  transferring: {
    ...attachAnywhere,
    'group-move-requested': t('transferring', 'request'),
    'lm-start-source': t('started', 'startSource'),
    'lm-start-destination': t('started', 'startDestination'),
  },
  ended: {
    ...attachAnywhere,
    'lm-phase-start': t('ended', 'phase'),
    'lm-phase-end': t('ended', 'phase'),
    'group-move-completed': t('ended', 'moveLine'),
    'vm-config-online': t('ended', 'quickOnline'),
    'vm-restore': t('ended', 'quickOnline'),
    'vm-started': t('ended', 'groupOnline'),
    'group-online': t('ended', 'groupOnline'),
    'group-offline': t('ended', 'step'),
    'switch-problem': t('ended', 'sideHint'),
    'group-move-requested': t('requested', 'open', 'request'),
    // "move of group … is about to succeed" comes near the end of the move it belongs to.
    'group-moving': t('ended', 'moveLine'),
    'lm-start-source': t('started', 'open', 'startSource'),
    'lm-start-destination': t('started', 'open', 'startDestination'),
    'failover-attempt': t('transferring', 'open', 'failover'),
    'vm-config-offline': t('transferring', 'open', 'quickOffline'),
    'vm-save': t('transferring', 'open', 'quickOffline'),
  },
};

/**
 * How long an attempt in each phase waits for its next record before it is closed (seconds).
 * A migration's own records keep it alive; an attempt that hears nothing for this long ends
 * with what is known.
 */
export const quietSecondsByPhase: Record<Exclude<Phase, 'idle'>, number> = {
  requested: 300,
  started: 2 * 3600,
  transferring: 2 * 3600,
  ended: 120,
};

/** Roles some phase of the machine acts on; records of other roles never change an attempt. */
export const foldedRoles: ReadonlySet<RecordRole> = new Set(
  Object.values(migrationMachine).flatMap((table) => Object.keys(table) as RecordRole[]),
);
