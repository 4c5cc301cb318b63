import { describe, expect, it } from 'vitest';
import {
  columnsOf,
  exportTables,
  iterateTableRows,
  tableExists,
} from '../../src/store/export-tables.js';
import { openStore } from '../../src/store/open-database.js';

describe('export tables', () => {
  it('reads a generic table that a later schema step turned into a view, and types its columns from the declaration', () => {
    const db = openStore(':memory:');
    db.exec(`DROP TABLE clock_skew;
      CREATE TABLE clock_offsets (node TEXT PRIMARY KEY, offset_ms REAL NOT NULL, pairs INTEGER, started_at TEXT);
      INSERT INTO clock_offsets VALUES ('HV02', 1500, 3, '2016-09-14T05:00:00.0000000Z'), ('HV01', 0, 0, NULL);
      CREATE VIEW clock_skew AS SELECT node, offset_ms / 1000.0 AS offset_s, pairs FROM clock_offsets;`);
    const skew = exportTables.find((t) => t.name === 'clock_skew')!;
    const offsets = exportTables.find((t) => t.name === 'clock_offsets')!;
    expect(tableExists(db, skew.table) && tableExists(db, offsets.table)).toBe(true);
    expect(tableExists(db, 'state_intervals')).toBe(false);
    expect(columnsOf(db, offsets).map((c) => [c.name, c.kind])).toEqual([
      ['node', 'text'],
      ['offset_ms', 'real'],
      ['pairs', 'int64'],
      ['started_at', 'utc-time'],
    ]);
    const rows = [...iterateTableRows(db, skew, columnsOf(db, skew))];
    expect(rows).toEqual([
      ['HV01', 0, 0],
      ['HV02', 1.5, 3],
    ]);
    db.close();
  });
});
