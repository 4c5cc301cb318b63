/**
 * Sizes fixed by the EVTX format and the limits the parser enforces on hostile input.
 * Spec: ../shared/reference/evtx-format.md §1 (libevtx documentation, MS-EVEN6).
 */

export const fileHeaderSizeInBytes = 4096;
export const chunkSizeInBytes = 65536;
export const chunkHeaderSizeInBytes = 512;
export const recordHeaderSizeInBytes = 24;
/** Record header (24) plus the trailing size copy (4). */
export const minRecordSizeInBytes = 28;
/** Nested template instances (0x21 values inside values) deeper than this are damage. */
export const maxNestingDepth = 64;
/** Open elements deeper than this are damage (stops stack exhaustion on crafted input). */
export const maxElementDepth = 512;
/** Templates kept for sharing across chunks before the cache is cleared (keeps memory flat). */
export const maxSharedTemplates = 4096;
/** Characters of template node texts kept to find equal templates (see TemplateCache). */
export const maxTemplateSignatureChars = 1 << 22;

/** Damage at a known place inside a chunk; the record (or chunk) is skipped and reported. */
export class EvtxDamage extends Error {
  constructor(
    message: string,
    /** Chunk offset where the damage was found. */
    readonly chunkOffset: number,
  ) {
    super(message);
    this.name = 'EvtxDamage';
  }
}

/**
 * Throws EvtxDamage unless `[offset, offset + length)` lies inside `[0, limit)`. Every length and
 * offset read from the file passes through here before it is used.
 */
export function checkBound(offset: number, length: number, limit: number, what: string): void {
  if (offset < 0 || length < 0 || offset + length > limit) {
    throw new EvtxDamage(
      `${what} (${length} bytes at chunk offset ${offset}) runs past the end (${limit})`,
      offset,
    );
  }
}
