import type { Finding } from '../model/diagnosis.js';
import type { Store } from './open-database.js';

/** Replaces every stored finding with a new set, atomically. */
export function saveFindings(db: Store, findings: readonly Finding[]): void {
  replaceFindings(db, (save) => save(findings));
}

/**
 * Replaces every stored finding, atomically, with those `produce` saves (in order, as it goes,
 * so they need not all be held); returns what `produce` returns.
 */
export function replaceFindings<T>(
  db: Store,
  produce: (save: (findings: readonly Finding[]) => void) => T,
): T {
  const insert = db.prepare(
    `INSERT INTO findings (migration_id, scope, cause, verdict, summary, remediation, evidence, path)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const save = (findings: readonly Finding[]) => {
    for (const f of findings) {
      insert.run(
        f.migrationId,
        f.scope,
        f.cause,
        f.verdict,
        f.summary,
        f.remediation,
        JSON.stringify(f.evidence),
        JSON.stringify(f.path),
      );
    }
  };
  return db
    .transaction(() => {
      db.exec('DELETE FROM findings');
      return produce(save);
    })
    .immediate();
}

interface FindingRow {
  migration_id: number | null;
  scope: Finding['scope'];
  cause: Finding['cause'];
  verdict: Finding['verdict'];
  summary: string;
  remediation: string;
  evidence: string;
  path: string;
}

/** Stored findings in the order they were saved. */
export function selectFindings(db: Store): Finding[] {
  const rows = db.prepare('SELECT * FROM findings ORDER BY id').all() as FindingRow[];
  return rows.map((r) => ({
    migrationId: r.migration_id,
    scope: r.scope,
    cause: r.cause,
    verdict: r.verdict,
    summary: r.summary,
    remediation: r.remediation,
    evidence: JSON.parse(r.evidence) as Finding['evidence'],
    path: JSON.parse(r.path) as Finding['path'],
  }));
}
