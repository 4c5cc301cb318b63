import { describe, expect, it } from 'vitest';
import type { RecordRole } from '../../src/catalog/types.js';
import { classifiedRecords, rebuildMigrations } from '../../src/case/rebuild-migrations.js';
import { isoToMillis, millisToIso } from '../../src/model/time.js';
import { reconstructMigrations } from '../../src/replay/reconstruct-migrations.js';
import type { ReplayRecord } from '../../src/replay/replay-record.js';
import { memorySpool, replayStream } from '../../src/replay/stream-replay.js';
import { selectClockSkew, selectMigrations } from '../../src/store/migrations-table.js';
import {
  selectNodeNamesById,
  selectNodesWithLogs,
  selectVmHints,
} from '../../src/store/replay-input.js';
import { ingestSampleScenario, sampleScenarios } from '../support/sample-scenario-store.js';
import { seededRandom } from '../support/seeded-random.js';

/** The streamed replay of records (sorted by stored time, as the store gives them). */
function streamed(records: readonly ReplayRecord[], nodesWithLogs: readonly string[]) {
  const ordered = [...records].sort((a, b) => isoToMillis(a.time) - isoToMillis(b.time));
  const result = replayStream({ records: () => ordered }, { nodesWithLogs }, memorySpool());
  return { clockSkew: result.clockSkew, migrations: [...result.migrations] };
}

describe('streamed replay gives what the in-memory reference gives', () => {
  for (const scenario of sampleScenarios) {
    it(`${scenario}: same migrations, steps, facts and clock skew from the store`, async () => {
      const db = await ingestSampleScenario(scenario);
      try {
        const reference = reconstructMigrations(
          [...classifiedRecords(db)],
          selectNodesWithLogs(db),
          selectNodeNamesById(db),
          selectVmHints(db),
        );
        const result = rebuildMigrations(db);
        expect(result.migrations).toBe(reference.migrations.length);
        expect(selectMigrations(db)).toEqual(reference.migrations);
        expect(selectClockSkew(db)).toEqual(reference.clockSkew);
      } finally {
        db.close();
      }
    });
  }

  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
    it(`randomized case ${seed}: same migrations and clock skew`, () => {
      const records = randomCase(seed);
      const nodes = ['HV01', 'HV02', 'HV03', 'HV04'];
      const reference = reconstructMigrations(records, nodes);
      const result = streamed(records, nodes);
      expect(result.clockSkew).toEqual(reference.clockSkew);
      expect(result.migrations).toEqual(reference.migrations);
      expect(reference.migrations.length).toBeGreaterThan(10);
    });
  }
});

const attemptRoles: RecordRole[] = [
  'lm-phase-start',
  'lm-phase-end',
  'lm-complete-source',
  'lm-complete-destination',
  'lm-complete-blackout',
  'lm-failed',
  'group-moving',
  'group-move-completed',
  'group-online',
  'vm-config-offline',
  'vm-config-online',
  'switch-problem',
  'group-move-requested',
];
const infrastructureRoles: RecordRole[] = [
  'cluster-service-start',
  'rhs-died',
  'network-down',
  'network-up',
  'interface-failed',
  'interface-up',
  'csv-redirected',
  'csv-paused',
  'backup-start',
  'node-down',
];

/**
 * Migrations of six VMs between four nodes, some overlapping, some cut short, some failing,
 * with infrastructure records around them, VM-less failures, records at the same instant, and
 * one or two nodes whose clock runs ahead or behind.
 */
function randomCase(seed: number): ReplayRecord[] {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const nodes = ['HV01', 'HV02', 'HV03', 'HV04'];
  const offsets: Record<string, number> = {
    HV01: 0,
    HV02: 0,
    HV03: Math.round((next() - 0.5) * 240_000),
    HV04: seed % 2 === 0 ? Math.round((next() - 0.5) * 90_000) : 0,
  };
  const vms = ['SQL01', 'SQL02', 'APP01', 'APP02', 'WEB01', 'WEB02'].map((name, i) => ({
    name,
    vmId: `${String(i + 1).repeat(8)}-AAAA-BBBB-CCCC-${String(i).repeat(12)}`,
  }));
  const records: ReplayRecord[] = [];
  let id = 1;
  const add = (
    at: number,
    node: string,
    role: RecordRole,
    fields: ReplayRecord['fields'],
    table: ReplayRecord['table'] = next() < 0.7 ? 'events' : 'cluster_log',
  ) => {
    records.push({
      table,
      id: id++,
      time: millisToIso(Math.round(at + offsets[node]!)),
      node: next() < 0.1 ? `${node.toLowerCase()}.contoso.local` : node,
      role,
      category: role.startsWith('lm-')
        ? 'migration'
        : role.startsWith('switch')
          ? 'switch'
          : 'group',
      side: role.endsWith('-source')
        ? 'source'
        : role.endsWith('-destination')
          ? 'destination'
          : null,
      fields,
      label: role,
      text: next() < 0.5 ? `text of ${role} with code 0x8007274C` : '',
    });
  };
  let clock = Date.parse('2020-03-01T08:00:00Z');
  for (let n = 0; n < 60; n++) {
    clock += Math.floor(next() * (next() < 0.2 ? 400_000 : 40_000));
    const vm = pick(vms);
    const source = pick(nodes);
    const destination = pick(nodes.filter((x) => x !== source));
    const byName = next() < 0.3;
    const vmFields = byName ? { vmName: vm.name } : { vmId: vm.vmId };
    const resource = { resource: `Virtual Machine ${vm.name}`, vmId: vm.vmId };
    let at = clock;
    if (next() < 0.6)
      add(at, source, 'group-move-requested', { group: vm.name, destinationNode: destination });
    at += 500 + Math.floor(next() * 1000);
    add(at, source, 'lm-start-source', next() < 0.5 ? resource : vmFields);
    if (next() < 0.85)
      add(at + Math.floor(next() * 1500), destination, 'lm-start-destination', vmFields);
    const steps = Math.floor(next() * 6);
    for (let s = 0; s < steps; s++) {
      at += Math.floor(next() * 8000);
      const role = pick(attemptRoles);
      const node = next() < 0.5 ? source : destination;
      add(
        at,
        node,
        role,
        role === 'lm-failed' && next() < 0.3 ? {} : { ...vmFields, seconds: '4.5' },
      );
      if (next() < 0.1) add(at, pick(nodes), pick(attemptRoles), vmFields);
      // Records the machine ignores; one may be the only one to tie the VM's name to its GUID.
      if (next() < 0.3) add(at, pick(nodes), 'context', { vmId: vm.vmId, vmName: vm.name });
    }
    if (next() < 0.3) {
      const at2 = clock + Math.floor(next() * 60_000);
      const role = pick(infrastructureRoles);
      add(at2, pick(nodes), role, {
        node: pick(nodes),
        network: pick(['Cluster Network 1', 'LM']),
        interface: 'Ethernet 2',
        volume: 'Volume1',
      });
    }
  }
  return records;
}

describe('streamed replay memory', () => {
  it('spools migrations while the records still flow, instead of holding them to the end', () => {
    const records = Array.from({ length: 40 }, (_, i) => randomCase(100 + i))
      .flatMap((list, i) =>
        list.map((r) => ({ ...r, id: r.id + i * 10_000, time: shiftDays(r.time, i) })),
      )
      .sort((a, b) => isoToMillis(a.time) - isoToMillis(b.time));
    const spool = memorySpool();
    let spooled = 0;
    let spooledAtHalf = -1;
    const counting = {
      put: (key: number, m: Parameters<typeof spool.put>[1]) => {
        spooled++;
        spool.put(key, m);
      },
      take: spool.take,
    };
    function* source() {
      for (let i = 0; i < records.length; i++) {
        if (i === Math.floor(records.length / 2)) spooledAtHalf = spooled;
        yield records[i]!;
      }
    }
    const result = replayStream({ records: source }, { nodesWithLogs: [] }, counting);
    expect(spooledAtHalf).toBeGreaterThan(result.count * 0.4);
    expect([...result.migrations].map((m) => m.id)).toEqual(
      Array.from({ length: result.count }, (_, i) => i + 1),
    );
  });
});

function shiftDays(time: string, days: number): string {
  return millisToIso(isoToMillis(time) + days * 86_400_000);
}
