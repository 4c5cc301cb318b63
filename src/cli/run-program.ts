import { CommanderError } from 'commander';
import { ReportedFailure, UsageError, UserError } from '../errors.js';
import { tolerateClosedStdout } from './closed-output.js';
import { reportInternalError } from './internal-error.js';
import { buildProgram } from './program.js';

/** Exit codes: 0 success, 1 failure to run, 2 bad usage. */
const exitFailure = 1;
const exitUsage = 2;

/** Runs the command line `argv` (as in `process.argv`) and returns the exit code. */
export async function runProgram(argv: string[]): Promise<number> {
  tolerateClosedStdout();
  const program = await buildProgram(argv.slice(2));
  program.exitOverride();
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help / version text).
    return error.exitCode === 0 ? 0 : exitUsage;
  }
  if (error instanceof ReportedFailure) return error.exitCode;
  if (error instanceof UserError) {
    process.stderr.write(`lmdoctor: ${error.message}\n`);
    if (error.hint) process.stderr.write(`  hint: ${error.hint}\n`);
    return error instanceof UsageError ? exitUsage : exitFailure;
  }
  reportInternalError(error);
  return exitFailure;
}
