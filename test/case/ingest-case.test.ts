import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentProgress } from '../../src/case/progress.js';
import { ingestPaths } from '../../src/case/ingest-case.js';
import { openStore, type Store } from '../../src/store/open-database.js';
import { eventXml, eventXmlSeries } from '../support/event-xml.js';
import { useTempDir } from '../support/temp-dir.js';

const quiet = silentProgress;
const ingest = (db: Store, paths: string[], force = false) =>
  ingestPaths(db, paths, { force, jobs: 1 }, quiet);
const count = (db: Store, sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('ingestPaths', () => {
  const tempDir = useTempDir();

  it('reads a folder recursively and stores each file with its counts and node', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'HV01', 'deeper'), { recursive: true });
    writeFileSync(join(dir, 'HV01', 'ha.xml'), eventXmlSeries(3, 1).join('\n'));
    writeFileSync(
      join(dir, 'HV01', 'deeper', 'system.xml'),
      eventXmlSeries(2, 1, { channel: 'System', computer: 'HV02' }).join(''),
    );
    const db = openStore(':memory:');
    const report = await ingest(db, [dir]);
    expect(report.files.map((f) => f.status)).toEqual(['ingested', 'ingested']);
    expect(report.newEvents).toBe(5);
    const sources = db
      .prepare('SELECT kind, node, records, warnings FROM sources ORDER BY path')
      .all();
    expect(sources).toEqual([
      { kind: 'xml-events', node: 'HV02', records: 2, warnings: 0 },
      { kind: 'xml-events', node: 'HV01', records: 3, warnings: 0 },
    ]);
    expect(
      db.prepare("SELECT node, data FROM events WHERE record_id = 1 AND channel = 'System'").get(),
    ).toEqual({
      node: 'HV02',
      data: '{"param1":"5B1E0C2A-7D6F-4B8E-9A1C-2E3F4A5B6C7D","param2":"Virtual Machine SQL01"}',
    });
  });

  it('skips a file already stored (same content and name, any folder) unless forced', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'copy'));
    writeFileSync(join(dir, 'a.xml'), eventXmlSeries(4, 1).join(''));
    const db = openStore(':memory:');
    await ingest(db, [join(dir, 'a.xml')]);
    writeFileSync(join(dir, 'copy', 'a.xml'), eventXmlSeries(4, 1).join(''));
    const again = await ingest(db, [dir]);
    expect(again.files.map((f) => f.status)).toEqual(['already-ingested', 'already-ingested']);
    expect(count(db, 'SELECT COUNT(*) AS n FROM events')).toBe(4);
    expect(count(db, 'SELECT COUNT(*) AS n FROM sources')).toBe(1);

    const forced = await ingest(db, [join(dir, 'a.xml')], true);
    expect(forced.files[0]?.status).toBe('ingested');
    expect(count(db, 'SELECT COUNT(*) AS n FROM sources')).toBe(1);
    expect(count(db, 'SELECT COUNT(*) AS n FROM events')).toBe(4);
  });

  it('reads the same bytes under another name (another node’s dump) but stores no event twice', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'HV01-export.xml'), eventXmlSeries(4, 1).join(''));
    writeFileSync(join(dir, 'HV02-export.xml'), eventXmlSeries(4, 1).join(''));
    const db = openStore(':memory:');
    const report = await ingest(db, [dir]);
    expect(report.files.map((f) => f.status)).toEqual(['ingested', 'ingested']);
    expect(report.duplicates).toBe(4);
    expect(count(db, 'SELECT COUNT(*) AS n FROM events')).toBe(4);
  });

  it('stores an event that arrives through two overlapping exports once', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'monday.xml'), eventXmlSeries(10, 1).join(''));
    writeFileSync(join(dir, 'tuesday.xml'), eventXmlSeries(10, 6).join(''));
    const db = openStore(':memory:');
    const report = await ingest(db, [dir]);
    expect(report.newEvents).toBe(15);
    expect(report.duplicates).toBe(5);
    expect(count(db, 'SELECT COUNT(*) AS n FROM events')).toBe(15);
    expect(count(db, 'SELECT COUNT(DISTINCT record_id) AS n FROM events')).toBe(15);
  });

  it('keeps events of different nodes or channels with the same record id apart', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'a.xml'),
      [
        eventXml({ computer: 'HV01' }),
        eventXml({ computer: 'HV02' }),
        eventXml({ channel: 'System' }),
      ].join(''),
    );
    const db = openStore(':memory:');
    await ingest(db, [dir]);
    expect(count(db, 'SELECT COUNT(*) AS n FROM events')).toBe(3);
  });

  it('lists skipped paths, records them once, and goes on with the rest', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'nothing to see');
    writeFileSync(join(dir, 'empty.xml'), '');
    writeFileSync(join(dir, 'good.xml'), eventXml());
    const db = openStore(':memory:');
    const report = await ingest(db, [dir, join(dir, 'missing.xml')]);
    expect(report.skipped.map((s) => s.reason).sort()).toEqual([
      'empty file',
      'no such file or folder',
      'not a recognised log format',
    ]);
    expect(report.newEvents).toBe(1);
    await ingest(db, [dir]);
    expect(count(db, 'SELECT COUNT(*) AS n FROM ingest_errors WHERE source_id IS NULL')).toBe(3);
  });

  it('records malformed events against their source and counts them', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'a.xml'),
      `${eventXml({ recordId: 1 })}<Event><System></Event>${eventXml({ recordId: 2 })}`,
    );
    const db = openStore(':memory:');
    const report = await ingest(db, [dir]);
    expect(report.warnings).toBe(1);
    expect(report.newEvents).toBe(2);
    expect(
      db
        .prepare(
          'SELECT s.warnings, e.location FROM ingest_errors e JOIN sources s ON s.id = e.source_id',
        )
        .get(),
    ).toEqual({
      warnings: 1,
      location: `byte ${eventXml({ recordId: 1 }).length}`,
    });
  });
});
