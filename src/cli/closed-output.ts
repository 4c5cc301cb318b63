/**
 * A reader that goes away before the output ends (`lmdoctor timeline | head`) is not an error:
 * the command finishes its work (an analysis still stores its findings) and exits as it would
 * have, and what it would have printed after that point is dropped.
 */
export function isClosedOutputError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/** Makes a closed stdout end quietly instead of as an unhandled 'error' event. */
export function tolerateClosedStdout(): void {
  process.stdout.on('error', (error: Error) => {
    if (!isClosedOutputError(error)) throw error;
  });
}
