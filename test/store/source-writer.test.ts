import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-database.js';
import { SourceWriter } from '../../src/store/source-writer.js';
import { eventXmlToLogEvent } from '../../src/readers/xml-export/event-xml-to-log-event.js';
import { eventXmlSeries } from '../support/event-xml.js';

const meta = { path: 'a.xml', kind: 'xml-events', sha256: 'abc', bytes: 100 };
const events = eventXmlSeries(5, 1).map((xml) => eventXmlToLogEvent(xml, 0));

describe('SourceWriter', () => {
  it('leaves nothing of a file that is rolled back', () => {
    const db = openStore(':memory:');
    const writer = SourceWriter.begin(db, meta);
    for (const event of events) writer.event(event);
    writer.warning({ location: 'byte 1', message: 'bad' });
    writer.rollback();
    for (const table of ['sources', 'events', 'ingest_errors']) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    expect(db.inTransaction).toBe(false);
  });

  it('commits the file with its totals, and a replacement removes the earlier copy', () => {
    const db = openStore(':memory:');
    const first = SourceWriter.begin(db, meta);
    for (const event of events) first.event(event);
    const totals = first.commit();
    expect(totals).toMatchObject({ records: 5, newEvents: 5, duplicates: 0, node: 'HV01' });
    const second = SourceWriter.begin(db, meta, totals.sourceId);
    for (const event of events.slice(0, 2)) second.event(event);
    second.commit();
    expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT records FROM sources').all()).toEqual([{ records: 2 }]);
  });
});
