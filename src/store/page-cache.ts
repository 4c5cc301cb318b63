import type { Store } from './open-database.js';

/**
 * Runs `work` with SQLite's page cache of the main database at most `kib` KiB, then sets it
 * back. Ingest wants a large cache for its index pages; replay and diagnosis read in index
 * order and do as well with a small one, which keeps the process's memory down.
 */
export function withPageCacheAtMost<T>(db: Store, kib: number, work: () => T): T {
  const previous = db.pragma('cache_size', { simple: true }) as number;
  // A negative cache_size is in KiB, a positive one in pages.
  const previousKiB =
    previous < 0
      ? -previous
      : (previous * (db.pragma('page_size', { simple: true }) as number)) / 1024;
  if (previousKiB <= kib) return work();
  db.pragma(`cache_size = ${-kib}`);
  try {
    return work();
  } finally {
    db.pragma(`cache_size = ${previous}`);
  }
}
