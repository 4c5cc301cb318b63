import { spawn } from 'node:child_process';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runsOnCommandThread } from '../../src/cli/command-thread.js';
import { writeStreamDirectly } from '../../src/cli/direct-stdio.js';
import type { TerminalFacts } from '../../src/cli/terminal.js';
import { repoRoot, runCli } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';

const mainScript = join(repoRoot, 'dist', 'cli', 'main.js');

/** What a worker's stdout and stderr answer after adoptTerminal(facts) (the built module). */
function adoptedInWorker(facts: TerminalFacts): Promise<unknown> {
  const terminal = pathToFileURL(join(repoRoot, 'dist', 'cli', 'terminal.js')).href;
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(${JSON.stringify(terminal)}).then(({ adoptTerminal }) => {
      adoptTerminal(workerData);
      const seen = (s) => ({ isTTY: s.isTTY, columns: s.columns, rows: s.rows,
        colors16: s.hasColors?.(), colors256: s.hasColors?.(256), depth: s.getColorDepth?.() });
      parentPort.postMessage({ stdout: seen(process.stdout), stderr: seen(process.stderr) });
    });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: facts });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('the command thread', () => {
  const tempDir = useTempDir();

  it('runs the commands that read a whole case, and only those', () => {
    for (const command of ['analyze', 'ingest', 'migrations', 'diagnose', 'timeline', 'report'])
      expect(runsOnCommandThread([command, 'x'])).toBe(true);
    expect(runsOnCommandThread(['--quiet', 'analyze'])).toBe(true);
    for (const args of [[], ['--version'], ['--help'], ['query', 'SELECT 1'], ['evtx', 'dump']])
      expect(runsOnCommandThread(args)).toBe(false);
  });

  it('answers terminal questions as the main thread’s terminal did', async () => {
    const seen = await adoptedInWorker({
      stdout: { isTTY: true, columns: 123, rows: 40, colorDepth: 8 },
      stderr: { isTTY: false },
    });
    expect(seen).toEqual({
      stdout: { isTTY: true, columns: 123, rows: 40, colors16: true, colors256: true, depth: 8 },
      // Not a terminal: a worker's stream says so already (isTTY undefined, as on a pipe).
      stderr: {},
    });
    const mono = (await adoptedInWorker({
      stdout: { isTTY: true, columns: 80, rows: 24, colorDepth: 1 },
      stderr: { isTTY: true, columns: 80, rows: 24, colorDepth: 4 },
    })) as Record<string, { colors16: boolean; colors256: boolean }>;
    expect(mono.stdout).toMatchObject({ colors16: false, colors256: false });
    expect(mono.stderr).toMatchObject({ colors16: true, colors256: false });
  });

  it('writes a stream straight to its file descriptor, before write returns', () => {
    const file = join(tempDir(), 'out.txt');
    const fd = openSync(file, 'w');
    try {
      const stream = {} as NodeJS.WriteStream;
      writeStreamDirectly(stream, fd);
      const text = 'ação\n'.repeat(100_000);
      expect(stream.write(text)).toBe(true);
      expect(fstatSync(fd).size).toBe(Buffer.byteLength(text));
      stream.write(Buffer.from('end\n'));
      expect(fstatSync(fd).size).toBe(Buffer.byteLength(text) + 4);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8').endsWith('ação\nend\n')).toBe(true);
  });

  it('keeps exit codes: 0, 1 with the message and hint, 2 for bad usage', () => {
    const empty = join(tempDir(), 'empty');
    mkdirSync(empty);
    const failed = runCli(['analyze', empty, '--db', join(tempDir(), 'case.db')]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/^lmdoctor: no log files found in .*\n {2}hint: /);
    const usage = runCli(['analyze', '--no-such-option']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/unknown option '--no-such-option'/);
    expect(runCli(['report', '--help']).status).toBe(0);
  });

  it('delivers all of a long output to a slow reader before the process ends', async () => {
    const db = join(tempDir(), 'case.db');
    expect(runCli(['ingest', 'sample-logs/bad-day', '--db', db, '-q']).status).toBe(0);
    const file = join(tempDir(), 'report.json');
    expect(runCli(['report', '--db', db, '--format', 'json', '-o', file]).status).toBe(0);

    // The reader waits before reading, so the pipe fills and the writer has to wait for it.
    const child = spawn(process.execPath, [mainScript, 'report', '--db', db, '--format', 'json']);
    child.stdout.pause();
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.stdout.resume();
    const status = await new Promise((resolve) => child.on('close', resolve));
    expect(status).toBe(0);
    const written = readFileSync(file);
    expect(written.length).toBeGreaterThan(100_000); // more than a pipe holds
    expect(Buffer.concat(chunks).equals(written)).toBe(true);
  });
});
