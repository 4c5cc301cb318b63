/** What a command needs to know about one of the process's output streams. */
export interface StreamFacts {
  isTTY: boolean;
  columns?: number;
  rows?: number;
  /** tty.WriteStream#getColorDepth() (1, 4, 8 or 24) on a terminal. */
  colorDepth?: number;
}

/** The terminal facts of stdout and stderr, measured on the main thread. */
export interface TerminalFacts {
  stdout: StreamFacts;
  stderr: StreamFacts;
}

function factsOf(stream: NodeJS.WriteStream): StreamFacts {
  if (stream.isTTY !== true) return { isTTY: false };
  return {
    isTTY: true,
    columns: stream.columns,
    rows: stream.rows,
    colorDepth: stream.getColorDepth(),
  };
}

/** This thread's stdout and stderr as terminal facts (call it on the main thread). */
export function terminalFacts(): TerminalFacts {
  return { stdout: factsOf(process.stdout), stderr: factsOf(process.stderr) };
}

function adopt(stream: NodeJS.WriteStream, facts: StreamFacts): void {
  if (!facts.isTTY) return; // a worker's stdio is already not a terminal
  const depth = facts.colorDepth ?? 1;
  Object.defineProperties(stream, {
    isTTY: { value: true, configurable: true },
    columns: { value: facts.columns, configurable: true },
    rows: { value: facts.rows, configurable: true },
    getColorDepth: { value: () => depth, configurable: true },
    hasColors: {
      value: (count?: number | object) => (typeof count === 'number' ? count : 16) <= 2 ** depth,
      configurable: true,
    },
  });
}

/**
 * Makes a worker thread's process.stdout and process.stderr (which the main thread's streams
 * carry) answer isTTY, columns, rows and the colour questions as the main thread's did, so a
 * command behaves on a worker as it would on the main thread: progress bars, table widths,
 * the default output format and help wrapping follow the real terminal.
 */
export function adoptTerminal(facts: TerminalFacts): void {
  adopt(process.stdout, facts.stdout);
  adopt(process.stderr, facts.stderr);
}
