import { describe, expect, it } from 'vitest';
import { reconstructMigrations } from '../../src/replay/reconstruct-migrations.js';
import type { ReplayRecord } from '../../src/replay/replay-record.js';
import { line, rec, sql01, web01 } from '../support/replay-records.js';

const both = ['HV01', 'HV02', 'HV03'];
const replay = (records: ReplayRecord[], nodes = both) =>
  reconstructMigrations(records, nodes).migrations;
const brief = (records: ReplayRecord[], nodes = both) =>
  replay(records, nodes).map((m) => ({
    vm: m.vm,
    kind: m.kind,
    from: m.sourceNode,
    to: m.destinationNode,
    outcome: m.outcome,
    side: m.failureSide,
    code: m.errorCode,
  }));

/** A successful live migration of SQL01 HV01 → HV02 as both nodes' events and cluster logs show it. */
const successfulLive = () => [
  line('10:15:00.100', 'HV01', 'group-move-requested', { group: 'SQL01', destinationNode: 'HV02' }),
  rec('10:15:01.000', 'HV01', 'lm-start-source', sql01),
  rec('10:15:01.400', 'HV02', 'lm-start-destination', sql01),
  rec('10:15:02.000', 'HV01', 'lm-phase-start', { vmId: sql01.vmId }),
  rec('10:15:08.000', 'HV01', 'lm-phase-end', { vmId: sql01.vmId, seconds: '6' }),
  line('10:15:09.000', 'HV01', 'group-move-completed', {
    group: 'SQL01',
    sourceNode: 'HV01(1)',
    destinationNode: 'HV02(2)',
    moveType: 'Manual',
  }),
  rec('10:15:09.500', 'HV02', 'lm-complete-destination', { ...sql01, seconds: '8.1' }),
  rec('10:15:09.600', 'HV01', 'lm-complete-source', { ...sql01, seconds: '8.6' }),
  rec('10:15:09.700', 'HV01', 'lm-complete-blackout', {
    vmName: 'SQL01',
    vmId: sql01.vmId,
    seconds: '0.5',
  }),
];

describe('replayMigrations', () => {
  it('a successful live migration with both sides and both cluster logs', () => {
    const [m, ...rest] = replay(successfulLive());
    expect(rest).toEqual([]);
    expect(m).toMatchObject({
      id: 1,
      vm: 'SQL01',
      vmId: sql01.vmId,
      kind: 'live',
      sourceNode: 'HV01',
      destinationNode: 'HV02',
      requestedAt: '2011-04-15T10:15:00.1000000Z',
      startedAt: '2011-04-15T10:15:01.0000000Z',
      endedAt: '2011-04-15T10:15:09.7000000Z',
      durationS: 8.7,
      blackoutS: 0.5,
      outcome: 'succeeded',
      failureSide: null,
      gaps: [],
    });
    expect(m!.steps.map((s) => s.phase)).toEqual(successfulLive().map((r) => r.role));
    expect(m!.steps.every((s) => s.evidenceId > 0)).toBe(true);
  });

  it('failure at the source: no network for the destination (21126 names no VM, then 21502)', () => {
    const records = [
      rec('10:15:01', 'HV01', 'lm-start-source', sql01),
      rec(
        '10:15:04.3',
        'HV01',
        'lm-failed',
        {
          destinationNode: 'HV02',
          errorText: 'A cluster network is not available',
          errorCode: '0x000013AB',
        },
        { side: 'source' },
      ),
      rec('10:15:04.35', 'HV01', 'lm-failed', {
        vmName: 'SQL01',
        errorText: "Live migration of 'Virtual Machine SQL01' failed.",
      }),
    ];
    expect(brief(records)).toEqual([
      {
        vm: 'SQL01',
        kind: 'live',
        from: 'HV01',
        to: 'HV02',
        outcome: 'failed',
        side: 'source',
        code: '0x000013AB',
      },
    ]);
    const [m] = replay(records);
    expect(m!.steps).toHaveLength(3);
    expect(m!.errorText).toBe('A cluster network is not available');
    expect(m!.gaps).toEqual(["the destination node HV02's logs have no record of this migration"]);
  });

  it('failure at the destination, side taken from the node that reported it', () => {
    const records = [
      rec('10:20:00', 'HV01', 'lm-start-source', sql01),
      rec('10:20:00.5', 'HV02', 'lm-start-destination', sql01),
      rec('10:20:03', 'HV02', 'lm-failed', {
        ...sql01,
        errorText: 'Failed to create partition (0x800705AA)',
      }),
    ];
    expect(brief(records)).toEqual([
      {
        vm: 'SQL01',
        kind: 'live',
        from: 'HV01',
        to: 'HV02',
        outcome: 'failed',
        side: 'destination',
        code: '0x800705AA',
      },
    ]);
  });

  it('a quick migration: configuration offline on the source, online on the destination', () => {
    const records = [
      line('11:00:00', 'HV01', 'group-move-requested', { group: 'WEB01' }),
      rec('11:00:01', 'HV01', 'vm-save', web01),
      rec('11:00:05', 'HV01', 'vm-config-offline', web01),
      rec('11:00:08', 'HV02', 'vm-config-online', web01),
      rec('11:00:09', 'HV02', 'vm-started', web01),
    ];
    expect(brief(records)).toEqual([
      {
        vm: 'WEB01',
        kind: 'quick',
        from: 'HV01',
        to: 'HV02',
        outcome: 'succeeded',
        side: null,
        code: null,
      },
    ]);
  });

  it('failover after the loss of a node', () => {
    const records = [
      rec('12:00:00', 'HV02', 'node-down', { node: 'HV01' }),
      rec('12:00:01', 'HV02', 'failover-attempt', {
        group: 'SQL01',
        sourceNode: 'HV01',
        destinationNode: 'HV02',
      }),
      line('12:00:01.5', 'HV02', 'group-move-completed', {
        group: 'SQL01',
        sourceNode: 'HV01(1)',
        destinationNode: 'HV02(2)',
        moveType: 'NodeDown',
      }),
      rec('12:00:20', 'HV02', 'vm-started', sql01),
    ];
    const [m] = replay(records);
    expect(m).toMatchObject({
      vm: 'SQL01',
      kind: 'failover',
      sourceNode: 'HV01',
      destinationNode: 'HV02',
      outcome: 'succeeded',
    });
    expect(m!.facts.nodesDown).toEqual(['HV01']);
  });

  it('logs from one node only: the migration is there, the missing side is a gap', () => {
    const records = successfulLive().filter((r) => r.node === 'HV01' && r.table === 'events');
    const [m] = replay(records, ['HV01']);
    expect(m).toMatchObject({
      kind: 'live',
      sourceNode: 'HV01',
      destinationNode: null,
      outcome: 'succeeded',
    });
    expect(m!.gaps).toEqual(['the destination node is not known from the logs']);
  });

  it('cluster logs only: a move with source, destination and move type', () => {
    const records = successfulLive().filter((r) => r.table === 'cluster_log');
    const [m, ...rest] = replay(records);
    expect(rest).toEqual([]);
    expect(m).toMatchObject({
      vm: 'SQL01',
      kind: 'move',
      sourceNode: 'HV01',
      destinationNode: 'HV02',
      outcome: 'unknown',
    });
    expect(m!.gaps).toContain('the end of the migration is not in the logs');
  });

  it('event logs only give the same migration as events plus cluster logs', () => {
    const eventsOnly = replay(successfulLive().filter((r) => r.table === 'events'));
    expect(
      eventsOnly.map((m) => [m.vm, m.kind, m.sourceNode, m.destinationNode, m.outcome]),
    ).toEqual([['SQL01', 'live', 'HV01', 'HV02', 'succeeded']]);
  });

  it('clock skew: a destination clock 40 s ahead is estimated and corrected', () => {
    const skewed = (records: ReplayRecord[]) =>
      records.map((r) =>
        r.node === 'HV02'
          ? {
              ...r,
              time: r.time.replace(
                /10:(\d\d):(\d\d)/,
                (_, m: string, s: string) =>
                  `10:${String(Number(m) + Math.floor((Number(s) + 40) / 60)).padStart(2, '0')}:${String((Number(s) + 40) % 60).padStart(2, '0')}`,
              ),
            }
          : r,
      );
    const second = [
      rec('10:30:00', 'HV02', 'lm-start-source', web01),
      rec('10:30:00.6', 'HV01', 'lm-start-destination', web01),
      rec('10:30:05', 'HV01', 'lm-complete-destination', web01),
      rec('10:30:05.2', 'HV02', 'lm-complete-source', web01),
    ];
    const result = reconstructMigrations(skewed([...successfulLive(), ...second]), both);
    expect(result.clockSkew.find((s) => s.node === 'HV02')?.offsetS).toBeCloseTo(40, 0);
    expect(
      result.migrations.map((m) => [m.vm, m.outcome, m.sourceNode, m.destinationNode]),
    ).toEqual([
      ['SQL01', 'succeeded', 'HV01', 'HV02'],
      ['WEB01', 'succeeded', 'HV02', 'HV01'],
    ]);
    expect(result.migrations[0]!.startedAt).toBe('2011-04-15T10:15:01.0000000Z');
  });

  it('the same VM known by GUID on one node and by name on another is one VM', () => {
    const records = [
      rec('10:15:01', 'HV01', 'lm-start-source', {
        vmId: `{${sql01.vmId.toLowerCase()}}`,
        resource: 'Virtual Machine SQL01',
      }),
      rec('10:15:01.5', 'HV02', 'lm-start-destination', { vmId: sql01.vmId }),
      rec('10:15:09', 'HV01', 'lm-complete-blackout', { vmName: 'sql01', seconds: '0.4' }),
    ];
    const migrations = replay(records);
    expect(migrations).toHaveLength(1);
    expect(migrations[0]).toMatchObject({
      vm: 'SQL01',
      vmId: sql01.vmId,
      sourceNode: 'HV01',
      destinationNode: 'HV02',
      outcome: 'succeeded',
    });
  });

  it('two migrations of one VM back to back are two attempts, with the gap between them', () => {
    const there = successfulLive();
    const back = [
      rec('10:15:12', 'HV02', 'lm-start-source', sql01),
      rec('10:15:12.3', 'HV02', 'lm-failed', { ...sql01, errorText: 'failed' }, { side: 'source' }),
    ];
    const migrations = replay([...there, ...back]);
    expect(migrations.map((m) => [m.id, m.sourceNode, m.outcome])).toEqual([
      [1, 'HV01', 'succeeded'],
      [2, 'HV02', 'failed'],
    ]);
    // The one start pairing puts HV02's clock 0.4 s ahead (uncertain by up to 2 s): HV02's
    // start at 10:15:12 is 10:15:11.6 on the case's clock, 1.9 s after the end at 10:15:09.7.
    expect(migrations[1]!.facts.secondsSincePreviousMigration).toBeCloseTo(1.9, 3);
  });

  it('two overlapping migrations sharing a node are each other’s overlap', () => {
    const records = [
      rec('10:00:00', 'HV01', 'lm-start-source', sql01),
      rec('10:00:01', 'HV01', 'lm-start-source', web01),
      rec('10:00:01.2', 'HV03', 'lm-start-destination', web01),
      rec('10:00:10', 'HV01', 'lm-complete-source', sql01),
      rec(
        '10:00:11',
        'HV01',
        'lm-failed',
        { ...web01, errorText: 'migration limit reached' },
        { side: 'source' },
      ),
    ];
    const migrations = replay(records);
    expect(migrations.map((m) => m.facts.overlapping)).toEqual([
      [{ migration: 2, vm: 'WEB01', sharedNode: 'HV01' }],
      [{ migration: 1, vm: 'SQL01', sharedNode: 'HV01' }],
    ]);
  });

  it('a migration still running at the end of the logs has outcome unknown and no end', () => {
    const records = successfulLive().slice(0, 4);
    const [m] = replay(records);
    expect(m).toMatchObject({ outcome: 'unknown', endedAt: null, durationS: null });
    expect(m!.gaps).toContain('the end of the migration is not in the logs');
  });

  it('facts: seconds since the cluster service start and RHS restart, networks down', () => {
    const records = [
      rec('10:14:00', 'HV02', 'network-down', { network: 'LiveMigration' }),
      rec('10:14:40', 'HV01', 'cluster-service-start'),
      line('10:14:50', 'HV02', 'resource-separate-rhs', { resource: 'Virtual Machine SQL01' }),
      ...successfulLive().slice(1, 3),
      rec('10:15:04', 'HV01', 'lm-failed', { ...sql01, errorCode: '0x000013AB' }),
    ];
    const [m] = replay(records);
    expect(m!.facts.secondsSinceServiceStart).toEqual({ source: 21, destination: null });
    // HV02 runs 0.4 s ahead (the start pairing): its RHS line at 10:14:50 is 10:14:49.6.
    expect(m!.facts.secondsSinceRhsRestart).toEqual({ source: null, destination: 11.4 });
    expect(m!.facts.networksDown).toEqual(['LiveMigration']);
  });

  it('ignores records of VMs that never migrate and context without a VM', () => {
    expect(
      replay([
        rec('09:00:00', 'HV01', 'vm-started', sql01),
        rec('09:00:01', 'HV01', 'network-up', { network: 'LM' }),
      ]),
    ).toEqual([]);
  });
});
