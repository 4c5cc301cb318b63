import { describe, expect, it } from 'vitest';
import { writeJsonStreamed } from '../../src/case/stream-json.js';

function streamed(object: object, key: string, batches: unknown[][]): string {
  let text = '';
  writeJsonStreamed({ write: (t: string) => (text += t) }, object, key, batches);
  return text;
}

describe('writeJsonStreamed', () => {
  it('writes what JSON.stringify writes, whatever the batches', () => {
    const items = [
      { id: 1, text: 'a "quoted"\nline', nested: { list: [1, [2, 3], {}], empty: [] } },
      { id: 2, value: null },
      [],
      'plain',
      { id: 3, deep: { deeper: { deepest: ['x'] } } },
    ];
    const object = { schemaVersion: 1, before: { a: [1] }, list: items, after: ['z'] };
    const expected = `${JSON.stringify(object, null, 2)}\n`;
    const shell = { ...object, list: [] };
    expect(streamed(shell, 'list', [items])).toBe(expected);
    expect(streamed(shell, 'list', [[items[0]], [], items.slice(1, 3), items.slice(3)])).toBe(
      expected,
    );
    expect(streamed(shell, 'list', [])).toBe(`${JSON.stringify(shell, null, 2)}\n`);
    expect(streamed({ list: [] }, 'list', [[1]])).toBe(
      `${JSON.stringify({ list: [1] }, null, 2)}\n`,
    );
  });

  it('refuses an object without the empty array', () => {
    expect(() => streamed({ list: [1] }, 'list', [])).toThrow(/no empty top-level/);
  });
});
