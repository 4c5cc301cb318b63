import { Command, Option } from 'commander';
import { readCaseSummary } from '../../store/case-summary.js';
import { selectClockSkew, selectMigrations } from '../../store/migrations-table.js';
import { openStore } from '../../store/open-database.js';
import { databaseOption, ingestOptions, quietOption } from '../common-options.js';
import { createTranslator, type Lang } from '../../i18n/translator.js';
import { findingJson, renderFindingsText } from '../render-diagnosis.js';
import { migrationJson, renderMigrationsText } from '../render-migrations.js';
import {
  langOption,
  loadReport,
  renderReport,
  reportFormatOfFile,
  writeReportFile,
} from '../report-output.js';
import { renderSummaryText, summaryJson } from '../render-summary.js';
import { ensureMigrations } from '../rebuild-migrations.js';
import { runDiagnosis } from '../run-diagnosis.js';
import { runIngest, type IngestCommandOptions } from './ingest.js';

interface AnalyzeOptions extends IngestCommandOptions {
  format: 'text' | 'json';
  report?: string;
  lang: Lang;
}

/** `lmdoctor analyze <paths...>`: the main job — ingest, then summarise the case. */
export function analyzeCommand(): Command {
  const command = new Command('analyze')
    .description('read logs and summarise the case: sources, nodes, channels, time span, problems')
    .argument('<paths...>', 'files, folders (searched recursively) or archives')
    .addOption(databaseOption())
    .addOption(
      new Option('--format <format>', 'summary format').choices(['text', 'json']).default('text'),
    );
  for (const option of ingestOptions()) command.addOption(option);
  return command
    .option('--report <file>', 'also write the report to FILE (.md, .html or .json)')
    .addOption(langOption())
    .addOption(quietOption())
    .addHelpText(
      'after',
      `
Examples:
  $ lmdoctor analyze ./logs                    analyse every log under ./logs (database: lmdoctor.db)
  $ lmdoctor analyze bundle.zip --db case.db   keep the case in case.db for later queries
  $ lmdoctor analyze ./logs --format json      the summary as one JSON object
  $ lmdoctor analyze ./logs --report report.html   and write the HTML report`,
    )
    .action(async (paths: string[], options: AnalyzeOptions) => {
      const reportFormat = options.report ? reportFormatOfFile(options.report) : null;
      const tr = createTranslator(options.lang);
      const db = openStore(options.db);
      try {
        await runIngest(db, paths, options);
        ensureMigrations(db);
        const summary = readCaseSummary(db);
        const migrations = selectMigrations(db);
        const clockSkew = selectClockSkew(db);
        const { diagnoses, findings } = runDiagnosis(db);
        const diagnosisOf = (id: number) => diagnoses.find((d) => d.migrationId === id) ?? null;
        process.stdout.write(
          options.format === 'json'
            ? `${JSON.stringify(
                {
                  ...summaryJson(summary),
                  clockSkew,
                  migrations: migrations.map((m) => migrationJson(m, diagnosisOf(m.id))),
                  findings: findings.map(findingJson),
                },
                null,
                2,
              )}\n`
            : renderSummaryText(summary, tr) +
                renderMigrationsText(migrations, clockSkew, tr) +
                '\n' +
                renderFindingsText(migrations, findings, tr),
        );
        if (options.report && reportFormat)
          writeReportFile(options.report, renderReport(loadReport(db), reportFormat, tr));
      } finally {
        db.close();
      }
    });
}
