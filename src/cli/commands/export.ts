import { Command, Option } from 'commander';
import {
  exportCase,
  exportFormats,
  openCaseForExport,
  type ExportFormat,
} from '../../case/export-case.js';
import { availableParallelism } from 'node:os';
import { databaseOption, parsePositiveInt, quietOption } from '../common-options.js';
import { Console } from '../console.js';

interface ExportCommandOptions {
  db: string;
  format: ExportFormat;
  output: string;
  caseId?: string;
  cluster?: string;
  quiet?: boolean;
  jobs?: number;
}

/** `lmdoctor export`: the case as Parquet datasets, Elastic bulk NDJSON or Timesketch JSONL. */
export function exportCommand(): Command {
  return new Command('export')
    .description(
      'export the case for other engines: Parquet datasets (DuckDB, Spark, Trino), Elastic/OpenSearch bulk NDJSON with ECS fields, or a Timesketch timeline',
    )
    .addOption(databaseOption())
    .addOption(
      new Option('--format <format>', 'parquet, ecs or timesketch')
        .choices(exportFormats)
        .makeOptionMandatory(),
    )
    .requiredOption('-o, --output <dir>', 'folder to write into (other cases in it are kept)')
    .option(
      '--case-id <id>',
      'case id written on every row (default: lmd- and 12 hex digits from the contents of the case files)',
    )
    .option(
      '--cluster <name>',
      'cluster name written on every row (default: from the configuration dumps)',
    )
    .addOption(quietOption())
    .addHelpText(
      'after',
      `
Examples:
  $ lmdoctor export --format parquet --output ./fleet            Hive-partitioned Parquet datasets; run queries/fleet/*.sql over many cases
  $ lmdoctor export --format parquet -o ./fleet --case-id SR-1234 --db case.db
  $ lmdoctor export --format ecs --output ./es                   bulk NDJSON files and the index template for Elasticsearch/OpenSearch
  $ lmdoctor export --format timesketch --output ./ts            one JSONL timeline to import into Timesketch`,
    )
    .addOption(
      new Option(
        '-j, --jobs <n>',
        'threads for Parquet: with 2 or more, cluster log lines and migration steps are written beside the events (default: number of cores)',
      ).argParser(parsePositiveInt),
    )
    .action(async (options: ExportCommandOptions) => {
      const console = new Console(process.stderr, options.quiet === true);
      const db = openCaseForExport(options.db, console);
      try {
        const report = await exportCase(
          db,
          {
            format: options.format,
            output: options.output,
            jobs: options.jobs ?? availableParallelism(),
            dbPath: options.db,
            ...(options.caseId !== undefined ? { caseId: options.caseId } : {}),
            ...(options.cluster !== undefined ? { cluster: options.cluster } : {}),
          },
          console,
        );
        const { caseId, cluster } = report.identity;
        if (cluster === null)
          console.warn(
            'no cluster name in the configuration dumps: rows have none (set one with --cluster)',
          );
        for (const s of report.skipped) console.info(`skipped ${s.name}: ${s.reason}`);
        for (const b of report.badValues)
          console.warn(
            `${b.count} value(s) of ${b.column} were not of the column's type and were written as null`,
          );
        console.info(
          `case ${caseId}${cluster === null ? '' : ` (cluster ${cluster})`} exported to ${options.output}`,
        );
      } finally {
        db.close();
      }
    });
}
