import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildReply, ChildRequest } from './fuzz-protocol.js';
import type { FuzzOutcome, FuzzTargetName } from './fuzz-targets.js';

/** What happened to one input. */
export type FuzzVerdict =
  | { kind: 'ok'; outcome: FuzzOutcome }
  | { kind: 'crash'; detail: string }
  | { kind: 'hang'; detail: string }
  | { kind: 'memory'; detail: string };

export interface FuzzRunnerOptions {
  /** Wall-clock allowance per input before it counts as a hang and the child is killed. */
  timeoutInMilliseconds: number;
  /** V8 heap cap of the child; exceeding it kills the child and counts as a memory finding. */
  maxHeapInMegabytes: number;
  /** Resident memory of the child after an input above which the input is a memory finding. */
  maxRssInMegabytes: number;
  /** Folder the child uses as TMPDIR (its input files and zip extraction folders). */
  tempFolder: string;
  /** Folder the tsx loader is resolved from (the repository root). */
  cwd: string;
}

const childScript = fileURLToPath(new URL('./fuzz-child.ts', import.meta.url));

/**
 * Runs fuzz inputs one at a time in a child process under a heap cap and a per-input time
 * limit; a child that crashes, hangs or runs out of memory is killed and replaced, and the
 * input is reported with what happened.
 */
export class FuzzRunner {
  private child: ChildProcess | null = null;
  private stderrTail = '';
  private nextId = 0;

  constructor(private readonly options: FuzzRunnerOptions) {}

  async run(target: FuzzTargetName, input: Uint8Array): Promise<FuzzVerdict> {
    const child = await this.start();
    const id = (this.nextId += 1);
    return new Promise<FuzzVerdict>((resolve) => {
      const finish = (verdict: FuzzVerdict, kill: boolean): void => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (kill) this.stop();
        resolve(verdict);
      };
      const onMessage = (reply: ChildReply): void => {
        if (reply.kind === 'done' && reply.id === id) {
          const rssInMegabytes = Math.round(reply.rssInBytes / 1024 ** 2);
          if (rssInMegabytes > this.options.maxRssInMegabytes) {
            finish(
              { kind: 'memory', detail: `child RSS ${rssInMegabytes} MiB after the input` },
              true,
            );
          } else finish({ kind: 'ok', outcome: reply.outcome }, false);
        }
        if (reply.kind === 'crash') {
          const { name, message, stack } = reply.error;
          const how = reply.escaped ? 'uncaught' : 'thrown';
          finish({ kind: 'crash', detail: `${how} ${name}: ${message}\n${stack}` }, reply.escaped);
        }
      };
      const onExit = (code: number | null, signal: string | null): void => {
        this.child = null;
        const tail = this.stderrTail.slice(-2000);
        const outOfMemory = /heap out of memory|Allocation failed/i.test(tail);
        const detail = `child exited (code ${code}, signal ${signal})\n${tail}`;
        finish({ kind: outOfMemory ? 'memory' : 'crash', detail }, false);
      };
      const timer = setTimeout(
        () =>
          finish(
            { kind: 'hang', detail: `no answer within ${this.options.timeoutInMilliseconds} ms` },
            true,
          ),
        this.options.timeoutInMilliseconds,
      );
      child.on('message', onMessage);
      child.on('exit', onExit);
      const request: ChildRequest = { id, target, input };
      child.send(request);
    });
  }

  /** Ends the child process, if one is running. */
  stop(): void {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null) child.kill('SIGKILL');
  }

  private async start(): Promise<ChildProcess> {
    if (this.child) return this.child;
    this.stderrTail = '';
    const child = fork(childScript, [], {
      cwd: this.options.cwd,
      execArgv: ['--import', 'tsx', `--max-old-space-size=${this.options.maxHeapInMegabytes}`],
      env: { ...process.env, TMPDIR: this.options.tempFolder },
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    child.stderr?.on('data', (data: Buffer) => {
      this.stderrTail = (this.stderrTail + data.toString('utf8')).slice(-8000);
    });
    await new Promise<void>((resolve, reject) => {
      const onReady = (reply: ChildReply): void => {
        if (reply.kind !== 'ready') return;
        child.off('message', onReady);
        child.off('exit', onEarlyExit);
        resolve();
      };
      const onEarlyExit = (code: number | null): void =>
        reject(new Error(`fuzz child did not start (exit code ${code}): ${this.stderrTail}`));
      child.on('message', onReady);
      child.once('exit', onEarlyExit);
    });
    this.child = child;
    return child;
  }
}
