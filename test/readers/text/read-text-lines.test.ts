import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextLines } from '../../../src/readers/text/read-text-lines.js';
import { useTempDir } from '../../support/temp-dir.js';

/** The lines of a text: split at LF, one CR before each LF dropped. The reference. */
function reference(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

async function readLines(path: string): Promise<string[]> {
  const { lines } = await readTextLines(path);
  const texts: string[] = [];
  let expected = 1;
  for await (const batch of lines) {
    for (const line of batch) {
      expect(line.number).toBe(expected++);
      texts.push(line.text);
    }
  }
  return texts;
}

describe('readTextLines', () => {
  const tempDir = useTempDir();

  it('splits CRLF and LF lines wherever the 1 MiB chunks cut them, keeping a CR inside a line', async () => {
    const chunk = 1 << 20;
    const shapes = ['\r\n', '\n', '\r\r\n', 'x\rx\r\n', '\r'];
    for (const [k, end] of shapes.entries()) {
      for (const shift of [-2, -1, 0, 1]) {
        // A line end (or its CR alone) falls on the chunk boundary, give or take a byte.
        const filler = 'f'.repeat(99) + '\n';
        const before = chunk - end.length + shift - 4;
        const head = filler.repeat(Math.floor(before / 100)) + 'b'.repeat(before % 100);
        const text = `${head}last${end}second\r\nthird\nlast`;
        const path = join(tempDir(), `lines-${k}-${shift}.txt`);
        writeFileSync(path, text, 'latin1');
        expect(await readLines(path)).toEqual(reference(text));
      }
    }
  });
});
