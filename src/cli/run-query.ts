import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ReportedFailure, UserError } from '../errors.js';
import type { SqlParams } from '../store/run-sql.js';
import type { RowFormat } from './output.js';

/** What the query child process runs (query-child.ts). */
export interface QueryJob {
  db: string;
  sql: string;
  params: SqlParams;
  format: RowFormat;
}

/** `--timeout` when none is given: long for a case query, short enough for a person waiting. */
export const defaultQueryTimeoutSeconds = 60;

/**
 * Runs `job` in a child process whose rows go straight to this process's stdout, and ends it
 * when it has run `timeoutSeconds` (0: no limit): SQLite offers no way to interrupt a query
 * from JavaScript, and a recursive CTE can run forever. Throws UserError on timeout and
 * ReportedFailure when the child failed (it has written why).
 */
export async function runQueryInChild(job: QueryJob, timeoutSeconds: number): Promise<void> {
  const script = fileURLToPath(
    new URL(`./query-child${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url),
  );
  const child = spawn(process.execPath, [...process.execArgv, script, JSON.stringify(job)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let timedOut = false;
  const timer =
    timeoutSeconds > 0
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, timeoutSeconds * 1000)
      : null;
  const stopOnSignal = (signal: NodeJS.Signals) => child.kill(signal);
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
  }).finally(() => {
    if (timer) clearTimeout(timer);
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
  });
  if (timedOut)
    throw new UserError(
      `the query ran for ${timeoutSeconds} s and was stopped (--timeout ${timeoutSeconds})`,
      'narrow it (WHERE, LIMIT) or allow more time with --timeout <seconds>; --timeout 0 never stops it',
    );
  if (code !== 0) throw new ReportedFailure(code);
}
