import { Command, Option } from 'commander';
import { createTranslator, type Lang } from '../../i18n/translator.js';
import { databaseOption } from '../common-options.js';
import { openCaseForReading } from '../../case/rebuild-migrations.js';
import { reportFormats, writeReport, type ReportFormat } from '../../case/load-report.js';
import {
  langOption,
  refuseDatabaseAsOutput,
  reportFormatOfFile,
  writeReportFile,
} from '../report-output.js';

interface ReportOptions {
  db: string;
  format?: ReportFormat;
  output?: string;
  lang: Lang;
}

/** `lmdoctor report`: the case as Markdown, one HTML file or JSON. */
export function reportCommand(): Command {
  return new Command('report')
    .description(
      'write the case report: summary, coverage gaps, every migration, each failure with its timeline, flowchart path, cause and remedy',
    )
    .addOption(databaseOption())
    .addOption(
      new Option(
        '--format <format>',
        'md, html or json (default: from the --output extension, else md)',
      ).choices(reportFormats),
    )
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .addOption(langOption())
    .addHelpText(
      'after',
      `
Examples:
  $ lmdoctor report --output report.html          one self-contained page (format from the extension)
  $ lmdoctor report --format md > ticket.md       Markdown for a ticket
  $ lmdoctor report --format json --db case.db    JSON for automation (schemas/report.schema.json)
  $ lmdoctor report --lang pt-BR -o relatorio.md  the report in Brazilian Portuguese`,
    )
    .action((options: ReportOptions) => {
      if (options.output) refuseDatabaseAsOutput(options.output, options.db, '--output');
      const format = options.format ?? (options.output ? reportFormatOfFile(options.output) : 'md');
      const db = openCaseForReading(options.db);
      const tr = createTranslator(options.lang);
      try {
        if (options.output)
          writeReportFile(options.output, (out) => writeReport(db, format, tr, out));
        else writeReport(db, format, tr, process.stdout);
      } finally {
        db.close();
      }
    });
}
