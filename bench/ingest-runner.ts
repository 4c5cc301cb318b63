/**
 * Child process of the ingest benchmarks: reads the given paths into a new database with the
 * ingest step alone (discovery, reading, storing, settling cluster log times), without the
 * replay that `lmdoctor ingest` runs afterwards, so the figure is the read-into-store rate.
 * Usage: node --import tsx bench/ingest-runner.ts DB PATH...
 */
import { Console } from '../src/cli/console.js';
import { ingestPaths } from '../src/cli/ingest-files.js';
import { openStore } from '../src/store/open-database.js';

const [dbPath, ...paths] = process.argv.slice(2);
if (dbPath === undefined || paths.length === 0) {
  console.error('usage: ingest-runner DB PATH...');
  process.exit(2);
}
const db = openStore(dbPath);
const report = await ingestPaths(
  db,
  paths,
  { force: false, jobs: 1 },
  new Console(process.stderr, true),
);
db.close();
console.log(JSON.stringify({ records: report.records, warnings: report.warnings }));
