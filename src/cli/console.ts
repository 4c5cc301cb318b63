/**
 * Control characters but tab and line feed, DEL, C1 controls and bidirectional overrides: a
 * file name holding them could move the cursor, rewrite the screen or the window title, or
 * show text reversed.
 */
const unsafeCharacters =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with the characters a terminal would act on shown as `\xHH` / `\uHHHH`. Pure. */
export function terminalSafe(text: string): string {
  return text.replace(unsafeCharacters, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\r') return '\\r';
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Talks to the person at the terminal on stderr: messages, warnings, a byte-measured progress bar. */
export class Console {
  private lastDraw = 0;
  private barShown = false;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    readonly quiet = false,
  ) {}

  /** An informational line (silenced by --quiet). */
  info(text: string): void {
    if (this.quiet) return;
    this.clearBar();
    this.stream.write(`${terminalSafe(text)}\n`);
  }

  /** A warning line (always shown). */
  warn(text: string): void {
    this.clearBar();
    this.stream.write(`warning: ${terminalSafe(text)}\n`);
  }

  /** Draws progress (bytes done of total) at most ten times a second, only on a terminal. */
  progress(label: string, done: number, total: number): void {
    if (this.quiet || !this.stream.isTTY || total <= 0) return;
    const now = Date.now();
    if (now - this.lastDraw < 100 && done < total) return;
    this.lastDraw = now;
    const width = 30;
    const ratio = Math.min(1, done / total);
    const filled = Math.round(ratio * width);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
    const text = `[${bar}] ${(ratio * 100).toFixed(0).padStart(3)}% ${formatBytes(done)}/${formatBytes(total)} ${terminalSafe(label)}`;
    const columns = this.stream.columns ?? 100;
    this.stream.write(`\r${text.slice(0, columns - 1)}\x1b[K`);
    this.barShown = true;
  }

  /** Removes the progress bar line. */
  clearBar(): void {
    if (!this.barShown) return;
    this.stream.write('\r\x1b[K');
    this.barShown = false;
  }
}

/** 1536 → "1.5 KB". Pure. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
