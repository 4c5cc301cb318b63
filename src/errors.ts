/**
 * The only error classes lmdoctor throws on purpose. `cli/run-program.ts` maps them to exit codes:
 * UserError → 1 with its hint, UsageError → 2, ParseError → recorded as a warning by readers,
 * anything else → InternalError text with a "please report" note.
 */

/** Something the person at the terminal can fix; `hint` says how. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** A command line that cannot be run as written (exit code 2). */
export class UsageError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'UsageError';
  }
}

/** A failure whose message is already written (by a child process): only its exit code is left. */
export class ReportedFailure extends Error {
  constructor(readonly exitCode: number) {
    super(`failed with exit code ${exitCode}`);
    this.name = 'ReportedFailure';
  }
}

/** Damaged or unexpected input at a known place in a file. */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly location: string,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}

/** A broken promise inside lmdoctor itself. */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}

/** The message of any thrown value, for warnings and logs. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
