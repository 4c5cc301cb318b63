import { parentPort, workerData } from 'node:worker_threads';
import { exportTables } from '../store/export-tables.js';
import { openStoreReadOnly } from '../store/open-database.js';
import { exportParquetDataset, type ParquetJob, type ParquetJobResult } from './export-parquet.js';

/**
 * A thread that writes some datasets of a Parquet export (export-case.ts hands it the large
 * ones the command thread does not write), reading the case through its own connection.
 */
const job = workerData as ParquetJob;
const db = openStoreReadOnly(job.dbPath);
try {
  const bad = new Map<string, number>();
  const result: ParquetJobResult = { datasets: [], bad: [] };
  for (const name of job.tables) {
    const table = exportTables.find((t) => t.name === name)!;
    result.datasets.push(
      exportParquetDataset(db, table, job.identity, job.root, job.createdBy, bad),
    );
  }
  result.bad = [...bad];
  parentPort?.postMessage(result);
} finally {
  db.close();
}
