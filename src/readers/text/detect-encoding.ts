/** Text encodings lmdoctor reads; names are WHATWG TextDecoder labels. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip at the start of the file. */
  bomLength: number;
}

/**
 * Guesses the encoding of a text file from its first bytes: a byte-order mark when there is
 * one; otherwise UTF-16 when NUL bytes sit in every other position (PowerShell's `>` writes
 * UTF-16LE), UTF-8 when the bytes are valid UTF-8, and Windows-1252 (ANSI) failing that. Pure.
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3 };
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const sample = head.subarray(0, Math.min(head.length, 4096));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  const pairs = Math.max(1, Math.floor(sample.length / 2));
  if (oddZeros > pairs * 0.3 && evenZeros < oddZeros / 4)
    return { encoding: 'utf-16le', bomLength: 0 };
  if (evenZeros > pairs * 0.3 && oddZeros < evenZeros / 4)
    return { encoding: 'utf-16be', bomLength: 0 };
  return { encoding: isValidUtf8(sample) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

/** True when the bytes are UTF-8, allowing one sequence cut off at the end. Pure. */
function isValidUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const extra =
      b < 0x80
        ? 0
        : b >= 0xc2 && b < 0xe0
          ? 1
          : b >= 0xe0 && b < 0xf0
            ? 2
            : b >= 0xf0 && b < 0xf5
              ? 3
              : -1;
    if (extra < 0) return false;
    for (let k = 1; k <= extra; k++) {
      if (i + k >= bytes.length) return true;
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

/** Bytes one text character (UTF-16 code unit) takes, where that is fixed; null for UTF-8. */
export function fixedBytesPerCodeUnit(encoding: TextEncodingName): number | null {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 2;
  if (encoding === 'windows-1252') return 1;
  return null;
}
