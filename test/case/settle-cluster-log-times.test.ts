import { describe, expect, it } from 'vitest';
import type { ClusterLogLine } from '../../src/model/cluster-log-line.js';
import type { LogEvent } from '../../src/model/log-event.js';
import { resolveClusterLogTimes } from '../../src/case/settle-cluster-log-times.js';
import { readClusterLogSummary } from '../../src/store/cluster-log-summary.js';
import { openStore, type Store } from '../../src/store/open-database.js';
import { SourceWriter } from '../../src/store/source-writer.js';

// REAL line (cluster-log.md §5.1); the log is taken to be written in local time UTC-05:00.
const moveLine: ClusterLogLine = {
  time: null,
  rawTime: '2020/08/06-01:17:54.943',
  timeBasis: 'unknown',
  offsetMinutes: null,
  node: 'CO2ICMV3SQL09',
  channel: null,
  pid: 0x110c,
  tid: 0x2bcc,
  level: 'INFO',
  component: 'RCM',
  message:
    'move of group AOCProd01AG from CO2ICMV3SQL09(1) to CO2ICMV3SQL10(2) of type MoveType::Manual is about to succeed, failoverCount=3, lastFailoverTime=2020/08/05-02:08:54.524 targeted=true',
  line: 1,
};

// CONSTRUCTED: the FailoverClustering "role is moving" event of the same move, in UTC.
const roleMoving: LogEvent = {
  time: '2020-08-06T06:17:53.0000000Z',
  computer: 'CO2ICMV3SQL09.contoso.local',
  channel: 'System',
  provider: 'Microsoft-Windows-FailoverClustering',
  eventId: 1641,
  level: 4,
  task: null,
  opcode: null,
  keywords: null,
  recordId: 1,
  processId: null,
  threadId: null,
  activityId: null,
  userSid: null,
  data: { param1: 'AOCProd01AG', param2: 'CO2ICMV3SQL09', param3: 'CO2ICMV3SQL10' },
  message: null,
};

function storeLog(db: Store, sha: string, lines: ClusterLogLine[]): number {
  const writer = SourceWriter.begin(db, {
    path: `${sha}_cluster.log`,
    kind: 'cluster-log',
    sha256: sha,
    bytes: 1,
  });
  for (const line of lines) writer.clusterLogLine(line);
  return writer.commit().sourceId;
}

function storeEvents(db: Store, events: LogEvent[]): void {
  const writer = SourceWriter.begin(db, {
    path: 'System.xml',
    kind: 'xml-events',
    sha256: 'ev',
    bytes: 1,
  });
  for (const event of events) writer.event(event);
  writer.commit();
}

const times = (db: Store) =>
  db.prepare('SELECT time, time_basis FROM cluster_log ORDER BY id').all() as {
    time: string;
    time_basis: string;
  }[];

describe('resolveClusterLogTimes', () => {
  it('infers the offset of a headerless log from the same node’s events and shifts its times', () => {
    const db = openStore(':memory:');
    storeEvents(db, [roleMoving]);
    storeLog(db, 'a', [moveLine]);
    const [row] = resolveClusterLogTimes(db, undefined);
    expect(row).toMatchObject({
      time_basis: 'local',
      offset_minutes: -300,
      basis_origin: 'inferred',
      confidence: 'low',
    });
    expect(times(db)).toEqual([{ time: '2020-08-06T06:17:54.9430000Z', time_basis: 'local' }]);
    expect(resolveClusterLogTimes(db, undefined)).toEqual([]);
  });

  it('assumes UTC when nothing pairs, and infers later once the events arrive', () => {
    const db = openStore(':memory:');
    storeLog(db, 'a', [moveLine]);
    expect(resolveClusterLogTimes(db, undefined)[0]).toMatchObject({
      basis_origin: 'assumed',
      offset_minutes: 0,
    });
    expect(times(db)).toEqual([{ time: '2020-08-06T01:17:54.9430000Z', time_basis: 'unknown' }]);
    expect(readClusterLogSummary(db)[0]).toMatchObject({
      origin: 'assumed',
      lines: 1,
      node: 'CO2ICMV3SQL09',
    });
    storeEvents(db, [roleMoving]);
    expect(resolveClusterLogTimes(db, undefined)[0]).toMatchObject({
      basis_origin: 'inferred',
      offset_minutes: -300,
    });
    expect(times(db)[0]?.time).toBe('2020-08-06T06:17:54.9430000Z');
  });

  it('leaves "local" without an offset unresolved until events can settle it', () => {
    const db = openStore(':memory:');
    storeLog(db, 'a', [{ ...moveLine, timeBasis: 'local' }]);
    expect(resolveClusterLogTimes(db, { basis: 'local' })[0]).toMatchObject({
      basis_origin: 'unresolved',
      offset_minutes: null,
    });
    expect(times(db)[0]?.time).toBeNull();
    storeEvents(db, [roleMoving]);
    expect(resolveClusterLogTimes(db, { basis: 'local' })[0]).toMatchObject({
      basis_origin: 'inferred',
      time_basis: 'local',
      offset_minutes: -300,
    });
    expect(times(db)[0]?.time).toBe('2020-08-06T06:17:54.9430000Z');
  });

  it('records what the header or the option said without second-guessing it', () => {
    const db = openStore(':memory:');
    storeEvents(db, [roleMoving]);
    storeLog(db, 'a', [
      {
        ...moveLine,
        time: '2020-08-06T03:17:54.9430000Z',
        timeBasis: 'local',
        offsetMinutes: -120,
      },
    ]);
    const [row] = resolveClusterLogTimes(db, undefined);
    expect(row).toMatchObject({
      basis_origin: 'header',
      offset_minutes: -120,
      time_basis: 'local',
    });
    storeLog(db, 'b', [
      { ...moveLine, time: '2020-08-06T01:17:54.9430000Z', timeBasis: 'utc', offsetMinutes: 0 },
    ]);
    expect(resolveClusterLogTimes(db, { basis: 'utc' })[0]).toMatchObject({
      basis_origin: 'option',
      offset_minutes: 0,
    });
  });
});
