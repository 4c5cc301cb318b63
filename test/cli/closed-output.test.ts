import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';

const mainScript = join(repoRoot, 'dist', 'cli', 'main.js');

interface Ended {
  status: number | null;
  stderr: string;
  stdoutBytes: number;
}

/** Runs the built CLI and closes its stdout after the first chunk, as `| head -1` does. */
function runAndCloseAfterFirstChunk(args: string[]): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [mainScript, ...args], {
      cwd: repoRoot,
      env: { ...process.env, LMDOCTOR_DB: '', NO_COLOR: '1' },
    });
    let stderr = '';
    let stdoutBytes = 0;
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
    child.stdout.once('data', (data: Buffer) => {
      stdoutBytes = data.length;
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr, stdoutBytes }));
  });
}

describe('a reader that goes away before the output ends', () => {
  const tempDir = useTempDir();

  it('ends a command quietly, on the command thread and on the main thread', async () => {
    const db = join(tempDir(), 'case.sqlite');
    const analyzed = runCli(['analyze', 'sample-logs/bad-day', '--db', db, '--quiet']);
    expect(analyzed.status).toBe(0);
    const full = runCli(['timeline', '--db', db, '--format', 'json']);
    // Far more than a pipe holds, so the writes after the first chunk meet the closed pipe.
    expect(full.stdout.length).toBeGreaterThan(256 * 1024);

    const commands = [
      ['timeline', '--db', db, '--format', 'json'], // a heavy command: the command thread
      [
        'query',
        '--db',
        db,
        '--format',
        'json',
        'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 300000) SELECT x FROM c',
      ], // the main thread
    ];
    for (const args of commands) {
      const ended = await runAndCloseAfterFirstChunk(args);
      expect(ended.stdoutBytes).toBeGreaterThan(0);
      expect(ended.stderr).not.toMatch(/internal error|EPIPE|Unhandled/);
      expect(ended.status).toBe(0);
    }
  });
});
