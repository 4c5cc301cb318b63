import { flowchart } from '../../src/diagnose/diagnose-case.js';
import type { Diagnosis, Finding } from '../../src/model/diagnosis.js';
import type { Migration, MigrationFacts } from '../../src/model/migration.js';
import { buildReport } from '../../src/report/build-report.js';
import type { ReportInput, ReportModel } from '../../src/report/report-model.js';

/** Values an attacker could put into a log: markup, quotes, URLs, control characters, length. */
export const hostileValues = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'; alert(3); '",
  '</style><script>alert(4)</script>',
  'javascript:alert(5)',
  '<a href="javascript:alert(6)">x</a>',
  '\u0000\u0007\u001b[31m\u2028ctl',
  '`code` *bold* [link](javascript:alert(7)) | pipe # heading',
  'x'.repeat(20_000),
];

const noFacts: MigrationFacts = {
  overlapping: [],
  secondsSincePreviousMigration: null,
  secondsSinceServiceStart: { source: null, destination: null },
  secondsSinceRhsRestart: { source: null, destination: null },
  networksDown: [],
  interfacesDown: [],
  csvProblems: [],
  backupActivity: [],
  nodesDown: [],
  durationS: 1,
  blackoutS: null,
};

/** A failed live migration with no facts; `overrides` change any field. */
export function makeMigration(overrides: Partial<Migration> = {}): Migration {
  return {
    id: 1,
    vm: 'VM01',
    vmId: null,
    kind: 'live',
    sourceNode: 'HV01',
    destinationNode: 'HV02',
    requestedAt: null,
    startedAt: '2016-09-14T08:00:00.0000000Z',
    endedAt: '2016-09-14T08:00:30.0000000Z',
    durationS: 30,
    blackoutS: null,
    outcome: 'failed',
    failureSide: 'source',
    errorCode: null,
    errorText: null,
    gaps: [],
    steps: [],
    facts: noFacts,
    ...overrides,
  };
}

/** A report whose every log-derived value is hostile: VM names, nodes, event text, evidence. */
export function hostileReport(): ReportModel {
  const migrations: Migration[] = hostileValues.map((value, i) => ({
    id: i + 1,
    vm: value,
    vmId: null,
    kind: 'live',
    sourceNode: 'HV01',
    destinationNode: i % 2 === 0 ? 'HV02' : value,
    requestedAt: null,
    startedAt: `2016-09-14T08:0${i}:00.0000000Z`,
    endedAt: `2016-09-14T08:0${i}:30.0000000Z`,
    durationS: 30,
    blackoutS: null,
    outcome: 'failed',
    failureSide: 'source',
    errorCode: value,
    errorText: value,
    gaps: [value],
    steps: [
      {
        time: `2016-09-14T08:0${i}:00.0000000Z`,
        node: 'HV01',
        phase: 'lm-start-source',
        evidenceTable: 'events',
        evidenceId: i + 1,
        summary: value,
      },
    ],
    facts: noFacts,
  }));
  const diagnoses: Diagnosis[] = migrations.map((m) => ({
    migrationId: m.id,
    conclusion: 'unknown-cause',
    cause: 'unknown',
    verdict: 'unknown',
    summary: m.vm,
    remediation: m.vm,
    source: 'S1',
    path: [
      {
        node: 'failed',
        check: 'migration-failed',
        question: 'Did the migration fail?',
        answer: 'yes',
        summary: m.vm,
        evidence: [{ table: 'events', id: m.id, node: 'HV01', time: m.startedAt, note: m.vm }],
        missing: { input: m.vm, collect: m.vm },
      },
    ],
    evidence: [{ table: 'events', id: m.id, node: 'HV01', time: m.startedAt, note: m.vm }],
    missing: [],
  }));
  const findings: Finding[] = [
    {
      migrationId: null,
      scope: 'cluster',
      cause: 'no-dedicated-migration-network',
      verdict: 'likely',
      summary: hostileValues[0]!,
      remediation: hostileValues[3]!,
      evidence: [],
      path: [],
    },
  ];
  const input: ReportInput = {
    summary: {
      kinds: [{ kind: hostileValues[1]!, files: 1, records: 2, warnings: 0 }],
      nodeChannels: [
        {
          node: 'HV01',
          channel: hostileValues[0]!,
          events: 3,
          first: '2016-09-14T08:00:00.0000000Z',
          last: '2016-09-14T08:09:00.0000000Z',
        },
      ],
      nodes: ['HV01', hostileValues[4]!],
      firstTime: '2016-09-14T08:00:00.0000000Z',
      lastTime: '2016-09-14T08:09:00.0000000Z',
      problems: [
        { path: hostileValues[3]!, location: hostileValues[5]!, message: hostileValues[6]! },
      ],
      problemCount: 1,
      clusterLogs: [],
      configuration: [],
    },
    migrations,
    clockSkew: [],
    diagnoses,
    findings,
    events: hostileValues.map((value, i) => ({
      id: 100 + i,
      node: 'HV01',
      time: `2016-09-14T08:0${i}:10.0000000Z`,
      provider: 'Microsoft-Windows-FailoverClustering',
      eventId: 1127,
      message: value,
    })),
    timelines: new Map(
      migrations.map((m) => [
        m.id,
        [
          {
            time: m.startedAt!,
            node: m.vm,
            origin: 'event' as const,
            what: m.vm,
            level: m.vm,
            text: m.vm,
            ref: `events:${m.id}`,
          },
        ],
      ]),
    ),
    flowchart,
  };
  return buildReport(input);
}
