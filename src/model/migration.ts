/** Migrations rebuilt by replay (DESIGN §5, §7 vocabulary). Plain data. */

export type MigrationKind = 'live' | 'quick' | 'failover' | 'move';
export type MigrationOutcome = 'succeeded' | 'failed' | 'cancelled' | 'unknown';
export type MigrationSide = 'source' | 'destination';

/** Where a piece of evidence lives in the store. */
export type EvidenceTable = 'events' | 'cluster_log';

/** One record that moved a migration along, in time order. */
export interface MigrationStep {
  time: string;
  node: string;
  /** The record's role (`lm-start-source`, `group-move-requested`, …). */
  phase: string;
  evidenceTable: EvidenceTable;
  evidenceId: number;
  /** One line for people: event id or component, and text. */
  summary: string;
}

/** Facts the troubleshooting flowchart asks about, computed once per migration. */
export interface MigrationFacts {
  /** Other migrations (by number) overlapping in time that share the source or destination. */
  overlapping: { migration: number; vm: string; sharedNode: string }[];
  /** Seconds from the end of this VM's previous migration to this one's start. */
  secondsSincePreviousMigration: number | null;
  /** Seconds since the cluster service started on each side (null: no start seen in the logs). */
  secondsSinceServiceStart: { source: number | null; destination: number | null };
  /** Seconds since an RHS restart, or the VM's resource moved to a new RHS process, per side. */
  secondsSinceRhsRestart: { source: number | null; destination: number | null };
  /** Cluster networks reported down (and not back up) around the attempt. */
  networksDown: string[];
  /** Interfaces (node: interface) reported failed or unreachable around the attempt. */
  interfacesDown: string[];
  /** CSV pauses, redirections or losses reported around the attempt. */
  csvProblems: string[];
  /** Backup (VSS) activity around the attempt. */
  backupActivity: string[];
  /** Nodes of this migration that left the cluster during the attempt. */
  nodesDown: string[];
  durationS: number | null;
  blackoutS: number | null;
}

/** The columns of the `migrations` row: what every view of a migration (JSON, report) starts with. */
export interface MigrationHeader {
  /** 1-based number in time order; stable for the same input. */
  id: number;
  vm: string;
  vmId: string | null;
  kind: MigrationKind;
  sourceNode: string | null;
  destinationNode: string | null;
  requestedAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationS: number | null;
  blackoutS: number | null;
  outcome: MigrationOutcome;
  failureSide: MigrationSide | null;
  errorCode: string | null;
  errorText: string | null;
}

export interface Migration extends MigrationHeader {
  /** What the logs could not tell, e.g. `no records from the destination node HV02`. */
  gaps: string[];
  steps: MigrationStep[];
  facts: MigrationFacts;
}

/** The header fields of a migration (or of anything that carries them), in contract order. Pure. */
export function migrationHeader(m: MigrationHeader): MigrationHeader {
  return {
    id: m.id,
    vm: m.vm,
    vmId: m.vmId,
    kind: m.kind,
    sourceNode: m.sourceNode,
    destinationNode: m.destinationNode,
    requestedAt: m.requestedAt,
    startedAt: m.startedAt,
    endedAt: m.endedAt,
    durationS: m.durationS,
    blackoutS: m.blackoutS,
    outcome: m.outcome,
    failureSide: m.failureSide,
    errorCode: m.errorCode,
    errorText: m.errorText,
  };
}

/** A node's clock offset against the reference node, as estimated from paired records. */
export interface ClockSkew {
  node: string;
  /** Seconds the node's clock runs ahead of the reference (negative: behind). */
  offsetS: number;
  /** Pairings the estimate rests on (0 for the reference itself). */
  pairs: number;
  reference: string;
  /**
   * How far (s) the true offset may be from `offsetS`. An offset smaller than this is not
   * told apart from zero, but is still applied (it is the best estimate there is).
   */
  uncertaintyS: number;
  /** What the estimate rests on: `migration-start×3, shared-sighting×2`, or `reference`. */
  basis: string;
}

/** Whether an estimated offset is larger than its uncertainty (told apart from zero). Pure. */
export function offsetIsMeasurable(skew: ClockSkew): boolean {
  return Math.abs(skew.offsetS) > skew.uncertaintyS;
}
