/**
 * How the case layer tells its caller what it is doing: information and warnings as lines,
 * and progress in bytes. The CLI's Console implements it for a terminal; a library caller
 * passes its own (or `silentProgress`).
 */
export interface CaseProgress {
  /** An informational line. */
  info(text: string): void;
  /** A warning line: something was not as expected, the run goes on. */
  warn(text: string): void;
  /** Bytes done of the total, with what is being read. */
  progress(label: string, done: number, total: number): void;
  /** Progress drawing is over (before other output). */
  clearBar(): void;
}

/** A CaseProgress that says nothing. */
export const silentProgress: CaseProgress = {
  info: () => undefined,
  warn: () => undefined,
  progress: () => undefined,
  clearBar: () => undefined,
};
