import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-database.js';
import { recordUnattachedErrors } from '../../src/store/sources-table.js';

/** Issue 17 item 8: recording skipped files must stay linear in their number. */
describe('recordUnattachedErrors', () => {
  it('finds an earlier identical entry through an index, not by scanning the table', () => {
    const db = openStore(':memory:');
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT 1 FROM ingest_errors
         WHERE source_id IS NULL AND location = ? AND message = ?`,
      )
      .all('a', 'b') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(
      /USING (COVERING )?INDEX \w+ \(.*location=\?/,
    );
  });

  it('records each skipped path once, across runs, in one transaction', () => {
    const db = openStore(':memory:');
    const entries = Array.from({ length: 20000 }, (_, i) => ({
      location: `notes/file-${i}.txt`,
      message: 'skipped: not a log lmdoctor reads',
    }));
    recordUnattachedErrors(db, entries);
    recordUnattachedErrors(db, [...entries.slice(0, 10), { location: 'x', message: 'y' }]);
    expect(db.prepare('SELECT COUNT(*) FROM ingest_errors').pluck().get()).toBe(20001);
  });
});
