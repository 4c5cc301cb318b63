import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';

/** A canned query from `queries/NAME.sql`. */
export interface NamedQuery {
  name: string;
  description: string;
  sql: string;
  params: string[];
}

/** The `queries/` folder shipped with lmdoctor (beside src/ and dist/). */
export function queriesFolder(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'queries');
}

/** Every canned query, by name. The first comment line is the description; `-- params:` lists parameters. */
export function listNamedQueries(folder = queriesFolder()): NamedQuery[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => parseNamedQuery(file.slice(0, -4), readFileSync(join(folder, file), 'utf8')));
}

/** The canned query called `name`, or null. Names are file names without `.sql`. */
export function findNamedQuery(name: string, folder = queriesFolder()): NamedQuery | null {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) return null;
  const file = join(folder, `${name}.sql`);
  return existsSync(file) ? parseNamedQuery(name, readFileSync(file, 'utf8')) : null;
}

/** Looks like a query name rather than SQL. */
export function isQueryName(text: string): boolean {
  return (
    /^[A-Za-z0-9_-]+$/.test(text.trim()) &&
    !/^(select|with|values|pragma|explain)$/i.test(text.trim())
  );
}

function parseNamedQuery(name: string, sql: string): NamedQuery {
  const comments = sql
    .split('\n')
    .filter((line) => line.startsWith('--'))
    .map((line) => line.slice(2).trim());
  const paramsLine = comments.find((line) => /^params?:/i.test(line));
  const params = paramsLine
    ? paramsLine
        .replace(/^params?:/i, '')
        .split(/[\s,]+/)
        .filter(Boolean)
    : [];
  const description = comments.find((line) => line !== '' && !/^params?:/i.test(line)) ?? '';
  if (sql.trim() === '') throw new UserError(`query ${name} is empty`);
  return { name, description, sql, params };
}
