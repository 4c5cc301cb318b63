import { CommanderError } from 'commander';
import { errorMessage, ReportedFailure, UsageError, UserError } from '../errors.js';
import { isDatabaseAccessError, isDiskFullError } from '../store/database-access.js';
import { tolerateClosedStdout } from './closed-output.js';
import { terminalSafe } from './console.js';
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
  if (isDatabaseAccessError(error) || isDiskFullError(error)) {
    // Met while working, after the database opened: the file or disk changed under us.
    process.stderr.write(
      `lmdoctor: the case database could not be written: ${errorMessage(error)}\n`,
    );
    process.stderr.write(
      '  hint: check that the --db file and its folder are writable and the disk has room, then run the command again\n',
    );
    return exitFailure;
  }
  if (error instanceof UserError) {
    process.stderr.write(`lmdoctor: ${terminalSafe(error.message)}\n`);
    if (error.hint) process.stderr.write(`  hint: ${terminalSafe(error.hint)}\n`);
    return error instanceof UsageError ? exitUsage : exitFailure;
  }
  reportInternalError(error);
  return exitFailure;
}
