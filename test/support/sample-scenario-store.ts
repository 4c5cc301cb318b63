import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { silentProgress } from '../../src/case/progress.js';
import { ingestPaths } from '../../src/case/ingest-case.js';
import { openStore, type Store } from '../../src/store/open-database.js';
import { repoRoot } from './run-cli.js';

const samples = join(repoRoot, 'sample-logs');

/** The sample scenarios that have an expected.json, by folder name, sorted. */
export const sampleScenarios: readonly string[] = readdirSync(samples, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(samples, entry.name, 'expected.json')))
  .map((entry) => entry.name)
  .sort();

/** A fresh in-memory case database holding one sample scenario's logs (not replayed yet). */
export async function ingestSampleScenario(scenario: string): Promise<Store> {
  const db = openStore(':memory:');
  await ingestPaths(db, [join(samples, scenario)], { force: false, jobs: 1 }, silentProgress);
  return db;
}
