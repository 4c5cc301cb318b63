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
    // Schema step 7 turned clock_skew into a view over clock_offsets.
    db.exec(`INSERT INTO clock_offsets (node, offset_ms, uncertainty_ms, pairs, basis, reference)
      VALUES ('HV02', 1500, 250, 3, 'migration-start×3', 'HV01'), ('HV01', 0, 0, 0, 'reference', 'HV01');`);
    const skew = exportTables.find((t) => t.name === 'clock_skew')!;
    const offsets = exportTables.find((t) => t.name === 'clock_offsets')!;
    expect(
      db.prepare("SELECT type FROM sqlite_master WHERE name = 'clock_skew'").pluck().get(),
    ).toBe('view');
    expect(tableExists(db, skew.table) && tableExists(db, offsets.table)).toBe(true);
    expect(tableExists(db, 'no_such_table')).toBe(false);
    expect(columnsOf(db, offsets).map((c) => [c.name, c.kind])).toEqual([
      ['node', 'text'],
      ['offset_ms', 'real'],
      ['uncertainty_ms', 'real'],
      ['pairs', 'int64'],
      ['basis', 'text'],
      ['reference', 'text'],
    ]);
    const rows = [...iterateTableRows(db, skew, columnsOf(db, skew))];
    expect(rows).toEqual([
      ['HV01', 0, 0, 'HV01'],
      ['HV02', 1.5, 3, 'HV01'],
    ]);
    db.close();
  });
});
