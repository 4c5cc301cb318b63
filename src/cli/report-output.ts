import { closeSync, existsSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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

/** The files SQLite keeps for the database `db` (the database, its WAL, shared memory, journal). */
function databaseFiles(db: string): string[] {
  return ['', '-wal', '-shm', '-journal'].map((suffix) => resolve(`${db}${suffix}`));
}

/** Whether `a` and `b` are one file: the same path, or the same inode through links. */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === b) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Throws UserError when `output` is the case database `db` or one of SQLite's files beside it
 * (`-wal`, `-shm`, `-journal`): writing a report there would destroy the case.
 */
export function refuseDatabaseAsOutput(output: string, db: string, option: string): void {
  if (db === ':memory:') return;
  if (databaseFiles(db).some((file) => sameFile(output, file)))
    throw new UserError(
      `${option} ${output} names the case database (or a file SQLite keeps beside it); writing there would destroy the case`,
      `give ${option} another file name, e.g. report.html`,
    );
}

/**
 * Writes a report file: `content`, or what `content` writes to the sink it is given. The text
 * goes to a new file beside `file` that replaces it once complete, so an error never leaves a
 * half-written report nor removes a file the command did not create. Errors name the file.
 */
export function writeReportFile(file: string, content: string | ((out: TextSink) => void)): void {
  const write = typeof content === 'string' ? (out: TextSink) => out.write(content) : content;
  const cannotWrite = (error: unknown) =>
    new UserError(
      `cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`,
      'check the path, that its folder exists and can be written, and the free space',
    );
  // A device or pipe (/dev/stdout, a FIFO) is written in place, never replaced or removed.
  const special = existsSync(file) && !statSync(file).isFile() && !statSync(file).isDirectory();
  const temporary = special
    ? file
    : join(dirname(file), `.${basename(file)}.${process.pid}.lmdoctor-partial`);
  let fd: number;
  try {
    fd = openSync(temporary, special ? 'w' : 'wx');
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
    closeSync(fd);
    if (!special) renameSync(temporary, file);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
    if (!special) rmSync(temporary, { force: true });
    throw error instanceof UserError ? error : cannotWrite(error);
  }
}

export type { Lang };
