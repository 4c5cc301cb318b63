import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildScenarioFiles } from '../sample-log-generator/generate-sample-logs.js';
import { scenarios } from '../sample-log-generator/scenarios/index.js';
import { useTempDir } from '../support/temp-dir.js';

/**
 * Proof that the generated `.evtx` files are real: Debian's libevtx (`evtxexport`, package
 * libevtx-utils) and python-evtx (`evtx_dump.py`, `evtx_info.py`, package python3-evtx) read
 * every record of every file, with the ids the generator wrote, and find the checksums valid.
 * Each tool is optional: its tests are skipped with a message when it is not installed.
 */

function installed(command: string, args: string[]): boolean {
  const run = spawnSync(command, args, { encoding: 'utf8' });
  return run.error === undefined;
}

const hasLibevtx = installed('evtxexport', ['-V']);
const hasPythonEvtx = installed('evtx_dump.py', ['-h']) && installed('evtx_info.py', ['-h']);
const skipNote = (pkg: string, ok: boolean) => (ok ? '' : ` (skipped: apt-get install ${pkg})`);

function run(command: string, file: string, extra: string[] = []): string {
  const result = spawnSync(command, [...extra, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  expect(result.error, `${command} ${file}`).toBeUndefined();
  expect(result.status, `${command} ${file}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

/** `eventId:recordId` of every `<Event>` in the tool's XML output, in output order. */
function idsOf(xml: string): string[] {
  const ids: string[] = [];
  for (const event of xml.split('</Event>').slice(0, -1)) {
    const eventId = /<EventID[^>]*>(\d+)<\/EventID>/.exec(event)?.[1];
    const recordId = /<EventRecordID>(\d+)<\/EventRecordID>/.exec(event)?.[1];
    ids.push(`${eventId}:${recordId}`);
  }
  return ids;
}

const generated = scenarios.map((scenario) => ({ scenario, built: buildScenarioFiles(scenario) }));

describe('generated .evtx files', () => {
  it('span several chunks and use both EventData and UserData shapes', () => {
    const chunkCounts = generated.flatMap(({ built }) =>
      [...built.files].filter(([n]) => n.endsWith('.evtx')).map(([, b]) => (b.length - 4096) / 65536),
    );
    expect(Math.max(...chunkCounts)).toBeGreaterThanOrEqual(2);
    const shapes = new Set(
      generated.flatMap(({ built }) => [...built.evtxEvents.values()].flat().map((e) => e.payload.kind)),
    );
    expect(shapes).toEqual(new Set(['eventData', 'userData']));
  });
});

// One block per scenario keeps each test well inside the timeout (python-evtx is slow).
describe.each(generated.map((g) => [g.scenario.folder, g] as const))('reference parsers on %s', (_folder, { scenario, built }) => {
  const tempDir = useTempDir();

  function writeAll(): { path: string; name: string; expected: string[]; chunks: number; damagedChunk: number | null }[] {
    return [...built.evtxEvents].map(([name, events]) => {
      const path = join(tempDir(), name);
      const bytes = built.files.get(name) ?? Buffer.alloc(0);
      writeFileSync(path, bytes);
      const damaged = scenario.damage && `${scenario.damage.node}-${scenario.damage.channelFile}.evtx` === name;
      return {
        path,
        name: `${scenario.folder}/${name}`,
        expected: events.map((e) => `${e.eventId}:${e.recordId}`),
        chunks: (bytes.length - 4096) / 65536,
        damagedChunk: damaged && scenario.damage ? scenario.damage.chunk : null,
      };
    });
  }

  it.skipIf(!hasLibevtx)(`libevtx evtxexport reads every record with its id${skipNote('libevtx-utils', hasLibevtx)}`, () => {
    for (const file of writeAll()) {
      expect(idsOf(run('evtxexport', file.path, ['-f', 'xml'])), file.name).toEqual(file.expected);
    }
  });

  it.skipIf(!hasPythonEvtx)(`python-evtx evtx_dump.py reads every record with its id${skipNote('python3-evtx', hasPythonEvtx)}`, () => {
    for (const file of writeAll()) {
      expect(idsOf(run('evtx_dump.py', file.path)), file.name).toEqual(file.expected);
    }
  });

  it.skipIf(!hasPythonEvtx)(
    `python-evtx evtx_info.py finds every checksum valid, except a damaged chunk's data${skipNote('python3-evtx', hasPythonEvtx)}`,
    () => {
      for (const file of writeAll()) {
        const info = run('evtx_info.py', file.path);
        expect(info, file.name).toMatch(/Check sum\s+: pass/);
        const rows = [...info.matchAll(/^[>* ]\s+(\d+)\s+\d+\s+\d+\s+\d+\s+\d+\s+(pass|fail)\s+(pass|fail)$/gm)];
        expect(rows.length, file.name).toBe(file.chunks);
        for (const [, chunk, headerCrc, dataCrc] of rows) {
          const index = Number(chunk) - 1;
          expect(headerCrc, `${file.name} chunk ${index} header`).toBe('pass');
          expect(dataCrc, `${file.name} chunk ${index} data`).toBe(index === file.damagedChunk ? 'fail' : 'pass');
        }
      }
    },
  );
});
