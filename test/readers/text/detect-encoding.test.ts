import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../../src/readers/text/detect-encoding.js';
import { encodeText } from '../../support/event-xml.js';

describe('detectEncoding', () => {
  const text = '<Event xmlns="x">é</Event>';
  it.each([
    ['utf-8', true, 'utf-8', 3],
    ['utf-8', false, 'utf-8', 0],
    ['utf-16le', true, 'utf-16le', 2],
    ['utf-16le', false, 'utf-16le', 0],
    ['utf-16be', true, 'utf-16be', 2],
    ['utf-16be', false, 'utf-16be', 0],
  ] as const)('%s with BOM %s', (encoding, bom, expected, bomLength) => {
    expect(detectEncoding(encodeText(text, encoding, bom))).toEqual({
      encoding: expected,
      bomLength,
    });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    expect(detectEncoding(Buffer.from([0x48, 0x56, 0xe9, 0x20, 0x41])).encoding).toBe(
      'windows-1252',
    );
  });
});
