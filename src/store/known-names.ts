import type { Store } from './open-database.js';

/** The VM names and VM ids the case's migrations carry, each sorted. */
export function selectKnownVms(db: Store): { names: string[]; ids: string[] } {
  const column = (sql: string) => (db.prepare(sql).all() as { v: string }[]).map((r) => r.v);
  return {
    names: column('SELECT DISTINCT vm AS v FROM migrations ORDER BY 1'),
    ids: column('SELECT DISTINCT vm_id AS v FROM migrations WHERE vm_id IS NOT NULL ORDER BY 1'),
  };
}

/** The node names the case knows: from its files, its events and its migrations, sorted. */
export function selectKnownNodes(db: Store): string[] {
  const rows = db
    .prepare(
      `SELECT node AS name FROM sources WHERE node IS NOT NULL
       UNION SELECT DISTINCT node FROM events WHERE node IS NOT NULL
       UNION SELECT source_node FROM migrations WHERE source_node IS NOT NULL
       UNION SELECT destination_node FROM migrations WHERE destination_node IS NOT NULL
       ORDER BY 1`,
    )
    .all() as { name: string }[];
  return rows.map((r) => r.name);
}
