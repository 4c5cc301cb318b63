/**
 * The process that runs fuzz inputs (started by FuzzRunner with the tsx loader and a heap cap).
 * One message in, one message out; an uncaught exception or unhandled rejection escaping a
 * reader is reported as a crash of the input being run, then the process exits.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFuzzTarget } from './fuzz-targets.js';
import type { ChildReply, ChildRequest } from './fuzz-protocol.js';

const folder = mkdtempSync(join(tmpdir(), 'lmdoctor-fuzz-input-'));
let current: number | null = null;

function send(reply: ChildReply): void {
  process.send?.(reply);
}

function describe(error: unknown): { name: string; message: string; stack: string } {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, stack: error.stack ?? '' };
  }
  return { name: typeof error, message: String(error), stack: '' };
}

function escaped(error: unknown): void {
  send({ id: current ?? -1, kind: 'crash', error: describe(error), escaped: true });
  process.exit(70);
}
process.on('uncaughtException', escaped);
process.on('unhandledRejection', escaped);

process.on('message', (message: ChildRequest) => {
  current = message.id;
  const input = Buffer.from(message.input);
  runFuzzTarget(message.target, input, folder).then(
    (outcome) =>
      send({ id: message.id, kind: 'done', outcome, rssInBytes: process.memoryUsage().rss }),
    (error: unknown) =>
      send({ id: message.id, kind: 'crash', error: describe(error), escaped: false }),
  );
});
send({ id: -1, kind: 'ready' });
