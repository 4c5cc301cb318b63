import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** A DuckDB connection in memory, UTC, resolving relative paths against `folder`. */
export async function openDuckDb(folder: string): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`SET file_search_path = '${folder.replaceAll("'", "''")}'`);
  await connection.run("SET TimeZone = 'UTC'");
  return connection;
}

/** The rows of a query as JSON-ready objects (big integers as text, times as text). */
export async function duckRows(
  connection: DuckDBConnection,
  sql: string,
): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}

/** Runs every statement of a SQL script (statements end with `;` at the end of a line). */
export async function runScript(connection: DuckDBConnection, script: string): Promise<void> {
  const body = script
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
  for (const statement of body.split(/;\s*$/m)) {
    if (statement.trim() !== '') await connection.run(statement);
  }
}
