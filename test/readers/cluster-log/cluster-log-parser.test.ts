import { describe, expect, it } from 'vitest';
import type { ClusterLogLine } from '../../../src/model/cluster-log-line.js';
import type { ConfigRow } from '../../../src/model/config-row.js';
import type { ReadWarning } from '../../../src/readers/reader.js';
import { ClusterLogParser } from '../../../src/readers/cluster-log/cluster-log-parser.js';
import type { ClusterLogTimeOption } from '../../../src/readers/cluster-log/time-basis.js';

function parse(
  lines: string[],
  fileNode: string | null = 'HV01',
  timeOption?: ClusterLogTimeOption,
) {
  const records: ClusterLogLine[] = [];
  const rows: ConfigRow[] = [];
  const warnings: ReadWarning[] = [];
  const parser = new ClusterLogParser({
    fileNode,
    timeOption,
    record: (r) => records.push(r),
    configRow: (r) => rows.push(r),
    warning: (w) => warnings.push(w),
  });
  lines.forEach((text, i) => parser.pushLine(text, i + 1));
  const facts = parser.finish();
  return { records, rows, warnings, facts };
}

// REAL lines from shared/reference/cluster-log.md §2.3 (SupportArticles network-thresholds article).
const faultTolerantRoute = [
  '0000ab34.00007328::2014/06/10-07:54:34.100 INFO    <realLocal>10.xxx.xx.xxx:~3343~</realLocal>',
  '0000ab34.00007328::2014/06/10-07:54:34.100 INFO    <realRemote>10.xxx.xx.xxx:~3343~</realRemote>',
  '0000ab34.00007328::2014/06/10-07:54:34.100 INFO    <Delay>1000</Delay>',
  '0000ab34.00007328::2014/06/10-07:54:34.100 INFO    <Threshold>5</Threshold>',
  '0000ab34.00007328::2014/06/10-07:54:34.100 INFO  </struct mscs::FaultTolerantRoute>',
  '0000ab34.00007328::2014/06/10-07:54:34.100 INFO   removed',
];

const quorumLines = [
  '0000ab34.00007328::2014/06/10-07:54:34.099 INFO  [CORE] Node 8: executing node 12 failed handlers on a dedicated thread',
  '0000ab34.00007328::2014/06/10-07:54:34.099 INFO  [NODE] Node 8: Cleaning up connections for n12.',
  '0000ab34.0000a7c0::2014/06/10-07:54:38.433 ERR   [QUORUM] Node 8: Lost quorum (3 4 5 6 7 8)',
  '0000ab34.0000a7c0::2014/06/10-07:54:38.433 ERR   [QUORUM] Node 8: goingAway: 0, core.IsServiceShutdown: 0',
  '0000ab34.0000a7c0::2014/06/10-07:54:38.433 ERR   lost quorum (status = 5925)',
];

describe('ClusterLogParser on a headerless (2008 R2–2012 R2) log', () => {
  it('joins a multi-line message written as repeated lines into one record', () => {
    const { records, warnings } = parse(faultTolerantRoute);
    expect(records).toHaveLength(1);
    expect(records[0]?.message).toBe(
      [
        '  <realLocal>10.xxx.xx.xxx:~3343~</realLocal>',
        '  <realRemote>10.xxx.xx.xxx:~3343~</realRemote>',
        '  <Delay>1000</Delay>',
        '  <Threshold>5</Threshold>',
        '</struct mscs::FaultTolerantRoute>',
        ' removed',
      ].join('\n'),
    );
    expect(records[0]?.line).toBe(1);
    expect(warnings).toEqual([]);
  });

  it('keeps tagged lines and an untagged message with the same prefix as separate records', () => {
    const { records } = parse(quorumLines);
    expect(records.map((r) => [r.component, r.message])).toEqual([
      ['CORE', 'Node 8: executing node 12 failed handlers on a dedicated thread'],
      ['NODE', 'Node 8: Cleaning up connections for n12.'],
      ['QUORUM', 'Node 8: Lost quorum (3 4 5 6 7 8)'],
      ['QUORUM', 'Node 8: goingAway: 0, core.IsServiceShutdown: 0'],
      [null, 'lost quorum (status = 5925)'],
    ]);
  });

  it('appends lines outside the grammar to the record before them and counts them', () => {
    const { records, warnings } = parse([
      quorumLines[0] ?? '',
      '21:17:42.347 INFO  rcm::RcmResource::OnlineWorker[RCM] Issuing Arbitrate(File Share Witness) to RHS.',
      '',
      quorumLines[1] ?? '',
    ]);
    expect(records).toHaveLength(2);
    expect(records[0]?.message).toBe(
      'Node 8: executing node 12 failed handlers on a dedicated thread\n21:17:42.347 INFO  rcm::RcmResource::OnlineWorker[RCM] Issuing Arbitrate(File Share Witness) to RHS.',
    );
    expect(warnings).toEqual([
      {
        location: 'line 2',
        message:
          '1 line(s) did not follow the cluster log grammar and were appended to the record before them',
      },
    ]);
  });

  it('counts garbage before the first record instead of dropping it silently', () => {
    const { records, warnings } = parse(['garbage', quorumLines[0] ?? '']);
    expect(records).toHaveLength(1);
    expect(warnings[0]?.location).toBe('line 1');
  });

  it('leaves the time unresolved when the file does not say its basis', () => {
    const { records, facts } = parse(quorumLines.slice(0, 1));
    expect(records[0]).toMatchObject({
      time: null,
      timeBasis: 'unknown',
      rawTime: '2014/06/10-07:54:34.099',
      node: 'HV01',
      pid: 0xab34,
      tid: 0x7328,
    });
    expect(facts.timeBasis).toEqual({ basis: 'unknown', offsetMinutes: null });
  });

  it('applies --cluster-log-time utc and OFFSET', () => {
    expect(parse(quorumLines.slice(0, 1), 'HV01', { basis: 'utc' }).records[0]?.time).toBe(
      '2014-06-10T07:54:34.0990000Z',
    );
    const shifted = parse(quorumLines.slice(0, 1), 'HV01', { basis: 'offset', offsetMinutes: 120 });
    expect(shifted.records[0]).toMatchObject({
      time: '2014-06-10T05:54:34.0990000Z',
      timeBasis: 'local',
    });
  });

  it('leaves the node empty, without a warning, when neither the header nor the caller names it', () => {
    const { warnings, records } = parse(quorumLines.slice(0, 1), null);
    expect(records[0]?.node).toBe('');
    expect(warnings).toEqual([]);
  });
});

describe('a cluster log with a header but no "Cluster Logs" section (issue 17 item 12)', () => {
  it('warns about lines outside the grammar after the first record instead of dropping them', () => {
    const { records, warnings } = parse([
      '[=== Cluster ===]',
      'Current node: HV01',
      quorumLines[0]!,
      'a line outside the grammar',
      quorumLines[1]!,
    ]);
    expect(records).toHaveLength(2);
    expect(records[0]?.message).toContain('a line outside the grammar');
    expect(warnings.map((w) => [w.location, w.message])).toContainEqual([
      'line 4',
      '1 line(s) did not follow the cluster log grammar and were appended to the record before them',
    ]);
  });
});
