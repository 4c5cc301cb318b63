import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { repoRoot } from './run-cli.js';

const mainScript = join(repoRoot, 'dist', 'cli', 'main.js');

/** Every table's rows in id order, ingestion timestamps left out, as one digest per table. */
export function tableDigests(path: string): Record<string, string> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'schema_migrations' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    const digests: Record<string, string> = {};
    for (const table of tables) {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[])
        .map((column) => column.name)
        .filter((name) => !name.endsWith('_at'));
      const hash = createHash('sha256');
      let rows = 0;
      const select = db
        .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY rowid`)
        .raw();
      for (const row of select.iterate()) {
        hash.update(
          JSON.stringify(row, (_, value: unknown) =>
            typeof value === 'bigint' ? String(value) : value,
          ),
        );
        rows++;
      }
      digests[table] = `${rows} rows ${hash.digest('hex').slice(0, 16)}`;
    }
    return digests;
  } finally {
    db.close();
  }
}

export function integrityCheck(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

/**
 * Runs the built lmdoctor with `args` and SIGKILLs it the first time `killNow` (asked every
 * 5 ms) says so. Resolves once it has exited: true when it was killed, false when it ended first.
 */
export function runCliKilledWhen(args: string[], killNow: () => boolean): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [mainScript, ...args], {
      cwd: repoRoot,
      stdio: 'ignore',
    });
    let killed = false;
    const poll = setInterval(() => {
      if (!killed && killNow()) {
        killed = true;
        child.kill('SIGKILL');
      }
    }, 5);
    child.on('error', reject);
    child.on('exit', () => {
      clearInterval(poll);
      resolve(killed);
    });
  });
}
