import { describe, expect, it } from 'vitest';
import { formatRows, resolveRowFormat } from '../../src/cli/output.js';

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
