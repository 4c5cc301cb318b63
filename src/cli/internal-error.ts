/** Writes the "this is a bug" message for an error lmdoctor did not mean to throw. */
export function reportInternalError(error: unknown): void {
  const detail =
    error instanceof Error
      ? process.env.LMDOCTOR_DEBUG
        ? error.stack
        : error.message
      : String(error);
  process.stderr.write(
    `lmdoctor: internal error: ${detail}\n  This is a bug in lmdoctor; please report it with the command you ran (LMDOCTOR_DEBUG=1 shows the stack).\n`,
  );
}
