/**
 * The shapes of lmdoctor's Windows knowledge (DESIGN §3 `catalog/`): which events and cluster
 * log lines matter for a migration, what each one means, where its fields are, and what the
 * error codes say. The data lives beside this file; replay and diagnosis only read it.
 */

/** What a record means for the migration state machine and the flowchart. */
export type RecordRole =
  // live migration, per side
  | 'lm-start-source'
  | 'lm-start-destination'
  | 'lm-complete-source'
  | 'lm-complete-destination'
  | 'lm-phase-start'
  | 'lm-phase-end'
  /** VMMS: completed, with blackout time (20415) or an unexpectedly long one (20417). */
  | 'lm-complete-blackout'
  /** A failure whose side is given by the catalog entry or found in its text. */
  | 'lm-failed'
  /** The VM could not be restored on the source after a failed migration (21131). */
  | 'lm-restore-failed'
  /** Live-migration networks configured for the cluster changed (21122). */
  | 'lm-networks-changed'
  // cluster role (group) movement
  | 'group-move-requested'
  | 'group-moving'
  | 'group-move-completed'
  | 'group-move-failed'
  | 'failover-attempt'
  | 'group-online'
  | 'group-offline'
  | 'group-failed'
  | 'resource-failed'
  | 'vm-config-online'
  | 'vm-config-offline'
  | 'vm-started'
  | 'vm-save'
  | 'vm-restore'
  | 'vm-register-failed'
  // infrastructure
  | 'node-down'
  | 'node-up'
  | 'network-down'
  | 'network-up'
  | 'network-partitioned'
  | 'interface-failed'
  | 'interface-unreachable'
  | 'interface-up'
  | 'csv-paused'
  | 'csv-redirected'
  | 'csv-resumed'
  | 'csv-no-access'
  | 'rhs-died'
  | 'rhs-deadlock'
  | 'resource-separate-rhs'
  | 'cluster-service-start'
  | 'cluster-service-stop'
  | 'backup-start'
  | 'backup-end'
  | 'backup-problem'
  | 'switch-problem'
  | 'context';

/** Broad area, for filtering and reports. */
export type RecordCategory =
  | 'migration'
  | 'group'
  | 'network'
  | 'node'
  | 'csv'
  | 'rhs'
  | 'service'
  | 'backup'
  | 'switch'
  | 'resource'
  | 'configuration';

/** What a field of a record holds. */
export type FieldRole =
  | 'vmId'
  | 'vmName'
  | 'resource'
  | 'group'
  | 'node'
  | 'sourceNode'
  | 'destinationNode'
  | 'errorCode'
  | 'errorText'
  | 'seconds'
  | 'network'
  | 'interface'
  | 'volume'
  | 'phase'
  /** A Windows service's display name (Service Control Manager 7036). */
  | 'service'
  /** A virtual switch port's name. */
  | 'switchPort'
  /** A state word written into the message (`running`, `stopped`). */
  | 'state';

/** Which side of a migration a record speaks for. */
export type Side = 'source' | 'destination';

/**
 * One Windows event that matters. Fields are bound by position: `%n` of the template is the
 * n-th value of LogEvent.data in document order (param1…, named Data, or UserData Parameter0…),
 * so binding works whether the export named the fields or not.
 */
export interface CatalogEvent {
  provider: string;
  eventId: number;
  /** Channels it is logged to, in the spelling Windows writes (`…-Admin`); `/Admin` is normalised. */
  channels: string[];
  /** Level as documented (`Error`, `Warning`, …) or null when no source states it. */
  level: string | null;
  symbolicName: string | null;
  category: RecordCategory;
  role: RecordRole;
  /** Side this event is logged on / speaks for, when fixed by the event id. */
  side: Side | null;
  /** Field role → 1-based position (`%n`). */
  fields: Partial<Record<FieldRole, number>>;
  /**
   * Field role → the data element's name, for events whose fields are named but whose order
   * no source gives (Hyper-V-Worker `VmName`, `VmId`); a named value wins over a position.
   */
  fieldNames?: Partial<Record<FieldRole, string>>;
  /** Message template with %1, %2, … (English). */
  template: string;
  /** Windows versions it is known on (`2008 R2`, `2012 R2`, `2016+`, …); empty when unknown. */
  versions: string[];
  /** Source keys of reference/events.md (S1, S4, …). */
  sources: string[];
  verified: boolean;
  /** One line: what it means for a migration. */
  meaning: string;
  /** Flowchart cause id (DESIGN §6) this event points to by itself, if any. */
  cause?: string;
  /** Live-migration phase a phase start/end event marks (`Offline`, `Move`, `Restore`). */
  phase?: string;
  /**
   * Other wordings of the same id (versions, `_WITH_CAUSE`-style variants), each with its own
   * field positions. The rendered message decides which one applies (lookup.ts).
   */
  variants?: CatalogEventVariant[];
  /**
   * Roles decided by the (English) message text, for ids whose meaning differs between sources
   * or depends on a value (1125/1126, 5122, 7036). First match wins; `role` is the fallback.
   */
  textRoles?: { pattern: RegExp; role: RecordRole }[];
  /**
   * Roles decided by field values, for ids whose meaning depends on what they name (7036: which
   * service, in which state). A rule applies when every field it lists has a value its pattern
   * matches; the first rule that applies wins, before `textRoles`; `role` is the fallback.
   */
  fieldRoles?: { when: Partial<Record<FieldRole, RegExp>>; role: RecordRole }[];
}

/** Another wording of a catalogue event id. */
export interface CatalogEventVariant {
  template: string;
  fields: Partial<Record<FieldRole, number>>;
  symbolicName: string | null;
  versions: string[];
}

/** A pattern over cluster log messages (DESIGN §5; cluster-log.md §5). */
export interface ClusterLogPattern {
  id: string;
  category: RecordCategory;
  role: RecordRole;
  /** Component tag the line carries (`RCM`, `NM`, …), when the pattern needs one. */
  component: string | null;
  /**
   * Matched against the message; named groups become fields: group, resource, node,
   * sourceNode, destinationNode, moveType, network, interface, state, errorCode; and the
   * cluster node numbers sourceNodeId, destinationNodeId, nodeId (`HV01(1)`, `downers=(2)`),
   * previousState; resourceType and errorText (the text of a `[RES] <type> <<name>>:` line).
   */
  pattern: RegExp;
  versions: string[];
  sources: string[];
  verified: boolean;
  meaning: string;
}

/** What a Windows error code means and which way it points. */
export interface ErrorCodeEntry {
  /** The code as an unsigned 32-bit value in its most common form (Win32 code or HRESULT). */
  code: number;
  symbolicName: string;
  text: string;
  category:
    | 'network'
    | 'authentication'
    | 'resources'
    | 'processor'
    | 'switch'
    | 'storage'
    | 'cluster'
    | 'busy'
    | 'other';
  /** Flowchart cause id it usually points to (DESIGN §6), if any. */
  cause: string | null;
  /** Side that usually reports it, if known. */
  side: Side | null;
  sources: string[];
}
