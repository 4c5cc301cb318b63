import { errorMessage, UserError } from '../errors.js';
import type { Store } from './open-database.js';

export type SqlValue = string | number | bigint | Buffer | null;
export type SqlParams = Record<string, string | number>;

/** Rows of a query with their column names in select order. */
export interface QueryResult {
  columns: string[];
  rows: Record<string, SqlValue>[];
}

const forbiddenPattern = /^\s*(attach|detach|vacuum|reindex|analyze|savepoint|release)\b/i;
/** `PRAGMA [schema.]name` and what follows the name (`=` or `(` when it has an argument). */
const pragmaPattern = /^\s*pragma\s+(?:\w+\s*\.\s*)?(\w+)\s*([=(])?/i;
/** Pragmas whose argument names what to read; every other pragma with an argument sets. */
const readingPragmasWithArgument = new Set([
  'table_info',
  'table_xinfo',
  'table_list',
  'index_info',
  'index_xinfo',
  'index_list',
  'foreign_key_list',
  'foreign_key_check',
  'integrity_check',
  'quick_check',
]);

/**
 * True for a pragma that sets something (`PRAGMA query_only = OFF`, `PRAGMA cache_size(10)`):
 * SQLite marks those read-only statements because they do not write the file, but they change
 * the connection, so `query` refuses them as well. Pure.
 */
function isSettingPragma(text: string): boolean {
  const match = pragmaPattern.exec(text);
  if (!match) return false;
  const [, name = '', argument] = match;
  if (argument === '=') return true;
  return argument === '(' && !readingPragmasWithArgument.has(name.toLowerCase());
}

/**
 * Runs one SQL statement that only reads, with named parameters (`:name`, `@name`, `$name`).
 * Refuses anything that would change a database (writes, ATTACH, writing pragmas) before it
 * runs, and relies on a read-only connection as the second line of defence. Throws UserError
 * with a hint for refused or failing SQL.
 */
export function runReadOnlySql(db: Store, sql: string, params: SqlParams = {}): QueryResult {
  const text = stripTrailingSemicolons(sql);
  if (text === '')
    throw new UserError(
      'no SQL given',
      'pass a SELECT statement, a query name (see `lmdoctor query --list`) or - for stdin',
    );
  const statementText = stripLeadingComments(text);
  if (
    forbiddenPattern.test(statementText) ||
    isSettingPragma(statementText) ||
    /\bload_extension\s*\(/i.test(text)
  ) {
    throw refused(text);
  }
  let statement;
  try {
    statement = db.prepare(text);
  } catch (error) {
    throw new UserError(
      `SQL error: ${errorMessage(error)}`,
      'check the statement; `lmdoctor query --list` shows working examples',
    );
  }
  if (!statement.readonly) throw refused(text);
  const used = namedParameters(text);
  const missing = used.filter((name) => !(name in params));
  if (missing.length > 0) {
    throw new UserError(
      `missing value for parameter ${missing.map((n) => `:${n}`).join(', ')}`,
      `add ${missing.map((n) => `-p ${n}=VALUE`).join(' ')}`,
    );
  }
  const bound = Object.fromEntries(used.map((name) => [name, params[name]]));
  try {
    if (!statement.reader) {
      statement.run(bound);
      return { columns: [], rows: [] };
    }
    const columns = statement.columns().map((c) => c.name);
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

function refused(sql: string): UserError {
  const first = stripLeadingComments(sql).split(/\s+/)[0]?.toUpperCase() ?? '';
  return new UserError(
    `refused: ${first} would change the database; lmdoctor query only reads`,
    'use SELECT (or WITH … SELECT); the database is rebuilt by `lmdoctor ingest`',
  );
}

function stripTrailingSemicolons(sql: string): string {
  return sql
    .trim()
    .replace(/;+\s*$/, '')
    .trim();
}

function stripLeadingComments(sql: string): string {
  return sql.replace(/^(\s*(--[^\n]*\n?|\/\*[\s\S]*?\*\/))*/, '');
}
