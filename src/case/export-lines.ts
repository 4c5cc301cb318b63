import { rmSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseIdentity } from '../export/case-identity.js';
import { ecsAction, ecsDatasets, ecsDocument, type EcsDataset } from '../export/ecs-document.js';
import { ecsIndexTemplate } from '../export/ecs-index-template.js';
import { EventMeanings } from '../export/event-role.js';
import type { StoredRow } from '../export/record-views.js';
import { timesketchRow } from '../export/timesketch-row.js';
import { utcMicros } from '../export/utc-micros.js';
import { LineFiles } from '../export/write/line-files.js';
import { columnsOf, exportTables, iterateTableRows } from '../store/export-tables.js';
import type { Store } from '../store/open-database.js';
import type { DatasetExport } from './export-parquet.js';

/** Bulk files stay below this size, a comfortable request for Elasticsearch and OpenSearch. */
export const bulkFileBytes = 16 * 1024 * 1024;

/** What a line-format export wrote. */
export interface LinesExport {
  datasets: DatasetExport[];
  paths: string[];
  /** Records left out because they have no UTC time, by dataset. */
  untimed: { name: string; count: number }[];
}

/** The stored rows of a dataset as objects by column name. */
function* rowsOf(db: Store, dataset: EcsDataset): Generator<StoredRow> {
  const table = exportTables.find((t) => t.name === dataset);
  if (!table) return;
  const columns = columnsOf(db, table);
  for (const values of iterateTableRows(db, table, columns)) {
    const row: StoredRow = {};
    for (let i = 0; i < columns.length; i++) row[columns[i]!.name] = values[i] ?? null;
    yield row;
  }
}

/** Removes files of an earlier export of the same case that start with `prefix`. */
function removeEarlier(output: string, prefix: string): void {
  for (const name of readdirSync(output))
    if (name.startsWith(prefix)) rmSync(join(output, name), { force: true });
}

/**
 * Writes the case's events, cluster log lines, migrations and findings as lines: Elastic bulk
 * NDJSON (`ecs`, files of at most 16 MiB, the index template beside them) or one Timesketch
 * JSONL timeline (`timesketch`). Files of an earlier export of the same case are replaced.
 */
export function exportLines(
  db: Store,
  format: 'ecs' | 'timesketch',
  identity: CaseIdentity,
  output: string,
  caseStart: string | null,
): LinesExport {
  const startMicros = caseStart === null ? null : utcMicros(caseStart);
  const prefix = `lmdoctor-${identity.caseId}`;
  removeEarlier(output, `${prefix}${format === 'ecs' ? '-' : '.'}`);
  const files =
    format === 'ecs'
      ? new LineFiles(
          (i) => join(output, `${prefix}-${String(i).padStart(5, '0')}.ndjson`),
          bulkFileBytes,
        )
      : new LineFiles(() => join(output, `${prefix}.timesketch.jsonl`));
  const meanings = new EventMeanings();
  const result: LinesExport = { datasets: [], paths: [], untimed: [] };
  try {
    for (const dataset of ecsDatasets) {
      let rows = 0;
      let untimed = 0;
      for (const row of rowsOf(db, dataset)) {
        const record =
          format === 'ecs'
            ? ecsDocument(dataset, row, identity, meanings, startMicros)
            : timesketchRow(dataset, row, identity, meanings, startMicros);
        if (record === null) {
          untimed++;
          continue;
        }
        if (format === 'ecs')
          files.write(ecsAction(dataset, row, identity), JSON.stringify(record));
        else files.write(JSON.stringify(record));
        rows++;
      }
      result.datasets.push({ name: dataset, rows, files: 0 });
      if (untimed > 0) result.untimed.push({ name: dataset, count: untimed });
    }
  } finally {
    files.close();
  }
  result.paths.push(...files.paths);
  if (format === 'ecs') {
    const template = join(output, 'lmdoctor-index-template.json');
    writeFileSync(template, `${JSON.stringify(ecsIndexTemplate(), null, 2)}\n`);
    result.paths.push(template);
  }
  return result;
}
