import { isAscii, isUtf8 } from 'node:buffer';

/**
 * Decodes a UTF-8 byte stream chunk by chunk, giving exactly what one streaming
 * `TextDecoder('utf-8', { fatal: false, ignoreBOM: true })` would, but faster: while the bytes
 * are valid UTF-8 they are decoded by Buffer (one-byte strings for ASCII text, which everything
 * downstream reads and converts faster than the two-byte strings TextDecoder makes; an ASCII
 * chunk is copied as Latin-1, the same text without decoding). At the
 * first invalid sequence the rest of the stream goes to TextDecoder, whose U+FFFD replacement
 * rules then apply; since the bytes before it ended on a complete sequence, its output is the
 * same as if it had decoded everything.
 */
export class Utf8ChunkDecoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  private valid = true;
  /** The start of a sequence cut by the chunk end, held for the next chunk. */
  private carry: Buffer | null = null;

  decode(chunk: Uint8Array): string {
    if (!this.valid) return this.decoder.decode(chunk, { stream: true });
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // ASCII is the same text read as Latin-1, which Buffer copies without decoding.
    if (this.carry === null && isAscii(bytes)) return bytes.toString('latin1');
    const data = this.carry === null ? bytes : Buffer.concat([this.carry, bytes]);
    const end = completeLength(data);
    const body = data.subarray(0, end);
    if (!isUtf8(body)) {
      this.valid = false;
      this.carry = null;
      return this.decoder.decode(data, { stream: true });
    }
    this.carry = end < data.length ? Buffer.from(data.subarray(end)) : null;
    return body.toString('utf8');
  }

  /** The end of the stream: whatever is still held (an incomplete sequence, if any). */
  end(): string {
    const carry = this.carry;
    this.carry = null;
    return carry === null ? this.decoder.decode() : this.decoder.decode(carry);
  }
}

/** Bytes up to the start of a multi-byte sequence the data ends in the middle of. Pure. */
function completeLength(data: Uint8Array): number {
  const length = data.length;
  for (let back = 1; back <= Math.min(3, length); back++) {
    const byte = data[length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? length - back : length;
  }
  return length;
}
