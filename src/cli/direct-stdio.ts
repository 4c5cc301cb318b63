import { writeSync } from 'node:fs';
import { isClosedOutputError } from './closed-output.js';

/** For the short waits while a non-blocking pipe is full. */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `data` to `fd`, waiting a millisecond at a time while the pipe is full. Returns
 * false once the reader has gone away (EPIPE): nothing more can be written there.
 */
export function writeAll(fd: number, data: Uint8Array): boolean {
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += writeSync(fd, data, offset);
    } catch (error) {
      if (isClosedOutputError(error)) return false;
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
  return true;
}

type WriteCallback = (error?: Error | null) => void;

/**
 * Makes `stream.write` write straight to the file descriptor `fd`, synchronously, as the main
 * thread's stdout does for files and pipes on Linux. A worker thread's process.stdout instead
 * posts each chunk to the main thread and only asks for more later, so a command that writes a
 * long output in one synchronous loop (analyze --format json: 160 MiB at 1 GB of logs) would
 * hold all of it in memory before the first byte left. Once the reader has gone away (EPIPE),
 * later writes are dropped, as the main thread's closed stdout does (closed-output.ts); other
 * write errors are thrown to the caller.
 */
export function writeStreamDirectly(stream: NodeJS.WriteStream, fd: number): void {
  let open = true;
  const write = (
    chunk: string | Uint8Array,
    encoding?: BufferEncoding | WriteCallback,
    callback?: WriteCallback,
  ): boolean => {
    const done = typeof encoding === 'function' ? encoding : callback;
    const bytes =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
        : chunk;
    if (open) open = writeAll(fd, bytes);
    if (done) process.nextTick(done, null);
    return true;
  };
  Object.defineProperty(stream, 'write', { value: write, configurable: true, writable: true });
}
