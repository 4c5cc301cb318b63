import { closeSync, openSync, writeSync } from 'node:fs';

/** Characters gathered before a write. */
const pieceLength = 256 * 1024;

/**
 * Text lines written to a numbered series of files (`name(1)`, `name(2)`, …), each at most
 * `maxBytes` long unless one group alone is longer: a group (a bulk action and its document)
 * never straddles two files. With `maxBytes` Infinity, one file.
 */
export class LineFiles {
  private fd: number | null = null;
  private piece = '';
  private bytes = 0;
  readonly paths: string[] = [];
  lines = 0;

  constructor(
    private readonly nameOf: (index: number) => string,
    private readonly maxBytes = Infinity,
  ) {}

  /** Writes lines that belong together (each without its line end). */
  write(...lines: string[]): void {
    const text = `${lines.join('\n')}\n`;
    const size = Buffer.byteLength(text);
    if (this.fd === null || (this.bytes > 0 && this.bytes + size > this.maxBytes)) this.next();
    this.piece += text;
    this.bytes += size;
    this.lines += lines.length;
    if (this.piece.length >= pieceLength) this.drain();
  }

  /** Writes what is gathered and closes the current file. */
  close(): void {
    if (this.fd === null) return;
    this.drain();
    closeSync(this.fd);
    this.fd = null;
  }

  private next(): void {
    this.close();
    const path = this.nameOf(this.paths.length + 1);
    this.fd = openSync(path, 'w');
    this.paths.push(path);
    this.bytes = 0;
  }

  private drain(): void {
    if (this.fd !== null && this.piece !== '') writeSync(this.fd, this.piece);
    this.piece = '';
  }
}
