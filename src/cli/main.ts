#!/usr/bin/env node
import { CommanderError } from 'commander';
import { UsageError, UserError } from '../errors.js';
import { buildProgram } from './program.js';

/** Exit codes: 0 success, 1 failure to run, 2 bad usage. */
const exitFailure = 1;
const exitUsage = 2;

async function main(argv: string[]): Promise<number> {
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
  if (error instanceof UserError) {
    process.stderr.write(`lmdoctor: ${error.message}\n`);
    if (error.hint) process.stderr.write(`  hint: ${error.hint}\n`);
    return error instanceof UsageError ? exitUsage : exitFailure;
  }
  const detail =
    error instanceof Error
      ? process.env.LMDOCTOR_DEBUG
        ? error.stack
        : error.message
      : String(error);
  process.stderr.write(
    `lmdoctor: internal error: ${detail}\n  This is a bug in lmdoctor; please report it with the command you ran (LMDOCTOR_DEBUG=1 shows the stack).\n`,
  );
  return exitFailure;
}

process.exitCode = await main(process.argv);
