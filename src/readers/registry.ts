import { clusterLogReader } from './cluster-log/cluster-log-reader.js';
import { configReader } from './config/config-reader.js';
import { evtxReader } from './evtx/evtx-reader.js';
import type { InputFile, ReadOptions, Reader } from './reader.js';
import { xmlExportReader } from './xml-export/read-xml-export.js';

/**
 * Every input format lmdoctor reads, most specific first: the first reader whose `sniff`
 * accepts a file's first bytes takes it. A new format is a new folder plus one line here.
 */
export const readers: readonly Reader[] = [
  evtxReader,
  xmlExportReader,
  clusterLogReader,
  configReader,
];

/** The reader that takes a file, by content first and file name second; null when none does. */
export function pickReader(head: Uint8Array, fileName: string): Reader | null {
  const candidates = readers.filter((reader) => reader.sniff(head, fileName));
  return candidates[0] ?? null;
}

/** Lets every reader free what it keeps between files (see Reader.release). */
export async function releaseReaders(): Promise<void> {
  await Promise.all(readers.map((reader) => reader.release?.()));
}

/** Tells every reader which of `files` it will read (see Reader.prepare). */
export function prepareReaders(
  files: readonly { file: InputFile; reader: Reader }[],
  options: ReadOptions,
): void {
  for (const reader of readers) {
    const own = files.filter((f) => f.reader === reader).map((f) => f.file);
    if (own.length > 0) reader.prepare?.(own, options);
  }
}
