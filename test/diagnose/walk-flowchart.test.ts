import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../src/diagnose/case-input.js';
import { missingInputs } from '../../src/diagnose/collect-commands.js';
import { checkContext, diagnoseCase, flowchart } from '../../src/diagnose/diagnose-case.js';
import { checks } from '../../src/diagnose/checks.js';
import type { FlowchartNode } from '../../src/diagnose/flowchart.js';
import { walkFlowchart } from '../../src/diagnose/walk-flowchart.js';
import type { Diagnosis } from '../../src/model/diagnosis.js';
import {
  at,
  failedWith,
  makeEvent,
  makeFacts,
  makeInput,
  makeMigration,
  processor,
  row,
  stepFor,
  vswitch,
} from './case-builders.js';

const noNetwork =
  "Failed to get the network address for the destination node 'HV02': A cluster network is not available for this operation. (0x000013AB).";
const lmNetwork = (state: string) =>
  row('cluster_networks', null, {
    name: 'LM',
    network_id: 'lm-id',
    role: 'Cluster',
    metric: 1200,
    state,
    address: '10.0.2.0',
    address_mask: '255.255.255.0',
  });
const order = (allowed: string, excluded: string | null = null) =>
  row('vm_resources', null, {
    kind: 'resource',
    name: 'Virtual Machine VM1',
    migration_network_order: allowed,
    migration_exclude_networks: excluded,
  });
const processorError =
  "Virtual machine 'VM1' is using processor-specific features not supported on host 'HV02'.";
const plainFailure = "Live migration of 'Virtual Machine VM1' failed.";

function diagnose(input: CaseInput): Diagnosis {
  return walkFlowchart(flowchart, checks, checkContext(input.migrations[0]!, input));
}

/** One case per conclusion node: the situation, and the conclusion it must reach. */
const cases: { conclusion: string; build: () => CaseInput }[] = [
  {
    conclusion: 'node-down',
    build: () => {
      const { migration, failure } = failedWith(plainFailure, {
        facts: makeFacts({ nodesDown: ['HV02'] }),
      });
      const lost = makeEvent({ eventId: 1135, time: at(20), data: { param1: 'HV02' } });
      return makeInput({ migrations: [migration], events: [failure, lost] });
    },
  },
  {
    conclusion: 'network-not-ready-after-restart',
    build: () => {
      const facts = makeFacts({ secondsSinceServiceStart: { source: 12, destination: null } });
      const { migration, failure } = failedWith(noNetwork, { facts }, 21126);
      const started = makeEvent({
        eventId: 7036,
        time: at(-12),
        data: { param1: 'Cluster Service', param2: 'running' },
      });
      return makeInput({ migrations: [migration], events: [failure, started] });
    },
  },
  {
    conclusion: 'no-migration-network',
    build: () => {
      const { migration, failure } = failedWith(
        noNetwork,
        { facts: makeFacts({ networksDown: ['LM'] }) },
        21126,
      );
      const down = makeEvent({ eventId: 1130, time: at(-60), data: { param1: 'LM' } });
      return makeInput({
        migrations: [migration],
        events: [failure, down],
        config: { cluster_networks: [lmNetwork('Down')] },
      });
    },
  },
  {
    conclusion: 'no-migration-network-excluded',
    build: () => {
      const { migration, failure } = failedWith(noNetwork, {}, 21126);
      return makeInput({
        migrations: [migration],
        events: [failure],
        config: { cluster_networks: [lmNetwork('Up')], vm_resources: [order('lm-id', 'lm-id')] },
      });
    },
  },
  {
    conclusion: 'no-migration-network-likely',
    build: () => {
      const { migration, failure } = failedWith(noNetwork, {}, 21126);
      return makeInput({ migrations: [migration], events: [failure] });
    },
  },
  {
    conclusion: 'subnet-mismatch',
    build: () => {
      const { migration, failure } = failedWith(noNetwork, {}, 21126);
      return makeInput({
        migrations: [migration],
        events: [failure],
        config: {
          cluster_networks: [lmNetwork('Up')],
          vm_resources: [order('lm-id')],
          network_interfaces: [
            row('network_interfaces', 'HV01', { network: 'LM', address: '10.0.2.11' }),
            row('network_interfaces', 'HV02', { network: 'LM', address: '10.0.3.12' }),
          ],
        },
      });
    },
  },
  {
    conclusion: 'concurrent-migration',
    build: () => {
      const { migration, failure } = failedWith(
        'The migration failed because another migration was in progress. (0x800700AA)',
      );
      return makeInput({ migrations: [migration], events: [failure] });
    },
  },
  {
    conclusion: 'cleanup-not-finished',
    build: () => {
      const { migration, failure } = failedWith(
        "'Virtual Machine VM1' failed to cleanup the configuration on the target node prior to a migration: Unspecified error (0x80004005).",
        { facts: makeFacts({ secondsSincePreviousMigration: 3 }) },
        21121,
      );
      return makeInput({ migrations: [migration], events: [failure] });
    },
  },
  ...(
    [
      [
        'authentication-failed',
        "Failed to establish a connection with host 'HV02': No credentials are available in the security package (0x8009030E).",
      ],
      ['possible-owners', 'The action Move did not complete. (0x80071398)'],
      [
        'destination-resources',
        'Failed to create partition: Insufficient system resources exist to complete the requested service. (0x800705AA)',
      ],
      [
        'migration-connection-failed',
        "Failed to establish a connection with host 'HV02': (0x8007274C)",
      ],
      ['unexplained', plainFailure],
    ] as const
  ).map(([conclusion, message]) => ({
    conclusion,
    build: () => {
      const { migration, failure } = failedWith(message);
      return makeInput({ migrations: [migration], events: [failure] });
    },
  })),
  ...(
    [
      ['architecture-mismatch', ['x64', 'GenuineIntel', 'X5670'], ['x86', 'GenuineIntel', 'E5420']],
      [
        'processor-vendor-mismatch',
        ['x64', 'GenuineIntel', 'X5670'],
        ['x64', 'AuthenticAMD', 'Opteron 6174'],
      ],
      [
        'processor-incompatible',
        ['x64', 'GenuineIntel', 'X5670'],
        ['x64', 'GenuineIntel', 'E5-2680 v2'],
      ],
    ] as const
  ).map(([conclusion, a, b]) => ({
    conclusion,
    build: () => {
      const { migration, failure } = failedWith(processorError);
      return makeInput({
        migrations: [migration],
        events: [failure],
        config: {
          processors: [processor('HV01', a[0], a[1], a[2]), processor('HV02', b[0], b[1], b[2])],
        },
      });
    },
  })),
  {
    conclusion: 'processor-incompatible-likely',
    build: () => {
      const { migration, failure } = failedWith(processorError);
      return makeInput({ migrations: [migration], events: [failure] });
    },
  },
  {
    conclusion: 'switch-port-name-conflict',
    build: () => {
      const { migration, failure } = failedWith(
        'Failed to create virtual network switch port External.',
        {},
        21203,
        'switch-problem',
      );
      return makeInput({
        migrations: [migration],
        events: [failure],
        config: { virtual_switches: [vswitch('HV01', 'External')] },
      });
    },
  },
  ...(
    [
      ['virtual-network-name-mismatch', ['Rede Externa', 'Rede-Externa']],
      ['stale-vm-configuration', ['External', 'External']],
      ['virtual-network-name-mismatch-likely', null],
    ] as const
  ).map(([conclusion, names]) => ({
    conclusion,
    build: () => {
      const { migration, failure } = failedWith(
        'Configuration setup for live migration failed on the destination node.',
        { failureSide: 'destination' },
        21125,
      );
      const virtual_switches = names ? [vswitch('HV01', names[0]), vswitch('HV02', names[1])] : [];
      return makeInput({
        migrations: [migration],
        events: [failure],
        config: { virtual_switches },
      });
    },
  })),
  {
    conclusion: 'system-drive-mismatch',
    build: () => {
      const { migration, failure } = failedWith(
        "'Virtual Machine VM1' failed to register the virtual machine with the virtual machine management service.",
        {},
        21102,
        'vm-register-failed',
      );
      return makeInput({
        migrations: [migration],
        events: [failure],
        config: {
          cluster_nodes: [
            row('cluster_nodes', 'HV01', { system_drive: 'C:' }),
            row('cluster_nodes', 'HV02', { system_drive: 'D:' }),
          ],
        },
      });
    },
  },
  ...(
    [
      ['csv-unavailable', 5120, 1],
      ['csv-redirected-io-likely', 5136, -600],
      ['backup-interference', 1584, -30],
      ['rhs-failure', 1230, 1],
    ] as const
  ).map(([conclusion, eventId, seconds]) => ({
    conclusion,
    build: () => {
      const { migration, failure } = failedWith(plainFailure);
      const extra = makeEvent({ eventId, time: at(seconds), data: { param1: 'Volume1' } });
      return makeInput({ migrations: [migration], events: [failure, extra] });
    },
  })),
  {
    // Only the source speaks: its 21502 names the register failure; HV02 sent nothing.
    conclusion: 'system-drive-mismatch-likely',
    build: () => {
      const { migration, failure } = failedWith(
        "Virtual machine migration operation for 'VM1' failed at migration destination 'HV02'. The Virtual Machine Management Service failed to register the configuration for the virtual machine '0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D' at 'C:\\ClusterStorage\\Volume1\\VM1': The system cannot find the path.",
        { failureSide: 'destination' },
      );
      return makeInput({ migrations: [migration], events: [failure], nodesWithLogs: ['HV01'] });
    },
  },
  {
    conclusion: 'destination-logs-missing',
    build: () => {
      const { migration, failure } = failedWith(plainFailure);
      return makeInput({ migrations: [migration], events: [failure], nodesWithLogs: ['HV01'] });
    },
  },
  {
    conclusion: 'csv-redirected-io',
    build: () => {
      const blackout = makeEvent({
        eventId: 20417,
        time: at(200),
        message: 'completed with an unexpectedly long blackout',
      });
      const redirected = makeEvent({ eventId: 5136, time: at(-1800), data: { param1: 'Volume1' } });
      const migration = makeMigration({
        outcome: 'succeeded',
        failureSide: null,
        endedAt: at(201),
        blackoutS: 40,
        steps: [stepFor(blackout, 'lm-complete-blackout')],
      });
      return makeInput({ migrations: [migration], events: [redirected, blackout] });
    },
  },
  {
    conclusion: 'slow-unexplained',
    build: () => {
      const blackout = makeEvent({ eventId: 20417, time: at(200) });
      const migration = makeMigration({
        outcome: 'succeeded',
        failureSide: null,
        endedAt: at(201),
        blackoutS: 40,
        steps: [stepFor(blackout, 'lm-complete-blackout')],
      });
      return makeInput({ migrations: [migration], events: [blackout] });
    },
  },
];

describe('walkFlowchart', () => {
  for (const { conclusion, build } of cases) {
    it(`reaches ${conclusion}`, () => {
      const d = diagnose(build());
      expect(d.conclusion).toBe(conclusion);
      const node = (flowchart.nodes as Readonly<Record<string, FlowchartNode>>)[conclusion];
      expect(node?.kind === 'conclusion' ? node.cause : null).toBe(d.cause);
      if (d.verdict === 'confirmed') expect(d.path.at(-1)!.evidence.length).toBeGreaterThan(0);
    });
  }

  it('has a case for every conclusion node, so a test fails if one becomes unreachable', () => {
    const conclusions = Object.entries(flowchart.nodes)
      .filter(([, node]) => node.kind === 'conclusion')
      .map(([id]) => id)
      .sort();
    expect([...new Set(cases.map((c) => c.conclusion))].sort()).toEqual(conclusions);
  });

  it('never claims confirmed without a record: a node loss seen only in the facts is likely', () => {
    const { migration, failure } = failedWith(plainFailure, {
      facts: makeFacts({ nodesDown: ['HV02'] }),
    });
    const d = diagnose(makeInput({ migrations: [migration], events: [failure] }));
    expect(d.cause).toBe('node-down');
    expect(d.verdict).toBe('likely');
  });

  it('names the missing configuration and its collect command when the answer is unknown', () => {
    const { migration, failure } = failedWith(processorError);
    const d = diagnose(makeInput({ migrations: [migration], events: [failure] }));
    expect(d.verdict).toBe('likely');
    const asked = d.path.find((s) => s.check === 'architecture-differs')!;
    expect(asked.answer).toBe('unknown');
    expect(asked.missing).toEqual(missingInputs.processors);
    expect(d.missing).toContainEqual(missingInputs.processors);
    expect(d.remediation).toContain(missingInputs.processors.collect);
  });

  it('never confirms when only one side speaks, and names the silent node with its collect command', () => {
    const { migration, failure } = failedWith(
      "Virtual machine migration operation for 'VM1' failed at migration source 'HV01'. Failed to establish a connection with host 'HV02': No credentials are available in the security package (0x8009030E).",
    );
    const both = diagnose(makeInput({ migrations: [migration], events: [failure] }));
    expect([both.cause, both.verdict]).toEqual(['authentication-failed', 'confirmed']);
    const one = diagnose(
      makeInput({ migrations: [migration], events: [failure], nodesWithLogs: ['HV01'] }),
    );
    expect([one.cause, one.verdict]).toEqual(['authentication-failed', 'likely']);
    expect(one.summary).toContain('only one side speaks: no logs from HV02');
    expect(one.remediation).toMatch(/Missing: the event logs of HV02 .* -LocalOnly/);
  });

  it('names the destination node and how to collect its logs when they are missing', () => {
    const { migration, failure } = failedWith(plainFailure);
    const d = diagnose(
      makeInput({ migrations: [migration], events: [failure], nodesWithLogs: ['HV01'] }),
    );
    expect(d.cause).toBe('unknown');
    expect(d.verdict).toBe('unknown');
    expect(d.missing.map((m) => m.input)).toContainEqual(
      expect.stringMatching(/^the event logs of HV02 \(.*\) and its cluster log$/),
    );
    expect(d.remediation).toMatch(/on HV02, in an elevated PowerShell: .*-LocalOnly/);
    // What the source's own messages establish is stated, never a bare unknown.
    expect(d.summary).toMatch(/^no logs from the destination HV02; HV01's own messages say: /);
  });

  it('answers unknown for a restart when the source node sent no logs', () => {
    const { migration, failure } = failedWith(noNetwork, {}, 21126);
    const d = diagnose(
      makeInput({ migrations: [migration], events: [failure], nodesWithLogs: ['HV02'] }),
    );
    const restart = d.path.find((s) => s.check === 'recent-restart')!;
    expect(restart.answer).toBe('unknown');
    expect(restart.missing?.input).toMatch(/^the event logs of HV01 \(/);
  });

  it('is pure: the same input gives the same diagnosis', () => {
    const input = cases[2]!.build();
    expect(diagnose(input)).toEqual(diagnose(input));
  });
});

describe('two causes at once', () => {
  it('the more specific cause is the diagnosis, the other a related finding', () => {
    const { migration, failure } = failedWith(
      'The migration failed because another migration was in progress. (0x800700AA)',
    );
    const redirected = makeEvent({ eventId: 5136, time: at(-600), data: { param1: 'Volume1' } });
    const { diagnoses, findings } = diagnoseCase(
      makeInput({ migrations: [migration], events: [failure, redirected] }),
    );
    expect(diagnoses.map((d) => d.cause)).toEqual(['concurrent-migration']);
    const related = findings.filter((f) => f.scope === 'related');
    expect(related.map((f) => [f.migrationId, f.cause, f.verdict])).toEqual([
      [1, 'csv-redirected-io', 'likely'],
    ]);
    expect(related[0]!.evidence.map((e) => e.id)).toEqual([redirected.id]);
  });

  it('a restart inside 30 s beats a network seen down, which becomes a related finding', () => {
    const facts = makeFacts({
      secondsSinceServiceStart: { source: 8, destination: null },
      networksDown: ['LM'],
    });
    const { migration, failure } = failedWith(noNetwork, { facts }, 21126);
    const started = makeEvent({ eventId: 7036, time: at(-8), data: { param1: 'Cluster Service' } });
    const down = makeEvent({ eventId: 1130, time: at(-5), data: { param1: 'LM' } });
    const { diagnoses, findings } = diagnoseCase(
      makeInput({ migrations: [migration], events: [failure, started, down] }),
    );
    expect(diagnoses[0]!.cause).toBe('network-not-ready-after-restart');
    expect(findings.filter((f) => f.scope === 'related').map((f) => f.cause)).toEqual([
      'no-migration-network',
    ]);
  });

  it('a succeeded migration that VMMS flags as slow (20417) is diagnosed, whatever its blackout', () => {
    const flagged = makeEvent({ eventId: 20417, time: at(30) });
    const migration = makeMigration({
      outcome: 'succeeded',
      failureSide: null,
      blackoutS: 1,
      steps: [stepFor(flagged, 'lm-complete-blackout')],
    });
    const { diagnoses } = diagnoseCase(makeInput({ migrations: [migration], events: [flagged] }));
    expect(diagnoses.map((d) => d.conclusion)).toEqual(['slow-unexplained']);
  });

  it('an overlap is a cause on 2008 R2 (one live migration per node), not on later versions', () => {
    const overlapping = [{ migration: 2, vm: 'VM2', sharedNode: 'HV02' }];
    const other = makeMigration({ id: 2, vm: 'VM2', outcome: 'succeeded', steps: [] });
    const version = (major: number, minor: number) =>
      ['HV01', 'HV02'].map((n) =>
        row('cluster_nodes', n, { name: n, major_version: major, minor_version: minor }),
      );
    const run = (major: number, minor: number) => {
      const { migration, failure } = failedWith(processorError, {
        facts: makeFacts({ overlapping }),
      });
      const input = makeInput({
        migrations: [migration, other],
        events: [failure],
        config: { cluster_nodes: version(major, minor) },
      });
      return diagnoseCase(input).diagnoses[0]!.cause;
    };
    expect(run(6, 1)).toBe('concurrent-migration');
    expect(run(10, 0)).toBe('processor-incompatible');
  });

  it('a succeeded, quick migration gets no diagnosis', () => {
    const migration = makeMigration({ outcome: 'succeeded', failureSide: null, blackoutS: 0.6 });
    expect(diagnoseCase(makeInput({ migrations: [migration] })).diagnoses).toEqual([]);
  });
});
