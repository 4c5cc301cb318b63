import { createReadStream } from 'node:fs';
import { detectEncoding, type DetectedEncoding } from './detect-encoding.js';
import { Utf8ChunkDecoder } from './utf8-chunk-decoder.js';

export interface TextChunk {
  text: string;
  /** File bytes consumed once this chunk is decoded (for progress). */
  bytesRead: number;
}

export interface TextChunks {
  encoding: DetectedEncoding;
  chunks: AsyncIterable<TextChunk>;
}

const chunkSizeInBytes = 1 << 20;

/**
 * Streams a text file as decoded chunks (about 1 MiB each), detecting the encoding from the
 * first bytes and skipping the byte-order mark. Never holds the whole file. Invalid byte
 * sequences decode to U+FFFD rather than failing.
 */
export async function readTextChunks(path: string): Promise<TextChunks> {
  const stream = createReadStream(path, { highWaterMark: chunkSizeInBytes });
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iterator.next();
  const firstBytes: Buffer = first.done ? Buffer.alloc(0) : first.value;
  const encoding = detectEncoding(firstBytes);
  const decoder =
    encoding.encoding === 'utf-8' ? new Utf8ChunkDecoder() : new StreamDecoder(encoding.encoding);

  async function* chunks(): AsyncGenerator<TextChunk> {
    let bytesRead = firstBytes.length;
    yield {
      text: decoder.decode(firstBytes.subarray(encoding.bomLength)),
      bytesRead,
    };
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      bytesRead += next.value.length;
      yield { text: decoder.decode(next.value), bytesRead };
    }
    const rest = decoder.end();
    if (rest.length > 0) yield { text: rest, bytesRead };
  }

  return { encoding, chunks: chunks() };
}

/** A streaming TextDecoder with the interface of Utf8ChunkDecoder. */
class StreamDecoder {
  private readonly decoder;

  constructor(encoding: string) {
    this.decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
  }

  decode(chunk: Uint8Array): string {
    return this.decoder.decode(chunk, { stream: true });
  }

  end(): string {
    return this.decoder.decode();
  }
}
