/**
 * Benchmark: the ingest step (read + store) on a generated cluster log (2016+ shape: header,
 * then lines of every kind the reader meets, some multi-line). Not a test. Runs the built
 * JavaScript, as `lmdoctor` does, twice: with one job (everything on one thread) and with two
 * (a worker thread reads and parses while the main thread stores).
 * Usage: npm run bench:cluster-log -- [--mb 500] [--utf16] [--jobs 1,2]. Prints MiB/s and
 * MB/s (10^6 bytes) by wall clock and by CPU time, lines/s, peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureCommand, rate } from './measure-command.js';
import { machineLine } from './side-by-side.js';

const mbArg = process.argv.indexOf('--mb');
const targetMiB = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 500;
const utf16 = process.argv.includes('--utf16');
const jobsArg = process.argv.indexOf('--jobs');
const jobCounts = (jobsArg > 0 ? (process.argv[jobsArg + 1] ?? '') : '1,2').split(',').map(Number);
const dir = mkdtempSync(join(tmpdir(), 'lmdoctor-bench-cluster-log-'));
const file = join(dir, 'HV01.contoso.local_cluster.log');

const header = [
  '[=== Cluster ===]',
  'Build Number 17763',
  'Current node: name (HV01) id (1)',
  '',
  '[=== Nodes ===]',
  'Name,Id,comp,state,NodeNumber,IsLocalNode',
  'HV01,1,x,Up,1,true',
  'HV02,2,x,Up,2,false',
  '',
  '[=== Cluster Logs ===]',
];

// Message shapes after the real lines of shared/reference/cluster-log.md; names invented.
const templates = [
  (vm: string) => `INFO  [RCM] rcm::RcmApi::MoveGroup: (${vm}, 2)`,
  (vm: string) => `INFO  [RCM] TransitionToState(${vm}) Online-->OfflineCallIssued.`,
  (vm: string) =>
    `INFO  [RCM] move of group ${vm} from HV01(1) to HV02(2) of type MoveType::Manual is about to succeed, failoverCount=0, lastFailoverTime=1601/01/01-00:00:00.000 targeted=true`,
  (vm: string) =>
    `INFO  [RES] Virtual Machine <Virtual Machine ${vm}>: Current state 'MigrationSourceInProgress'`,
  () =>
    'DBG   [NETFTAPI] Signaled NetftRemoteReachable event, local address 10.0.5.11:3343 remote address 10.0.5.12:3343',
  () => 'INFO  [IM] got event: Remote endpoint 10.0.5.12:~3343~ reachable from 10.0.5.11:~3343~',
  () => 'WARN  [RHS] Resource Cluster IP Address IsAlive has indicated failure.',
  () => 'ERR   [QUORUM] Node 1: Lost quorum (1 2)',
  () =>
    'INFO  [GUM] Node 1: executing request locally, gumId:1234, my action: /dm/update, # of updates: 1',
];

function hex(value: number): string {
  return value.toString(16).padStart(8, '0');
}

const fd = openSync(file, 'w');
const encode = (text: string): Buffer => Buffer.from(text, utf16 ? 'utf16le' : 'utf8');
if (utf16) writeSync(fd, Buffer.from([0xff, 0xfe]));
writeSync(fd, encode(header.join('\r\n') + '\r\n'));
let lines = 0;
let written = 0;
const start = Date.UTC(2024, 2, 12, 8);
while (written < targetMiB * 1024 * 1024) {
  const batch: string[] = [];
  for (let k = 0; k < 2000; k++) {
    const i = lines++;
    const stamp = new Date(start + i * 3)
      .toISOString()
      .replace('T', '-')
      .replace(/-/g, '/')
      .slice(0, 23);
    const time = `${stamp.slice(0, 10)}-${stamp.slice(11)}`;
    const prefix = `${hex(0x1320 + (i % 3))}.${hex(0x1700 + (i % 40))}::${time}`;
    const template = templates[i % templates.length] ?? templates[0];
    batch.push(`${prefix} ${template?.(`VM${String(i % 300).padStart(3, '0')}`) ?? ''}`);
    if (i % 50 === 0)
      batch.push(`${prefix} INFO    <Delay>1000</Delay>`, `${prefix} INFO   removed`);
  }
  const bytes = encode(batch.join('\r\n') + '\r\n');
  writeSync(fd, bytes);
  written += bytes.length;
}
closeSync(fd);
const bytes = statSync(file).size;
const mib = bytes / 1024 / 1024;
const mb = bytes / 1e6;

const build = spawnSync('npm', ['run', 'build'], { encoding: 'utf8' });
if (build.status !== 0) console.error(`npm run build reported errors:\n${build.stdout}`);

console.log(machineLine());
for (const jobs of jobCounts) {
  // The ingest step alone (read, store, settle times): replay is measured on its own.
  const result = measureCommand(process.execPath, [
    '--import',
    'tsx',
    'bench/ingest-runner.ts',
    '--dist',
    '--jobs',
    String(jobs),
    join(dir, `bench-${jobs}.db`),
    file,
  ]);
  if (result.status !== 0) {
    console.error(result.stderr);
    rmSync(dir, { recursive: true, force: true });
    process.exit(1);
  }
  // On a shared machine wall time depends on the neighbours; CPU time much less so.
  const cpu = ['User time', 'System time']
    .map((label) => new RegExp(`${label} \\(seconds\\): ([\\d.]+)`).exec(result.stderr)?.[1])
    .reduce((sum, value) => sum + Number(value ?? 'NaN'), 0);
  const main = (
    JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as {
      mainThreadCpuSeconds?: number | null;
    }
  ).mainThreadCpuSeconds;
  console.log(
    `cluster-log ingest (${utf16 ? 'UTF-16LE' : 'UTF-8'}), ${jobs} job${jobs === 1 ? '' : 's'}: ` +
      `${mib.toFixed(0)} MiB, ${lines} lines in ${result.seconds.toFixed(1)} s: ` +
      `${rate(mib, result.seconds)} MiB/s (${rate(mb, result.seconds)} MB/s), ${rate(lines, result.seconds)} lines/s, ` +
      `peak RSS ${result.peakRssMiB === null ? 'n/a (no /usr/bin/time)' : `${result.peakRssMiB.toFixed(0)} MiB`}` +
      (Number.isNaN(cpu)
        ? ''
        : `; CPU ${cpu.toFixed(1)} s: ${rate(mib, cpu)} MiB (${rate(mb, cpu)} MB) per CPU-second`) +
      (typeof main === 'number'
        ? `; main thread ${main.toFixed(1)} s: ${rate(mb, main)} MB per main-thread CPU-second`
        : ''),
  );
}
rmSync(dir, { recursive: true, force: true });
