import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildFile, chunkSize, ChunkBuilder } from '../readers/evtx/support/evtx-bytes.js';
import { systemFields, writeEvent } from '../readers/evtx/support/event-template.js';
import {
  corpusAvailable,
  corpusFile,
  corpusRoot,
  corpusSkipNote,
  readCorpusCounts,
} from '../readers/evtx/support/corpus.js';
import { repoRoot, runCli } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';

/**
 * `lmdoctor evtx dump|info` as a user runs them (the built CLI), on a 170-chunk file with a junk
 * block and a record whose trailing size copy is wrong: large enough for worker threads.
 */
/** Enough chunks that `--jobs 2` really uses worker threads (parallel-scan.ts). */
const chunkCount = 170;

function damagedLog(): Buffer {
  const blocks: Buffer[] = [];
  let id = 1;
  for (let c = 0; c < chunkCount; c++) {
    if (c === 7) {
      blocks.push(Buffer.alloc(chunkSize, 0x33));
      continue;
    }
    const chunk = new ChunkBuilder();
    const offsets: number[] = [];
    for (let r = 0; r < 5; r++, id++) {
      const recordId = id;
      offsets.push(
        chunk.record(recordId, (w) =>
          writeEvent(w, systemFields({ recordId, eventId: 1000 + c }), null),
        ),
      );
    }
    const bytes = chunk.finish();
    if (c === 20)
      bytes.writeUInt32LE(
        1,
        (offsets[3] as number) + bytes.readUInt32LE((offsets[3] as number) + 4) - 4,
      );
    blocks.push(bytes);
  }
  return buildFile(blocks, { declaredChunks: 3 });
}

describe('lmdoctor evtx', () => {
  const tempDir = useTempDir();
  const writeLog = () => {
    const path = join(tempDir(), 'HV01-System.evtx');
    writeFileSync(path, damagedLog());
    return path;
  };

  it('dump prints one well-formed <Event> per line in file order, the same with one or two workers', () => {
    const path = writeLog();
    const one = runCli(['evtx', 'dump', path, '--jobs', '1']);
    const two = runCli(['evtx', 'dump', path, '--jobs', '2']);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    const lines = one.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength((chunkCount - 1) * 5 - 2); // chunk 20 stops at its damaged 4th record
    for (const line of lines) expect(XMLValidator.validate(line)).toBe(true);
    const ids = lines.map((l) => Number(/<EventRecordID>(\d+)</.exec(l)?.[1]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(two.stdout).toBe(one.stdout);
    expect(one.stderr).toContain(
      'chunk 7 (file offset 0x71000), chunk offset 0x0: block has no chunk signature (skipped)',
    );
    expect(one.stderr).toContain(
      'differs from its trailing copy 1; the rest of the chunk is not read',
    );
    expect(two.stderr).toBe(one.stderr);
    const recovered = runCli(['evtx', 'dump', path, '--recover', '--jobs', '2']);
    expect(recovered.stdout.trimEnd().split('\n')).toHaveLength(lines.length + 1);
    expect(runCli(['evtx', 'dump', path, '--recover', '--jobs', '1']).stdout).toBe(
      recovered.stdout,
    );
  });

  it('reuses its worker threads for later files: the same records, in order, every time', () => {
    const path = writeLog();
    const script = join(tempDir(), 'scan-twice.mjs');
    const module = pathToFileURL(join(repoRoot, 'dist/readers/evtx/threads/parallel-scan.js')).href;
    writeFileSync(
      script,
      `import { scanEvtxParallel } from ${JSON.stringify(module)};
      const runs = [];
      for (const jobs of [1, 2, 2, 3]) {
        const ids = [];
        await scanEvtxParallel(${JSON.stringify(path)}, 'events', jobs, { item: (e) => ids.push(e.recordId), problem() {} });
        runs.push(ids.join(','));
      }
      console.log(JSON.stringify(runs));`,
    );
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const runs = JSON.parse(run.stdout) as string[];
    expect(runs[0]?.split(',')).toHaveLength((chunkCount - 1) * 5 - 2);
    expect(new Set(runs).size).toBe(1);
  });

  it('dump --format json prints one object per line with the same content', () => {
    const path = writeLog();
    const run = runCli(['evtx', 'dump', path, '--format', 'json', '--jobs', '1']);
    expect(run.status).toBe(0);
    const first = JSON.parse(run.stdout.split('\n')[0] ?? '') as {
      Event: { System: { EventID: string; Execution: { '#attributes': { ProcessID: string } } } };
    };
    expect(first.Event.System.EventID).toBe('1000');
    expect(first.Event.System.Execution['#attributes'].ProcessID).toBe('2468');
  });

  it('info reports chunks found against declared, checksums, records and damaged spots', () => {
    const path = writeLog();
    const run = runCli(['evtx', 'info', path]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `Chunks:              ${chunkCount - 1} found, 3 declared in the header; 0 empty blocks, 1 blocks without signature`,
    );
    expect(run.stdout).toContain(
      `Records:             ${(chunkCount - 1) * 5 - 2} allocated, ${(chunkCount - 1) * 5 - 2} decoded, 0 undecodable`,
    );
    expect(run.stdout).toContain('Recoverable records: 1');
    const json = JSON.parse(runCli(['evtx', 'info', path, '--format', 'json']).stdout) as {
      chunks: { valid: number };
      damage: unknown[];
    };
    expect(json.chunks.valid).toBe(chunkCount - 1);
    expect(json.damage.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a file that is not EVTX with a hint, and bad usage with exit code 2', () => {
    const path = join(tempDir(), 'export.xml');
    writeFileSync(path, '<Events></Events>');
    const run = runCli(['evtx', 'dump', path]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('not an EVTX file');
    expect(run.stderr).toContain('hint:');
    expect(runCli(['evtx', 'dump', path, '--format', 'yaml']).status).toBe(2);
  });
});

describe.skipIf(!corpusAvailable)(
  `lmdoctor evtx dump on every corpus file${corpusAvailable ? '' : ` (${corpusSkipNote})`}`,
  () => {
    const counts = corpusAvailable ? readCorpusCounts() : new Map();
    const files = corpusAvailable
      ? readdirSync(`${corpusRoot}/files`).filter((f) => f.endsWith('.evtx'))
      : [];
    it('exits 0, prints well-formed XML with every record, reports damage on stderr', () => {
      const damaged: string[] = [];
      for (const file of files) {
        const run = spawnSync(
          process.execPath,
          [join(repoRoot, 'dist/cli/main.js'), 'evtx', 'dump', corpusFile(file)],
          {
            encoding: 'utf8',
            maxBuffer: 1 << 28,
          },
        );
        expect(run.status, file).toBe(0);
        const lines = run.stdout.trimEnd().split('\n');
        const count = counts.get(file);
        expect(lines.length, file).toBe(count?.expectedRecords ?? count?.evtxinfoRecords);
        for (const line of lines) expect(XMLValidator.validate(line), file).toBe(true);
        if (run.stderr !== '') {
          damaged.push(file);
          expect(run.stderr, file).toMatch(
            /^lmdoctor: .*: (file header|chunk \d+ \(file offset 0x[0-9a-f]+\))/,
          );
        }
      }
      // The damaged files of NOTES.md (junk blocks, CRC failures, corrupt records).
      expect(damaged.sort()).toEqual([
        'rs-evtx__2-vss_0-Microsoft-Windows-RemoteDesktopServices-RdpCoreTS_4Operational.evtx',
        'rs-evtx__Microsoft-Windows-HelloForBusiness_4Operational.evtx',
        'rs-evtx__sample-with-zero-data-size-event.evtx',
        'rs-evtx__sample_with_a_bad_chunk_magic.evtx',
        'rs-evtx__sysmon.evtx',
      ]);
    });
  },
);
