import { errorMessage, UserError } from '../errors.js';
import Database, { type Statement } from 'better-sqlite3';
import type { Store } from './open-database.js';

export type SqlValue = string | number | bigint | Buffer | null;
export type SqlParams = Record<string, string | number>;

/** Rows of a query with their column names in select order. */
export interface QueryResult {
  columns: string[];
  rows: Record<string, SqlValue>[];
}

/**
 * Statement kinds SQLite names when it meets them where a query must stand. Only used to word
 * the refusal: what is refused is decided by SQLite (see `checkIsQuery`).
 */
const statementKeywords = new Set([
  'ALTER',
  'ANALYZE',
  'ATTACH',
  'BEGIN',
  'COMMIT',
  'CREATE',
  'DELETE',
  'DETACH',
  'DROP',
  'END',
  'EXPLAIN',
  'INSERT',
  'PRAGMA',
  'REINDEX',
  'RELEASE',
  'REPLACE',
  'ROLLBACK',
  'SAVEPOINT',
  'UPDATE',
  'VACUUM',
]);

/** A prepared query that only reads, with its parameters bound by name. */
export interface ReadOnlyQuery {
  statement: Statement;
  columns: string[];
  bound: Record<string, string | number | undefined>;
}

/**
 * Prepares one SQL statement that only reads, with named parameters (`:name`, `@name`,
 * `$name`). Only queries run (SELECT, WITH … SELECT, VALUES; pragmas through their
 * table-valued functions such as `pragma_table_info('events')`): SQLite itself decides, before
 * the statement is prepared on `db`, by compiling it as a subquery, which nothing but a query
 * can be. Preparing a PRAGMA would already apply some of them (`query_only`), however its name
 * is quoted or commented. SQLite's `readonly` flag and the read-only connection are the second
 * and third lines of defence. Throws UserError with a hint for refused or failing SQL.
 */
export function prepareReadOnlyQuery(
  db: Store,
  sql: string,
  params: SqlParams = {},
): ReadOnlyQuery {
  const text = stripTrailingSemicolons(sql);
  if (text === '')
    throw new UserError(
      'no SQL given',
      'pass a SELECT statement, a query name (see `lmdoctor query --list`) or - for stdin',
    );
  if (/\bload_extension\s*\(/i.test(text)) throw refused('load_extension');
  checkIsQuery(db, text);
  let statement: Statement;
  try {
    statement = db.prepare(text);
  } catch (error) {
    throw new UserError(
      `SQL error: ${errorMessage(error)}`,
      'check the statement; `lmdoctor query --list` shows working examples',
    );
  }
  if (!statement.readonly || !statement.reader) throw refused('the statement');
  const used = namedParameters(text);
  const missing = used.filter((name) => !(name in params));
  if (missing.length > 0) {
    throw new UserError(
      `missing value for parameter ${missing.map((n) => `:${n}`).join(', ')}`,
      `add ${missing.map((n) => `-p ${n}=VALUE`).join(' ')}`,
    );
  }
  const bound = Object.fromEntries(used.map((name) => [name, params[name]]));
  return { statement, columns: statement.columns().map((c) => c.name), bound };
}

/**
 * Throws unless SQLite compiles `text` as a subquery: only then is it a query. Anything else is
 * refused, named by its first word when SQLite compiles it as a statement of its own on a
 * scratch connection (where a PRAGMA applied while compiling does no harm) or stops at a
 * statement keyword; otherwise it is an SQL error.
 */
function checkIsQuery(db: Store, text: string): void {
  try {
    db.prepare(`SELECT * FROM (\n${text}\n)`);
    return;
  } catch (error) {
    const message = errorMessage(error);
    const near = /^near "([^"]*)": syntax error$/.exec(message)?.[1]?.toUpperCase();
    const word = firstWord(text);
    if (word === 'PRAGMA' && compilesAlone(text))
      throw new UserError(
        'refused: PRAGMA statements are not run by lmdoctor query (some change the connection)',
        "read a pragma through its table-valued function, e.g. SELECT * FROM pragma_table_info('events')",
      );
    if ((near !== undefined && statementKeywords.has(near)) || compilesAlone(text))
      throw refused(near !== undefined && statementKeywords.has(near) ? near : word);
    throw new UserError(
      `SQL error: ${message}`,
      'check the statement; lmdoctor query runs one query (SELECT, WITH … SELECT or VALUES)',
    );
  }
}

/** Whether SQLite compiles `text` on an empty scratch database (nothing it does there lasts). */
function compilesAlone(text: string): boolean {
  const scratch = new Database(':memory:');
  try {
    scratch.prepare(text);
    return true;
  } catch {
    return false;
  } finally {
    scratch.close();
  }
}

/** The first word after leading comments, upper case: only to word a refusal. */
function firstWord(text: string): string {
  const rest = text.replace(/^(\s*(--[^\n]*\n?|\/\*[\s\S]*?\*\/))*\s*/, '');
  return /^[A-Za-z_]+/.exec(rest)?.[0].toUpperCase() ?? 'the statement';
}

/** Runs a read-only query (see `prepareReadOnlyQuery`) and returns all its rows. */
export function runReadOnlySql(db: Store, sql: string, params: SqlParams = {}): QueryResult {
  const { statement, columns, bound } = prepareReadOnlyQuery(db, sql, params);
  try {
    const rows = statement.all(bound) as Record<string, SqlValue>[];
    return { columns, rows };
  } catch (error) {
    throw new UserError(
      `SQL error: ${errorMessage(error)}`,
      'check the statement and its parameters',
    );
  }
}

/** Names of the named parameters a statement uses, outside strings and comments. */
export function namedParameters(sql: string): string[] {
  const withoutStrings = sql
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/"(?:[^"]|"")*"/g, '""')
    .replace(/--[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '');
  const names = new Set<string>();
  for (const match of withoutStrings.matchAll(/[:@$]([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (match[1] !== undefined) names.add(match[1]);
  }
  return [...names];
}

/** `-p name=value` → params; whole numbers become numbers so `LIMIT :n` works. */
export function parseParam(text: string, into: SqlParams = {}): SqlParams {
  const eq = text.indexOf('=');
  if (eq <= 0)
    throw new UserError(`parameter "${text}" is not name=value`, 'write it as -p vm=SQL01');
  const name = text.slice(0, eq).replace(/^[:@$]/, '');
  const value = text.slice(eq + 1);
  into[name] = /^-?\d{1,15}$/.test(value) ? Number(value) : value;
  return into;
}

function refused(what: string): UserError {
  return new UserError(
    `refused: ${what} would change the database or the connection; lmdoctor query only reads`,
    'use SELECT (or WITH … SELECT); the database is rebuilt by `lmdoctor ingest`',
  );
}

function stripTrailingSemicolons(sql: string): string {
  return sql
    .trim()
    .replace(/;+\s*$/, '')
    .trim();
}
