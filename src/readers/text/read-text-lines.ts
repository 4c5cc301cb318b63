import { readTextChunks } from './read-text-chunks.js';
import type { DetectedEncoding } from './detect-encoding.js';

/** One line of a text file, without its line end. */
export interface TextLine {
  text: string;
  /** 1-based line number. */
  number: number;
}

export interface TextLines {
  encoding: DetectedEncoding;
  lines: AsyncIterable<TextLine[]>;
}

/**
 * Streams a text file as batches of lines (one batch per decoded chunk), accepting CRLF and LF
 * line ends. Only the current chunk and one partial line are held, so memory stays flat; a
 * single line longer than `maxLineLength` characters is cut there and the rest of it dropped
 * (the caller learns it from `onLongLine`). `onProgress` receives the bytes consumed so far.
 */
export async function readTextLines(
  path: string,
  options: {
    maxLineLength?: number;
    onProgress?: (bytesRead: number) => void;
    onLongLine?: (lineNumber: number) => void;
  } = {},
): Promise<TextLines> {
  const maxLineLength = options.maxLineLength ?? 1 << 20;
  const { encoding, chunks } = await readTextChunks(path);

  async function* batches(): AsyncGenerator<TextLine[]> {
    let carry = '';
    let carryCut = false;
    let number = 0;
    for await (const chunk of chunks) {
      const batch: TextLine[] = [];
      let start = 0;
      const text = chunk.text;
      for (;;) {
        const end = text.indexOf('\n', start);
        if (end < 0) break;
        let line: string;
        if (carry.length > 0) {
          line = carry + text.slice(start, end);
          carry = '';
          if (line.endsWith('\r')) line = line.slice(0, -1);
        } else {
          // One slice per line: the CR of a CRLF is left out of it rather than cut off after.
          line = text.slice(
            start,
            end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end,
          );
        }
        number++;
        if (carryCut || line.length > maxLineLength) {
          options.onLongLine?.(number);
          line = line.slice(0, maxLineLength);
        }
        carryCut = false;
        batch.push({ text: line, number });
        start = end + 1;
      }
      if (start < text.length) {
        if (carry.length + (text.length - start) > maxLineLength) {
          carry = (carry + text.slice(start)).slice(0, maxLineLength);
          carryCut = true;
        } else {
          carry += text.slice(start);
        }
      }
      options.onProgress?.(chunk.bytesRead);
      if (batch.length > 0) yield batch;
    }
    if (carry.length > 0) {
      number++;
      if (carry.endsWith('\r')) carry = carry.slice(0, -1);
      if (carryCut) options.onLongLine?.(number);
      yield [{ text: carry, number }];
    }
  }

  return { encoding, lines: batches() };
}
