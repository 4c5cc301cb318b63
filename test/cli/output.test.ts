import { describe, expect, it } from 'vitest';
import { writeQueryRows } from '../../src/cli/query-rows.js';
import { openStore } from '../../src/store/open-database.js';
import { runReadOnlySql } from '../../src/store/run-sql.js';
import { formatRows, resolveRowFormat, RowWriter, type RowFormat } from '../../src/cli/output.js';

const result = {
  columns: ['node', 'events', 'note'],
  rows: [
    { node: 'HV01', events: 12, note: 'plain' },
    { node: 'HV02', events: 3, note: 'has "quotes", commas\nand a newline' },
    { node: 'HV03', events: null, note: null },
  ],
};

describe('formatRows', () => {
  it('json: an array of objects', () => {
    expect(JSON.parse(formatRows(result, 'json'))).toEqual(result.rows);
  });

  it('ndjson: one object per line', () => {
    const lines = formatRows(result, 'ndjson').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(result.rows);
  });

  it('csv: header, RFC 4180 quoting, empty for null', () => {
    expect(formatRows(result, 'csv')).toBe(
      'node,events,note\r\nHV01,12,plain\r\nHV02,3,"has ""quotes"", commas\nand a newline"\r\nHV03,,\r\n',
    );
  });

  it('csv: neutralises cells a spreadsheet would run as a formula (OWASP), numbers kept', () => {
    const hostile = {
      columns: ['text', 'n', '=HYPERLINK("x")'],
      rows: [
        { text: "=cmd|' /C calc'!A0", n: -5, '=HYPERLINK("x")': '+1' },
        { text: '-2+3', n: 1.5, '=HYPERLINK("x")': '@SUM(A1)' },
        { text: '\t=1', n: null, '=HYPERLINK("x")': '\r=1' },
        { text: 'a = b', n: 0, '=HYPERLINK("x")': 'plain-text' },
      ],
    };
    expect(formatRows(hostile, 'csv').split('\r\n')).toEqual([
      'text,n,"\'=HYPERLINK(""x"")"',
      `"'=cmd|' /C calc'!A0",-5,"'+1"`,
      `"'-2+3",1.5,"'@SUM(A1)"`,
      `"'\t=1",,"'\r=1"`,
      'a = b,0,plain-text',
      '',
    ]);
  });

  it.each(['json', 'ndjson', 'csv'] as RowFormat[])(
    '%s written a row at a time is the same text as formatRows',
    (format) => {
      for (const rows of [result.rows, []]) {
        const pieces: string[] = [];
        const writer = new RowWriter(format as Exclude<RowFormat, 'table'>, result.columns, (t) =>
          pieces.push(t),
        );
        for (const row of rows) writer.row(row);
        writer.end();
        expect(pieces.join('')).toBe(formatRows({ columns: result.columns, rows }, format));
      }
    },
  );

  it('table: aligned columns, numbers right-aligned, control characters flattened, row count', () => {
    const text = formatRows(result, 'table');
    expect(text.split('\n')).toEqual([
      'node  events  note',
      `----  ------  ${'-'.repeat('has "quotes", commas and a newline'.length)}`,
      'HV01      12  plain',
      'HV02       3  has "quotes", commas and a newline',
      'HV03',
      '(3 rows)',
      '',
    ]);
  });

  it('defaults to table on a terminal and json otherwise', () => {
    expect(resolveRowFormat(undefined, true)).toBe('table');
    expect(resolveRowFormat(undefined, false)).toBe('json');
    expect(resolveRowFormat('csv', true)).toBe('csv');
  });
});

describe('writeQueryRows', () => {
  const db = openStore(':memory:');
  const sql =
    'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) ' +
    "SELECT i, 'event text ' || i AS text FROM n";
  const all = runReadOnlySql(db, sql);

  it.each(['json', 'ndjson', 'csv', 'table'] as RowFormat[])(
    '%s: the text of formatRows, written in bounded chunks as the rows come',
    (format) => {
      const pieces: string[] = [];
      expect(writeQueryRows(db, sql, {}, format, (t) => pieces.push(t))).toBe(20000);
      expect(pieces.join('')).toBe(formatRows(all, format));
      expect(pieces.length).toBeGreaterThan(5);
      expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(80 * 1024);
    },
  );
});
