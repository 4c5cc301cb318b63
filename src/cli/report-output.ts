import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { extname } from 'node:path';
import { Option } from 'commander';
import type { ReportFormat } from '../case/load-report.js';
import type { TextSink } from '../case/stream-json.js';
import { UsageError, UserError } from '../errors.js';
import { languages, langFromEnvironment, type Lang } from '../i18n/translator.js';

/** `--lang en|pt-BR`, defaulting to the environment's locale. */
export function langOption(): Option {
  return new Option('--lang <lang>', 'language of the output (default: from LANG/LC_ALL)')
    .choices(languages)
    .default(langFromEnvironment(process.env), 'from the locale');
}

/** The report format a file name asks for (`.md`, `.markdown`, `.html`, `.htm`, `.json`). Pure. */
export function reportFormatOfFile(file: string): ReportFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.json') return 'json';
  throw new UsageError(
    `cannot tell the report format of "${file}"`,
    'name the report file .md, .html or .json',
  );
}

/**
 * Writes a report file: `content`, or what `content` writes to the sink it is given. Errors
 * name the file, and a file left incomplete by an error is removed.
 */
export function writeReportFile(file: string, content: string | ((out: TextSink) => void)): void {
  const write = typeof content === 'string' ? (out: TextSink) => out.write(content) : content;
  const cannotWrite = (error: unknown) =>
    new UserError(
      `cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`,
      'check the path and that its folder exists',
    );
  let fd: number;
  try {
    fd = openSync(file, 'w');
  } catch (error) {
    throw cannotWrite(error);
  }
  try {
    write({
      write: (text: string) => {
        try {
          writeSync(fd, text);
        } catch (error) {
          throw cannotWrite(error);
        }
      },
    });
  } catch (error) {
    closeSync(fd);
    rmSync(file, { force: true });
    throw error;
  }
  closeSync(fd);
}

export type { Lang };
