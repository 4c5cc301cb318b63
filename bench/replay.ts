/**
 * Benchmark: replay of generated classified records (not a test). Usage:
 * npm run bench:replay -- [--records 1000000] [--reference]. Prints records/s and peak RSS.
 * By default the streamed replay that lmdoctor runs (two passes over records generated on the
 * fly, migrations spooled to a temporary SQLite table); `--reference` runs the in-memory
 * reconstruction on the same records held in an array.
 */
import type { RecordRole } from '../src/catalog/types.js';
import { millisToIso } from '../src/model/time.js';
import { reconstructMigrations } from '../src/replay/reconstruct-migrations.js';
import type { ReplayRecord } from '../src/replay/replay-record.js';
import { replayStream } from '../src/replay/stream-replay.js';
import { openMigrationSpool } from '../src/store/migration-spool.js';
import { openStore } from '../src/store/open-database.js';
import { machineLine } from './side-by-side.js';

const recordsArg = process.argv.indexOf('--records');
const target = recordsArg > 0 ? Number(process.argv[recordsArg + 1]) : 1_000_000;
const nodes = ['HV01', 'HV02', 'HV03', 'HV04'];
const vmCount = 400;

/** One live migration as 12 records from both sides, plus context, starting at `at`. */
const shape: [RecordRole, 0 | 1, number][] = [
  ['group-move-requested', 0, 0],
  ['lm-start-source', 0, 200],
  ['lm-start-destination', 1, 650],
  ['lm-phase-start', 0, 9000],
  ['lm-phase-start', 1, 9200],
  ['lm-phase-end', 0, 9400],
  ['lm-phase-start', 0, 9450],
  ['lm-phase-end', 0, 9700],
  ['lm-phase-end', 1, 9800],
  ['lm-complete-blackout', 0, 9900],
  ['lm-complete-source', 0, 10000],
  ['lm-complete-destination', 1, 10100],
];

const reference = process.argv.includes('--reference');

/**
 * The generated records in time order, as the store gives them (a fresh pass each call).
 * Migrations overlap (10 s long, one every 4 s): records wait until no later migration can
 * come before them.
 */
function* generate(): Generator<ReplayRecord> {
  const byTime = (a: ReplayRecord, b: ReplayRecord) =>
    a.time < b.time ? -1 : a.time > b.time ? 1 : 0;
  let pending: ReplayRecord[] = [];
  let count = 0;
  let id = 1;
  let clock = Date.UTC(2024, 0, 1);
  let migration = 0;
  while (count < target) {
    const before = pending.length;
    migrationRecords(pending, migration, clock, () => id++);
    count += pending.length - before;
    clock += 4000;
    migration++;
    const next = millisToIso(clock);
    pending.sort(byTime);
    const ready = pending.filter((r) => r.time < next);
    pending = pending.filter((r) => r.time >= next);
    yield* ready;
  }
  yield* pending;
}

/** One migration's records (and now and then a network going down) at `clock`. */
function migrationRecords(
  records: ReplayRecord[],
  migration: number,
  clock: number,
  nextId: () => number,
): void {
  const vm = migration % vmCount;
  const source = nodes[vm % nodes.length]!;
  const destination = nodes[(vm + 1 + (migration % 3)) % nodes.length]!;
  const vmId = `00000000-0000-4000-8000-${String(vm).padStart(12, '0')}`;
  for (const [role, side, offset] of shape) {
    records.push({
      table: role === 'group-move-requested' ? 'cluster_log' : 'events',
      id: nextId(),
      time: millisToIso(clock + offset),
      node: side === 0 ? source : destination,
      role,
      category: role.startsWith('lm-') ? 'migration' : 'group',
      side: null,
      fields: { vmId, resource: `Virtual Machine VM${vm}` },
      label: role,
      text: '',
    });
  }
  if (migration % 50 === 0) {
    records.push({
      table: 'events',
      id: nextId(),
      time: millisToIso(clock + 5000),
      node: source,
      role: 'network-down',
      category: 'network',
      side: null,
      fields: { network: 'LM' },
      label: '1130',
      text: '',
    });
  }
}

const held = reference ? [...generate()] : [];
const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
let migrations = 0;
let records = 0;
if (reference) {
  records = held.length;
  migrations = reconstructMigrations(held, nodes).migrations.length;
} else {
  const db = openStore(':memory:');
  const spool = openMigrationSpool(db);
  const result = replayStream(
    {
      records: function* () {
        records = 0;
        for (const record of generate()) {
          records++;
          yield record;
        }
      },
    },
    { nodesWithLogs: nodes },
    spool,
  );
  for (const migration of result.migrations) migrations += migration.id > 0 ? 1 : 0;
  spool.close();
  db.close();
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakMiB = process.resourceUsage().maxRSS / 1024;
console.log(machineLine());
console.log(
  `${reference ? 'in-memory reference replay' : 'streamed replay (two passes)'}: ${records} records, ${migrations} migrations in ${seconds.toFixed(2)} s: ` +
    `${Math.round(records / seconds)} records/s; CPU ${cpuSeconds.toFixed(2)} s (${Math.round(records / cpuSeconds)} records per CPU-second); ` +
    `peak RSS ${peakMiB.toFixed(0)} MiB${reference ? ' (records held in memory)' : ' (records generated as read)'}`,
);
