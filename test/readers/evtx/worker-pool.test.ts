import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  endIdleWorkers,
  releaseWorkers,
  startWorkers,
  takeWorkers,
} from '../../../src/readers/evtx/threads/worker-pool.js';

const folder = mkdtempSync(join(tmpdir(), 'lmdoctor-pool-'));
const script = join(folder, 'idle-worker.mjs');
writeFileSync(
  script,
  "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => {});\n",
);
const url = pathToFileURL(script);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('EVTX worker pool', () => {
  it('hands an idle worker back out, and ends idle workers when released by the reader', async () => {
    const [first] = takeWorkers(url, 1);
    expect(first).toBeDefined();
    const firstId = first!.threadId;
    releaseWorkers([first!]);
    const [again] = takeWorkers(url, 1);
    expect(again!.threadId).toBe(firstId);
    releaseWorkers([again!]);

    const exited = new Promise<number>((resolve) => again!.once('exit', resolve));
    await endIdleWorkers();
    await exited;
    expect(again!.threadId).toBe(-1);
    const [fresh] = takeWorkers(url, 1);
    expect(fresh!.threadId).not.toBe(firstId);
    releaseWorkers([fresh!]);
    await endIdleWorkers();
  });

  it('starts workers ahead of a scan, which then takes those same workers', async () => {
    startWorkers(url, 2);
    startWorkers(url, 2); // already two idle: none more
    const taken = takeWorkers(url, 3);
    const ids = taken.map((worker) => worker.threadId);
    expect(new Set(ids).size).toBe(3);
    // The third is new: started after the two that were waiting.
    expect(ids[2]).toBeGreaterThan(Math.max(ids[0]!, ids[1]!));
    releaseWorkers(taken);
    await endIdleWorkers();
    expect(taken.every((worker) => worker.threadId === -1)).toBe(true);
  });
});
