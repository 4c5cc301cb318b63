import { describe, expect, it } from 'vitest';
import {
  parseLogLine,
  parseLogLineByPattern,
} from '../../../src/readers/cluster-log/parse-log-line.js';

// parseLogLine reads lines with a hand-written scanner; the grammar's pattern is the
// reference. These lines are REAL (shared/reference/cluster-log.md) or damaged copies of them.
const realLines = [
  '000011d0.00000f80::2011/08/05-13:47:42.465 INFO  [RCM] rcm::RcmApi::MoveGroup: (ag, 2)',
  '00002cc4.00003384::2011/08/05-13:47:42.558 ERR   [RES] SQL Server Availability Group <ag>: [hadrag] Lease Thread terminated',
  '[Operational] 000036ec.000019ac::2024/07/07-12:16:59.868 INFO  The cluster service has been stopped and set as disabled as part of cluster node cleanup.',
  '[Verbose] 00000f44.00000a58::2023/05/08-11:55:37.173 WARN  FatalError: join/form timeout (status = 258)',
  '0000ab34.0000a7c0::2014/06/10-07:54:38.433 ERR   lost quorum (status = 5925)',
  '0000ab34.00007328::2014/06/10-07:54:34.100 INFO    <realLocal>10.xxx.xx.xxx:~3343~</realLocal>',
  '0000ab34.00007328::2014/06/10-07:54:34.100 INFO   removed',
  '00001898.0000185c::2023/02/27-13:27:41.121 WARN [RHS] Resource ag IsAlive has indicated failure.',
  '00002f48.000014e0::2024/08/12-17:26:38.404 DBG   [RCM] scheduling next RunRestartTasks task...',
  '00000c40.00000a34::2011/08/10-18:42:29.498 INFO  rcm::RcmResource::OnlineWorker[RCM] Issuing Arbitrate(File Share Witness) to RHS.',
  '00000c40.00000a34::2011/08/10-18:42:29.498 INFO  [CHANNEL XX.X.1.X13:~49258~] graceful close, status (0)',
  '00000c40.00000a34::2011/08/10-18:42:29.498 INFO  cxl::ConnectWorker::operator (): GracefulClose(1226) [x]',
  '00003948.00003a38::2024/08/08-06:50:05.236 INFO',
  '00003948.00003a38::2024/02/29-06:50:60.236 INFO  [] empty tag',
];

/** Characters that move a line across the grammar's edges. */
const alphabet = [
  ' ',
  '  ',
  '\t',
  '\r',
  '\n',
  '\u2028',
  '\u00a0',
  '\ufeff',
  '[',
  ']',
  '[X]',
  ':',
  '.',
  '/',
  '-',
  '0',
  '9',
  'a',
  'F',
  'G',
  'Z',
  'INFOX',
  'é',
  '\0',
  'rcm::X',
];

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(line: string, next: () => number): string {
  let text = line;
  const edits = 1 + Math.floor(next() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (text.length + 1));
    const piece = alphabet[Math.floor(next() * alphabet.length)] ?? ' ';
    const kind = next();
    if (kind < 0.4) text = text.slice(0, at) + piece + text.slice(at + 1);
    else if (kind < 0.8) text = text.slice(0, at) + piece + text.slice(at);
    else text = text.slice(0, at) + text.slice(at + 1);
  }
  return text;
}

describe('parseLogLine (scanner) against the grammar pattern', () => {
  it('reads every real line as the pattern does', () => {
    for (const line of realLines) {
      expect(parseLogLine(line)).toEqual(parseLogLineByPattern(line));
    }
    expect(parseLogLine(realLines[0] ?? '')).not.toBeNull();
  });

  it('agrees with the pattern on 60,000 damaged lines, accepted or not', () => {
    const next = random(20261126);
    let accepted = 0;
    for (let i = 0; i < 60_000; i++) {
      const line = mutate(realLines[i % realLines.length] ?? '', next);
      const expected = parseLogLineByPattern(line);
      const actual = parseLogLine(line);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        expect({ line, actual }).toEqual({ line, actual: expected });
      }
      if (expected !== null) accepted++;
    }
    // Both sides of the grammar are exercised.
    expect(accepted).toBeGreaterThan(10_000);
    expect(accepted).toBeLessThan(55_000);
  });
});
