import { describe, expect, it } from 'vitest';
import { Console, terminalSafe } from '../../src/cli/console.js';

/** Issue 17 item 12: file names are written by anyone; their control characters must not reach the terminal. */
describe('text written to stderr', () => {
  const hostile = 'evil\x1b]0;pwned\x07\x1b[2J\r\u009b31mname\u202e.evtx';

  it('shows control characters of names as escapes, keeping line breaks and tabs', () => {
    expect(terminalSafe(`a\tb\n${hostile}`)).toBe(
      'a\tb\nevil\\x1b]0;pwned\\x07\\x1b[2J\\r\\x9b31mname\\u202e.evtx',
    );
  });

  it('Console info and warning lines carry no escape sequence', () => {
    let written = '';
    const stream = {
      write: (text: string) => (written += text),
      isTTY: false,
    } as unknown as NodeJS.WriteStream;
    const console = new Console(stream);
    console.info(`skipped ${hostile}: not a log`);
    console.warn(`${hostile}: 2 problems`);
    // eslint-disable-next-line no-control-regex -- what must not be written
    expect(written).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(written).toContain('skipped evil\\x1b]0;pwned');
  });
});
