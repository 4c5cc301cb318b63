import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/**
 * The shared EVTX corpus (`../shared/evtx-corpus` beside the repository). Users' clones do not
 * have it: tests that need it check `corpusAvailable` and skip with `corpusSkipNote`.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const corpusRoot = resolve(repoRoot, '../shared/evtx-corpus');
export const corpusAvailable = existsSync(join(corpusRoot, 'files'));
export const corpusSkipNote = `skipped: EVTX corpus not found at ${corpusRoot} (only in the lmdoctor workspace)`;

/** One row of expected/COUNTS.tsv. */
export interface CorpusCounts {
  file: string;
  reference: string;
  expectedRecords: number | null;
  evtxinfoRecords: number;
}

/** The per-file counts of the corpus, keyed by file name. */
export function readCorpusCounts(): Map<string, CorpusCounts> {
  const lines = readFileSync(join(corpusRoot, 'expected/COUNTS.tsv'), 'utf8').trim().split('\n');
  const header = (lines[0] ?? '').split('\t');
  const column = (row: string[], name: string) => row[header.indexOf(name)] ?? '';
  const counts = new Map<string, CorpusCounts>();
  for (const line of lines.slice(1)) {
    const row = line.split('\t');
    const expected = column(row, 'expected_records');
    counts.set(column(row, 'file'), {
      file: column(row, 'file'),
      reference: column(row, 'reference'),
      expectedRecords: expected === '-' ? null : Number(expected),
      evtxinfoRecords: Number(column(row, 'evtxinfo_records')),
    });
  }
  return counts;
}

/** Path of a corpus `.evtx` file. */
export function corpusFile(name: string): string {
  return join(corpusRoot, 'files', name);
}

/** The expected XML of a corpus file (gunzipped when stored as .xml.gz), or null. */
export function readExpectedXml(name: string): string | null {
  const plain = join(corpusRoot, 'expected', `${name}.xml`);
  if (existsSync(plain)) return readFileSync(plain, 'utf8');
  const zipped = `${plain}.gz`;
  if (existsSync(zipped)) return gunzipSync(readFileSync(zipped)).toString('utf8');
  return null;
}
