#!/usr/bin/env node
import { isMainThread, workerData } from 'node:worker_threads';
import {
  runOnCommandThread,
  runsOnCommandThread,
  type CommandThreadData,
} from './command-thread.js';

const entry = new URL(import.meta.url);

if (!isMainThread) {
  // The command thread of a heavy command (see command-thread.ts).
  const data = workerData as CommandThreadData;
  const { adoptTerminal } = await import('./terminal.js');
  adoptTerminal(data.terminal);
  const { writeStreamDirectly } = await import('./direct-stdio.js');
  // Windows consoles need node's own conversion; elsewhere write as the main thread would.
  if (!(data.terminal.stdout.isTTY && process.platform === 'win32'))
    writeStreamDirectly(process.stdout, 1);
  if (!(data.terminal.stderr.isTTY && process.platform === 'win32'))
    writeStreamDirectly(process.stderr, 2);
  const { runProgram } = await import('./run-program.js');
  process.exitCode = await runProgram(data.argv);
} else {
  // A run ended by a signal skips exit hooks: remove its zip extraction folders first.
  const { removeProcessExtractionFolders } = await import('../readers/archive/extract-zip.js');
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removeProcessExtractionFolders();
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    });
  }
  if (entry.pathname.endsWith('.js') && runsOnCommandThread(process.argv.slice(2))) {
    // Only from the built JavaScript: under tsx, node 20 starts a worker without tsx's loader.
    process.exitCode = await runOnCommandThread(entry, process.argv);
  } else {
    const { runProgram } = await import('./run-program.js');
    process.exitCode = await runProgram(process.argv);
  }
}
