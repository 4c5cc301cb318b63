/**
 * Zip entry name → a safe relative path (segments joined with `/`), or null when the name
 * tries to leave the extraction folder (absolute, drive letter, UNC, `..`). Characters that
 * Windows or POSIX file systems reject are replaced, each segment is capped in length, and
 * trailing dots and spaces (which Windows drops) are removed. Pure.
 */
export function sanitizeEntryName(raw: string): string | null {
  const name = raw.replace(/\\/g, '/');
  if (name.includes('\0')) return null;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return null;
  const segments: string[] = [];
  for (const segment of name.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') return null;
    let clean = segment
      .replace(unsafeCharacters, '_')
      .replace(/[. ]+$/, '')
      .slice(0, maxSegmentLength);
    if (clean.length === 0 || clean === '..' || clean === '.') clean = '_';
    segments.push(clean);
  }
  return segments.length === 0 ? null : segments.join('/');
}

const maxSegmentLength = 120;
// Control characters are exactly what this pattern removes.
// eslint-disable-next-line no-control-regex
const unsafeCharacters = /[\u0000-\u001f\u007f<>:"|?*]/g;
