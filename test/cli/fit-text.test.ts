import { describe, expect, it } from 'vitest';
import { colourWanted } from '../../src/cli/colour.js';
import { shortenMiddle, shortenPath, visibleLength, wrapText } from '../../src/cli/fit-text.js';
import { formatTable } from '../../src/cli/output.js';
import { outputWidth } from '../../src/cli/text-view.js';

describe('fitting text to the terminal', () => {
  it('shortens in the middle, keeping both ends', () => {
    expect(shortenMiddle('Microsoft-Windows-Hyper-V-VMMS-Admin', 15)).toBe('Microso…S-Admin');
    expect(shortenMiddle('short', 15)).toBe('short');
    expect(shortenMiddle('abcdef', 1)).toBe('…');
  });

  it('shortens a path by its folders and keeps the file name whole', () => {
    const path = 'logs/customer/node-a/HV01_cluster.log';
    expect(shortenPath(path, 20)).toBe('…-a/HV01_cluster.log');
    expect(shortenPath(path, 20).length).toBe(20);
    expect(shortenPath('C:\\logs\\HV02_cluster.log', 18)).toBe('…\\HV02_cluster.log');
    expect(shortenPath(path, 16)).toBe('HV01_cluster.log');
  });

  it('wraps at spaces with a hanging indent, never wider than asked', () => {
    const lines = wrapText('  do: bring the live-migration network back, then retry', 24, '    ');
    expect(lines).toEqual([
      '  do: bring the',
      '    live-migration',
      '    network back, then',
      '    retry',
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(24);
    expect(wrapText('x'.repeat(30), 10)).toEqual(['xxxxx…xxxx']);
  });

  it('does not count colour codes as width', () => {
    expect(visibleLength('\x1b[31mfailed\x1b[39m')).toBe(6);
    expect(wrapText('a \x1b[31mfailed\x1b[39m b', 10)).toEqual(['a \x1b[31mfailed\x1b[39m b']);
  });
});

describe('tables within a width', () => {
  const result = {
    columns: ['node', 'file', 'note', 'n'],
    rows: [
      {
        node: 'HV01',
        file: 'collected/HV01/HV01_cluster.log',
        note: 'one two three four five six',
        n: 12,
      },
      { node: 'HV02', file: 'collected/HV02/HV02_cluster.log', note: 'short', n: 3 },
    ],
  };

  it('fits every line, keeps file names and numbers, wraps prose columns', () => {
    const text = formatTable(result, { width: 44, pathColumns: ['file'], wrapColumns: ['note'] });
    const lines = text.trimEnd().split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(44);
    expect(text).toContain('HV01_cluster.log');
    expect(text).toContain('HV02_cluster.log');
    expect(text).toMatch(/\b12\n/);
    // the long note went on to a second line instead of being cut
    expect(text).toContain('five six');
    expect(text).not.toContain('…five');
  });

  it('shows every cell whole when the width has no limit', () => {
    const text = formatTable(result, { width: Infinity });
    expect(text).toContain('collected/HV01/HV01_cluster.log');
    expect(text).toContain('one two three four five six');
  });

  it('paints cells without moving the columns', () => {
    const plain = formatTable(result, { width: Infinity });
    const painted = formatTable(result, {
      width: Infinity,
      paint: (column, text) => (column === 'node' ? `\x1b[1m${text}\x1b[22m` : text),
    });
    expect(painted.replaceAll('\x1b[1m', '').replaceAll('\x1b[22m', '')).toBe(plain);
  });
});

describe('colour and width follow the environment', () => {
  const tty = { isTTY: true, hasColors: () => true };
  it('colour: on a terminal only, NO_COLOR turns it off, FORCE_COLOR decides when set', () => {
    expect(colourWanted(tty, {})).toBe(true);
    expect(colourWanted({ isTTY: false }, {})).toBe(false);
    expect(colourWanted(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colourWanted(tty, { NO_COLOR: '' })).toBe(true);
    expect(colourWanted({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourWanted(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colourWanted({ isTTY: true, hasColors: () => false }, {})).toBe(false);
  });

  it('width: the terminal, else COLUMNS, else no limit; --wide lifts it', () => {
    expect(outputWidth({ isTTY: true, columns: 90 }, { COLUMNS: '70' }, false)).toBe(90);
    expect(outputWidth({ isTTY: false }, { COLUMNS: '70' }, false)).toBe(70);
    expect(outputWidth({ isTTY: false }, {}, false)).toBe(Infinity);
    expect(outputWidth({ isTTY: true, columns: 90 }, {}, true)).toBe(Infinity);
  });
});
