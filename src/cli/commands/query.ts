import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { UsageError, UserError } from '../../errors.js';
import { findNamedQuery, isQueryName, listNamedQueries } from '../../store/named-queries.js';
import { openStoreReadOnly } from '../../store/open-database.js';
import { parseParam, prepareReadOnlyQuery, type SqlParams } from '../../store/run-sql.js';
import { databaseOption } from '../common-options.js';
import { textViewOf, wideOption } from '../text-view.js';
import { formatRows, resolveRowFormat, rowFormatOption, type RowFormat } from '../output.js';
import { defaultQueryTimeoutSeconds, runQueryInChild } from '../run-query.js';

interface QueryOptions {
  db: string;
  format?: RowFormat;
  param?: SqlParams;
  list?: boolean;
  timeout: number;
  wide?: boolean;
}

function parseSeconds(text: string): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !Number.isFinite(value))
    throw new UsageError(`"${text}" is not a number of seconds`, 'e.g. --timeout 300; 0 for none');
  return value;
}

/** `lmdoctor query <sql | name | ->`: read-only SQL on the case database. */
export function queryCommand(): Command {
  return new Command('query')
    .description(
      'run read-only SQL on the case database: a statement, a canned query by name, or - for stdin',
    )
    .argument(
      '[sql]',
      'SQL text, the name of a canned query (see --list), or - to read SQL from stdin',
    )
    .addOption(databaseOption())
    .addOption(rowFormatOption())
    .addOption(wideOption())
    .option(
      '-p, --param <name=value>',
      'named parameter for :name in the SQL (repeatable)',
      (text, all?: SqlParams) => parseParam(text, all),
    )
    .option('--list', 'list the canned queries with their descriptions and parameters')
    .option(
      '--timeout <seconds>',
      'stop the query after this many seconds (0: never)',
      parseSeconds,
      defaultQueryTimeoutSeconds,
    )
    .addHelpText(
      'after',
      `
Examples:
  $ lmdoctor query --list
  $ lmdoctor query events-per-node-channel
  $ lmdoctor query vm-events -p vm=SQL01 --format csv
  $ lmdoctor query "SELECT provider, COUNT(*) AS n FROM events GROUP BY provider ORDER BY n DESC"
  $ echo "SELECT * FROM sources" | lmdoctor query - --format ndjson`,
    )
    .action(async (sql: string | undefined, options: QueryOptions) => {
      const format = resolveRowFormat(options.format, process.stdout.isTTY === true);
      if (options.list) {
        const rows = listNamedQueries().map((q) => ({
          name: q.name,
          params: q.params.join(', '),
          description: q.description,
        }));
        process.stdout.write(
          formatRows({ columns: ['name', 'params', 'description'], rows }, format, {
            width: textViewOf(options.wide ?? false).width,
            wrapColumns: ['description'],
          }),
        );
        return;
      }
      if (sql === undefined)
        throw new UsageError(
          'no SQL given',
          'pass a statement, a query name (lmdoctor query --list) or - for stdin',
        );
      const text = resolveSql(sql);
      const params = options.param ?? {};
      // Refusals and SQL errors here, at once; the rows come from a child process that
      // --timeout can stop (run-query.ts).
      const db = openStoreReadOnly(options.db);
      try {
        prepareReadOnlyQuery(db, text, params);
      } finally {
        db.close();
      }
      await runQueryInChild({ db: options.db, sql: text, params, format }, options.timeout);
    });
}

function resolveSql(argument: string): string {
  if (argument === '-') return readFileSync(0, 'utf8');
  if (!isQueryName(argument)) return argument;
  const named = findNamedQuery(argument);
  if (named) return named.sql;
  throw new UserError(
    `no canned query called "${argument}"`,
    'lmdoctor query --list shows the names; SQL text must be quoted',
  );
}
