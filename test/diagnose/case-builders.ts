/** Builders for diagnosis unit tests: a migration, its events and the case's configuration. */
import type { CaseEvent, CaseInput, ConfigRecord } from '../../src/diagnose/case-input.js';
import { catalogEvents } from '../../src/catalog/events/index.js';
import { emptyConfig } from '../../src/diagnose/case-input.js';
import type { ConfigTable } from '../../src/model/config-row.js';
import type { Migration, MigrationFacts, MigrationStep } from '../../src/model/migration.js';

const t0 = Date.UTC(2020, 0, 1, 10, 0, 0);

/** T0 + seconds as a store time (7 fractional digits). */
export function at(seconds: number): string {
  return new Date(t0 + seconds * 1000)
    .toISOString()
    .replace(/\.(\d{3})Z$/, (_, ms: string) => `.${ms}0000Z`);
}

let nextEventId = 1000;
let nextRowId = 1;

/**
 * The provider a test event of this id gets unless it names one: the catalogue's, when one
 * provider has the id, else FailoverClustering (an event is always its provider and id).
 */
function defaultProvider(eventId: number): string {
  const providers = new Set(
    catalogEvents.filter((e) => e.eventId === eventId).map((e) => e.provider),
  );
  return providers.size === 1 ? [...providers][0]! : 'Microsoft-Windows-FailoverClustering';
}

export function makeEvent(o: Partial<CaseEvent> & { eventId: number }): CaseEvent {
  return {
    id: nextEventId++,
    node: 'HV01',
    time: at(1),
    channel: 'System',
    provider: defaultProvider(o.eventId),
    data: {},
    message: null,
    ...o,
  };
}

export function makeFacts(o: Partial<MigrationFacts> = {}): MigrationFacts {
  return {
    overlapping: [],
    secondsSincePreviousMigration: null,
    secondsSinceServiceStart: { source: null, destination: null },
    secondsSinceRhsRestart: { source: null, destination: null },
    networksDown: [],
    interfacesDown: [],
    csvProblems: [],
    backupActivity: [],
    nodesDown: [],
    durationS: 2,
    blackoutS: null,
    ...o,
  };
}

/** A step citing an event (phase `lm-failed` unless given). */
export function stepFor(event: CaseEvent, phase = 'lm-failed'): MigrationStep {
  return {
    time: event.time,
    node: event.node,
    phase,
    evidenceTable: 'events',
    evidenceId: event.id,
    summary: `${event.eventId}: ${event.message ?? ''}`,
  };
}

/** A live migration of VM1 HV01 → HV02 at T0 that failed after 2 s, unless overridden. */
export function makeMigration(o: Partial<Migration> = {}): Migration {
  return {
    id: 1,
    vm: 'VM1',
    vmId: null,
    kind: 'live',
    sourceNode: 'HV01',
    destinationNode: 'HV02',
    requestedAt: at(0),
    startedAt: at(0.1),
    endedAt: at(2),
    durationS: 2,
    blackoutS: null,
    outcome: 'failed',
    failureSide: 'source',
    errorCode: null,
    errorText: null,
    gaps: [],
    steps: [],
    facts: makeFacts(),
    ...o,
  };
}

/** A failed migration whose failure is one HA event (21502 unless given) with this message. */
export function failedWith(
  message: string,
  o: Partial<Migration> = {},
  eventId = 21502,
  phase = 'lm-failed',
): { migration: Migration; failure: CaseEvent } {
  const failure = makeEvent({
    eventId,
    time: at(2),
    channel: 'Microsoft-Windows-Hyper-V-High-Availability-Admin',
    provider: 'Microsoft-Windows-Hyper-V-High-Availability',
    message,
    data: eventId === 21203 ? { param1: message.replace(/^.*switch port (.+)\.$/, '$1') } : {},
  });
  return {
    failure,
    migration: makeMigration({ errorText: message, steps: [stepFor(failure, phase)], ...o }),
  };
}

export function row(
  table: ConfigTable,
  node: string | null,
  values: Record<string, string | number | null>,
): ConfigRecord {
  return { table, id: nextRowId++, node, values };
}

export function makeInput(o: {
  migrations: Migration[];
  events?: CaseEvent[];
  config?: Partial<Record<ConfigTable, ConfigRecord[]>>;
  nodesWithLogs?: string[];
  channelsByNode?: Record<string, string[]>;
  clusterEvidence?: boolean;
}): CaseInput {
  return {
    migrations: o.migrations,
    events: [...(o.events ?? [])].sort((a, b) => a.time.localeCompare(b.time)),
    config: { ...emptyConfig(), ...o.config },
    nodesWithLogs: o.nodesWithLogs ?? ['HV01', 'HV02'],
    channelsByNode: o.channelsByNode ?? { HV01: ['System'], HV02: ['System'] },
    clusterEvidence: o.clusterEvidence ?? true,
  };
}

export const processor = (
  node: string,
  architecture: string,
  manufacturer: string,
  model: string,
) => row('processors', node, { architecture, manufacturer, model });
export const vswitch = (node: string, name: string) => row('virtual_switches', node, { name });
