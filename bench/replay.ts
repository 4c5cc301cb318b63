/**
 * Benchmark: replay of generated classified records (not a test). Usage:
 * npm run bench:replay -- [--records 1000000]. Prints records/s and peak RSS.
 */
import type { RecordRole } from '../src/catalog/types.js';
import { millisToIso } from '../src/model/time.js';
import { reconstructMigrations } from '../src/replay/reconstruct-migrations.js';
import type { ReplayRecord } from '../src/replay/replay-record.js';

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

const records: ReplayRecord[] = [];
let id = 1;
let clock = Date.UTC(2024, 0, 1);
let migration = 0;
while (records.length < target) {
  const vm = migration % vmCount;
  const source = nodes[vm % nodes.length]!;
  const destination = nodes[(vm + 1 + (migration % 3)) % nodes.length]!;
  const vmId = `00000000-0000-4000-8000-${String(vm).padStart(12, '0')}`;
  for (const [role, side, offset] of shape) {
    records.push({
      table: role === 'group-move-requested' ? 'cluster_log' : 'events',
      id: id++,
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
      id: id++,
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
  clock += 4000;
  migration++;
}

const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
const result = reconstructMigrations(records, nodes);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakMiB = process.resourceUsage().maxRSS / 1024;
console.log(
  `replay: ${records.length} records, ${result.migrations.length} migrations in ${seconds.toFixed(2)} s: ` +
    `${Math.round(records.length / seconds)} records/s; CPU ${cpuSeconds.toFixed(2)} s (${Math.round(records.length / cpuSeconds)} records per CPU-second); ` +
    `peak RSS ${peakMiB.toFixed(0)} MiB (records held in memory)`,
);
