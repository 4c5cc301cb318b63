import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeIngest } from '../../src/case/ingest-case.js';
import { runIngest } from '../../src/cli/commands/ingest.js';
import { UserError } from '../../src/errors.js';
import { openStore } from '../../src/store/open-database.js';
import { eventXmlSeries } from '../support/event-xml.js';
import { useTempDir } from '../support/temp-dir.js';

/** Issue 17 item 10: a file not stored because the disk is full fails the run. */
describe('ingest on a full disk', () => {
  const tempDir = useTempDir();

  it('counts files not stored in the summary and fails with exit-1 UserError', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'small.xml'), eventXmlSeries(2, 1).join('\n'));
    writeFileSync(
      join(dir, 'large.xml'),
      eventXmlSeries(20000, 1, { computer: 'HV02' }).join('\n'),
    );
    const db = openStore(join(dir, 'case.db'));
    // The database may not grow past its size now plus a little: a disk that fills up.
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 40}`);
    let error: unknown;
    try {
      await runIngest(db, [dir], { db: 'case.db', quiet: true, jobs: 1 });
    } catch (caught) {
      error = caught;
    }
    expect(error, (error as Error).stack).toBeInstanceOf(UserError);
    expect((error as UserError).message, (error as Error).message).toMatch(
      /1 file was not stored: .*large\.xml.*full/,
    );
    expect((error as UserError).hint).toMatch(/free space/);
    const stored = db.prepare('SELECT path FROM sources').pluck().all() as string[];
    expect(stored.map((p) => p.replace(/.*[\\/]/, ''))).toEqual(['small.xml']);
    db.close();
  });

  it('the closing line names the files not stored', () => {
    const line = describeIngest({
      files: [
        { path: 'a.xml', kind: 'xml-events', status: 'ingested' },
        { path: 'b.xml', kind: 'xml-events', status: 'failed', reason: 'database or disk is full' },
      ],
      skipped: [],
      records: 2,
      newEvents: 2,
      duplicates: 0,
      warnings: 0,
      bytes: 10,
      elapsedMs: 1000,
      filteredEvents: 0,
      clusterLogTimes: [],
      nodes: [],
    });
    expect(line).toMatch(/1 file read, 1 not stored, /);
  });
});
