/**
 * A language made up for the samples (locale `x-invented`): each English word becomes an
 * invented word, the same one every time, while numbers, `%n` insertion marks, quotes,
 * punctuation, error codes (`0x8009030E`), GUIDs and the names passed in `keep` stay as they
 * are. A message in this language shares no word with any real Windows translation, so a
 * rule that only works because it knows a translation fails on it. Pure and deterministic.
 */
import { createHash } from 'node:crypto';

const consonants = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'x'];
const vowels = ['a', 'e', 'i', 'o', 'u', 'y'];

const cache = new Map<string, string>();

/** One English word → its invented word (capitalised like the original). */
export function inventWord(word: string): string {
  const lower = word.toLowerCase();
  let invented = cache.get(lower);
  if (invented === undefined) {
    const hash = createHash('sha256').update(`lmdoctor-invented/${lower}`).digest();
    const syllables = 1 + (hash[0]! % 3);
    invented = '';
    for (let i = 0; i < syllables; i++)
      invented +=
        consonants[hash[1 + 2 * i]! % consonants.length]! +
        vowels[hash[2 + 2 * i]! % vowels.length]!;
    invented += consonants[hash[9]! % consonants.length]!;
    cache.set(lower, invented);
  }
  if (word === word.toUpperCase() && word.length > 1) return invented.toUpperCase();
  if (word[0] === word[0]!.toUpperCase()) return invented[0]!.toUpperCase() + invented.slice(1);
  return invented;
}

/** Error codes, GUIDs, `%n` marks, numbers and quoted or kept names are not words. */
const notWords =
  /(0x[0-9A-Fa-f]+|\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}?|%\d+|'[^']*'|"[^"]*"|[A-Z]:\\[^\s']*)/;

/** An English text in the invented language; `keep` lists names that stay as written. */
export function inventText(text: string, keep: readonly string[] = []): string {
  const escaped = keep.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const split = new RegExp(`(${[...escaped, notWords.source.slice(1, -1)].join('|')})`);
  return text
    .split(split)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z]+/g, inventWord)))
    .join('');
}
