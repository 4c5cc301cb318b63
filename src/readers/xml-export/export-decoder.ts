import { TextDecoder } from 'node:util';
import type { TextEncodingName } from '../text/detect-encoding.js';
import { Utf8ChunkDecoder } from '../text/utf8-chunk-decoder.js';
import type { ExportScanner } from './export-scanner.js';

/** Decodes an export's bytes, chunk by chunk, into an ExportScanner; `end` finishes it. */
export interface ExportDecoder {
  decode(chunk: Buffer): void;
  end(): void;
}

/** The decoder for `encoding`; `startByte` is the offset of the first byte it will be given. */
export function exportDecoder(
  encoding: TextEncodingName,
  startByte: number,
  scanner: ExportScanner,
): ExportDecoder {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    return new Utf16Decoder(encoding, startByte, scanner);
  }
  const decoder =
    encoding === 'utf-8'
      ? new Utf8ChunkDecoder()
      : new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
  return {
    decode: (chunk) =>
      scanner.push(
        decoder instanceof Utf8ChunkDecoder
          ? decoder.decode(chunk)
          : decoder.decode(chunk, { stream: true }),
      ),
    end: () => {
      scanner.push(decoder instanceof Utf8ChunkDecoder ? decoder.end() : decoder.decode());
      scanner.finish();
    },
  };
}

/** `<Event` in UTF-16 code units of either byte order. */
function eventTagBytes(encoding: 'utf-16le' | 'utf-16be'): Buffer {
  const bytes = Buffer.from('<Event', 'utf16le');
  return encoding === 'utf-16be' ? bytes.swap16() : bytes;
}

/**
 * UTF-16 with resynchronisation: one byte missing or added shifts every later code unit by a
 * byte, and the rest of the file decodes to unrelated characters. An `<Event` tag that starts
 * at an offset of the other parity than the code units shows where the text is in step again:
 * the text before it goes to the scanner as decoded (damage it reports), then decoding resumes
 * at the tag (`ExportScanner.realign`). The byte pattern of `<Event` at the wrong parity would
 * have to be a run of five CJK ideographs (U+4500, U+7600, …) in the text itself.
 */
class Utf16Decoder implements ExportDecoder {
  private decoder: TextDecoder;
  private readonly tag: Buffer;
  /** Bytes not given to the decoder yet, starting at file offset `heldByte`. */
  private held: Buffer = Buffer.alloc(0);
  private heldByte: number;
  /** Parity of the file offsets at which code units start. */
  private parity: number;

  constructor(
    private readonly encoding: 'utf-16le' | 'utf-16be',
    startByte: number,
    private readonly scanner: ExportScanner,
  ) {
    this.decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
    this.tag = eventTagBytes(encoding);
    this.heldByte = startByte;
    this.parity = startByte % 2;
  }

  decode(chunk: Buffer): void {
    const data = this.held.length === 0 ? chunk : Buffer.concat([this.held, chunk]);
    const base = this.heldByte;
    let from = 0; // first byte of `data` not yet decoded
    const tag = this.tag.length;
    for (let at = data.indexOf(this.tag); at >= 0; at = data.indexOf(this.tag, at + 1)) {
      // An event's start tag at the other parity; `<EventData` and the like are no event start.
      if ((base + at) % 2 === this.parity || at + tag + 2 > data.length) continue;
      const next = this.unitAt(data, at + tag);
      if (!(
        next === 0x20 ||
        next === 0x09 ||
        next === 0x0d ||
        next === 0x0a ||
        next === 0x3e ||
        next === 0x2f
      ))
        continue;
      // Out of step before `at`: what precedes goes as decoded, then a fresh start at the tag.
      this.scanner.push(this.decoder.decode(data.subarray(from, at)));
      this.scanner.realign(base + at);
      this.decoder = new TextDecoder(this.encoding, { fatal: false, ignoreBOM: true });
      this.parity = (base + at) % 2;
      from = at;
    }
    // Hold back what may be the start of a tag and the code unit after it, cut by the chunk end.
    const keep = Math.max(from, data.length - (tag + 1));
    this.scanner.push(this.decoder.decode(data.subarray(from, keep), { stream: true }));
    this.held = Buffer.from(data.subarray(keep));
    this.heldByte = base + keep;
  }

  private unitAt(data: Buffer, at: number): number {
    return this.encoding === 'utf-16le' ? data.readUInt16LE(at) : data.readUInt16BE(at);
  }

  end(): void {
    this.scanner.push(this.decoder.decode(this.held));
    this.held = Buffer.alloc(0);
    this.scanner.finish();
  }
}
