import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogEvents } from '../../src/catalog/events/index.js';
import { repoRoot } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';
import { scanForLeaks, unallowed, type AllowedLeak } from './knowledge-leaks.js';

const catalogIds = new Set(catalogEvents.map((e) => e.eventId));

/** The only places outside src/catalog/ that may write an event id, and why. */
const allowed: readonly AllowedLeak[] = [
  {
    path: 'src/cli/commands/catalog.ts',
    ids: [21502],
    reason: "the catalog command's help and usage error show an id a user may type",
  },
];

describe('Windows knowledge stays in src/catalog/ (issue 15 item 4)', () => {
  const tempDir = useTempDir();

  it('finds no event-id literal and no LIKE on message text outside src/catalog/', () => {
    const leaks = scanForLeaks(repoRoot, 'src', 'src/catalog/', catalogIds);
    expect(unallowed(leaks, allowed)).toEqual([]);
    // Every allowance is still needed (a stale one would hide a new leak in that file).
    for (const a of allowed)
      expect(leaks.filter((l) => l.path === a.path).map((l) => Number(l.text))).toEqual(
        expect.arrayContaining([...a.ids]),
      );
  });

  it('bites on planted ids and message LIKEs in a source file', () => {
    const root = tempDir();
    mkdirSync(join(root, 'src', 'diagnose'), { recursive: true });
    mkdirSync(join(root, 'src', 'catalog'), { recursive: true });
    const planted = [
      'export const redirected = (e: { eventId: number }) => e.eventId === 5136;',
      'export const ids = [1135, 1177];',
      'export const sql = "SELECT * FROM events WHERE event_id IN (1641, 1201)";',
      "export const like = `SELECT id FROM events WHERE message LIKE '%Cluster%'`;",
      "export const also = \"data LIKE '%ClusSvc%' OR provider LIKE '%FailoverClustering%'\";",
      'export const uncatalogued = (eventId: number) => eventId !== 4624;',
      'export const summary = (n: number) => `no network error (21126 / ${n})`;',
    ].join('\n');
    writeFileSync(join(root, 'src', 'diagnose', 'planted.ts'), planted);
    // The catalogue itself may say all of this.
    writeFileSync(join(root, 'src', 'catalog', 'entry.ts'), planted);
    const leaks = scanForLeaks(root, 'src', 'src/catalog/', catalogIds);
    expect(leaks.map((l) => [l.path, l.line, l.kind, l.text])).toEqual([
      ['src/diagnose/planted.ts', 1, 'event-id', '5136'],
      ['src/diagnose/planted.ts', 2, 'event-id', '1135'],
      ['src/diagnose/planted.ts', 2, 'event-id', '1177'],
      ['src/diagnose/planted.ts', 3, 'event-id', '1641'],
      ['src/diagnose/planted.ts', 3, 'event-id', '1201'],
      ['src/diagnose/planted.ts', 3, 'event-id', 'event_id IN (1641'],
      ['src/diagnose/planted.ts', 4, 'message-like', "message LIKE '%Cluster%'"],
      ['src/diagnose/planted.ts', 5, 'message-like', "data LIKE '%ClusSvc%'"],
      ['src/diagnose/planted.ts', 5, 'message-like', "provider LIKE '%FailoverClustering%'"],
      ['src/diagnose/planted.ts', 6, 'event-id', 'eventId !== 4624'],
      ['src/diagnose/planted.ts', 7, 'event-id', '21126'],
    ]);
    // An allowance covers only its file and its ids.
    expect(
      unallowed(leaks, [{ path: 'src/diagnose/planted.ts', ids: [1135, 1177], reason: 'test' }]),
    ).toHaveLength(9);
  });

  it('leaves ports, sizes, timeouts, times, codes, parameters and comments alone', () => {
    const root = tempDir();
    mkdirSync(join(root, 'src', 'cli'), { recursive: true });
    writeFileSync(
      join(root, 'src', 'cli', 'quiet.ts'),
      [
        '// 5136 is a CSV event; comments may cite ids.',
        '/* so may block comments: 21502, 1135 */',
        'export const ports = "TCP 6600 (live migration) and 3343 (cluster)";',
        'export const sizes = [4096, 65536, 64 * 1024];',
        'export const waitMs = 60_000 + 10000;',
        "export const when = '2011-04-15T10:14:30.5 on Windows Server 2019';",
        "export const code = '0x000013AB (5035)';",
        "export const search = 'data LIKE @vm0 OR message LIKE @vm0';",
        'export const shape = "message LIKE \'%(%)%\'";',
        'export const count = (rows: number) => rows > 20000;',
      ].join('\n'),
    );
    expect(scanForLeaks(root, 'src', 'src/catalog/', catalogIds)).toEqual([]);
  });
});
