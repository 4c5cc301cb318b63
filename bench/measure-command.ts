import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Measured {
  seconds: number;
  /** Peak resident set size in MiB, when /usr/bin/time is available. */
  peakRssMiB: number | null;
  /** User + system CPU time of the command in seconds, when /usr/bin/time is available. */
  cpuSeconds: number | null;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command once, timing it and (with GNU time) reading its peak RSS. */
export function measureCommand(command: string, args: string[]): Measured {
  const gnuTime = existsSync('/usr/bin/time');
  const started = process.hrtime.bigint();
  const result = gnuTime
    ? spawnSync('/usr/bin/time', ['-v', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? '');
  const user = /User time \(seconds\): ([\d.]+)/.exec(result.stderr ?? '');
  const system = /System time \(seconds\): ([\d.]+)/.exec(result.stderr ?? '');
  return {
    seconds,
    peakRssMiB: rss?.[1] ? Number(rss[1]) / 1024 : null,
    cpuSeconds: user?.[1] && system?.[1] ? Number(user[1]) + Number(system[1]) : null,
    status: result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
  };
}

/** "12.3 MB/s" style figures. */
export function rate(amount: number, seconds: number): string {
  return seconds > 0 ? (amount / seconds).toFixed(1) : 'n/a';
}
