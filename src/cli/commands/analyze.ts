import { Command, Option } from 'commander';
import { readCaseSummary } from '../../store/case-summary.js';
import {
  migrationPagesWithoutSteps,
  selectClockSkew,
  selectMigrationsAfter,
  selectMigrationsWithIds,
  selectVmNames,
} from '../../store/migrations-table.js';
import { openStore } from '../../store/open-database.js';
import { databaseOption, ingestOptions, quietOption } from '../common-options.js';
import { createTranslator, type Lang } from '../../i18n/translator.js';
import { findingJson, migrationJson } from '../../report/json-mapping.js';
import { renderFindingsText } from '../render-diagnosis.js';
import { migrationsTextChunks } from '../render-migrations.js';
import { writeReport } from '../../case/load-report.js';
import {
  langOption,
  refuseDatabaseAsOutput,
  reportFormatOfFile,
  writeReportFile,
} from '../report-output.js';
import { renderAnalysisHead, tallyOutcomes } from '../render-analysis-head.js';
import { renderSourcesText, summaryJson } from '../render-summary.js';
import { textViewOf, wideOption } from '../text-view.js';
import { ensureMigrations } from '../../case/rebuild-migrations.js';
import { runDiagnosis } from '../../case/run-diagnosis.js';
import { batchesOf, writeJsonStreamed } from '../../case/stream-json.js';
import { runIngest, type IngestCommandOptions } from './ingest.js';

interface AnalyzeOptions extends IngestCommandOptions {
  format: 'text' | 'json';
  report?: string;
  lang: Lang;
  wide?: boolean;
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
    .addOption(wideOption())
    .addOption(quietOption())
    .addHelpText(
      'after',
      `
Examples:
  $ lmdoctor analyze ./logs                    analyse every log under ./logs (database: lmdoctor.db)
  $ lmdoctor analyze bundle.zip --db case.db   keep the case in case.db for later queries
  $ lmdoctor analyze ./logs --format json      the summary as one JSON object
  $ lmdoctor analyze ./logs --wide | less -S   every line whole, nothing fitted to the terminal
  $ lmdoctor analyze ./logs --report report.html   and write the HTML report`,
    )
    .action(async (paths: string[], options: AnalyzeOptions) => {
      if (options.report) refuseDatabaseAsOutput(options.report, options.db, '--report');
      const reportFormat = options.report ? reportFormatOfFile(options.report) : null;
      const tr = createTranslator(options.lang);
      const db = openStore(options.db);
      try {
        await runIngest(db, paths, options);
        ensureMigrations(db);
        const summary = readCaseSummary(db);
        const clockSkew = selectClockSkew(db);
        const { diagnoses, findings } = runDiagnosis(db);
        if (options.format === 'json') {
          const byMigration = new Map(diagnoses.map((d) => [d.migrationId, d]));
          writeJsonStreamed(
            process.stdout,
            {
              ...summaryJson(summary),
              clockSkew,
              migrations: [],
              findings: findings.map(findingJson),
            },
            'migrations',
            batchesOf(selectMigrationsAfter, db, (m) =>
              migrationJson(m, byMigration.get(m.id) ?? null),
            ),
          );
        } else {
          // Verdict first: the head (counts, one line per diagnosis), then the details. The
          // listings need no steps: the migrations are read without them, a page at a time.
          const view = textViewOf(options.wide ?? false);
          const pages = () => migrationPagesWithoutSteps(db);
          const diagnosed = selectMigrationsWithIds(db, [
            ...new Set(findings.flatMap((f) => (f.migrationId === null ? [] : [f.migrationId]))),
          ]);
          const out = process.stdout;
          out.write(
            renderAnalysisHead(summary, tallyOutcomes(pages()), diagnosed, findings, tr, view),
          );
          out.write(renderFindingsText(diagnosed, findings, tr, view));
          out.write('\n');
          for (const chunk of migrationsTextChunks(pages, clockSkew, tr, view, selectVmNames(db)))
            out.write(chunk);
          out.write(`\n${view.paint.paint('strong', tr.t('term.sourcesHeading'))}\n`);
          out.write(renderSourcesText(summary, tr, view));
        }
        if (options.report && reportFormat)
          writeReportFile(options.report, (out) => writeReport(db, reportFormat, tr, out));
      } finally {
        db.close();
      }
    });
}
