import type { Migration } from '../model/migration.js';
import type { Store } from '../store/open-database.js';

/** Somewhere text can be written piece by piece (process.stdout). */
export interface TextSink {
  write(text: string): unknown;
}

/**
 * Writes `JSON.stringify(object, null, 2)` followed by a newline, byte for byte, except that
 * the array under the top-level key `key` (empty in `object`) is filled from `items` as they
 * come, a batch at a time, so a long list is never one string in memory.
 */
export function writeJsonStreamed(
  out: TextSink,
  object: object,
  key: string,
  items: Iterable<readonly unknown[]>,
): void {
  const text = JSON.stringify(object, null, 2);
  const marker = `\n  ${JSON.stringify(key)}: []`;
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`writeJsonStreamed: no empty top-level "${key}" array`);
  out.write(`${text.slice(0, at + marker.length - 1)}`);
  let first = true;
  for (const batch of items) {
    const parts: string[] = [];
    for (const item of batch) {
      parts.push(
        `${first ? '' : ','}\n    ${JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')}`,
      );
      first = false;
    }
    if (parts.length > 0) out.write(parts.join(''));
  }
  out.write(`${first ? '' : '\n  '}]${text.slice(at + marker.length)}\n`);
}

/** Stored migrations a page at a time, each page mapped by `map`. */
export function* batchesOf<T>(
  select: (db: Store, afterId: number, limit: number) => Migration[],
  db: Store,
  map: (m: Migration) => T,
  pageSize = 200,
): Generator<T[]> {
  let afterId = 0;
  for (;;) {
    const page = select(db, afterId, pageSize);
    if (page.length === 0) return;
    afterId = page[page.length - 1]!.id;
    yield page.map(map);
  }
}
