import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentProgress } from '../../src/case/progress.js';
import { ingestPaths } from '../../src/case/ingest-case.js';
import { removeExtractionFolders } from '../../src/readers/archive/extract-zip.js';
import { compileQueryList } from '../../src/readers/query-list/compile-query-list.js';
import { readCaseSummary } from '../../src/store/case-summary.js';
import { openStore } from '../../src/store/open-database.js';
import { buildZip } from '../support/build-zip.js';
import { eventXml } from '../support/event-xml.js';
import { useTempDir } from '../support/temp-dir.js';

const quiet = silentProgress;

// REAL lines (cluster-log.md §2.1): a 2008 R2 log without a header, so its basis is unknown.
// The events around them are CONSTRUCTED: the node's clock is UTC+2 and the log was written
// in local time, so the group move of 'ag' at 13:47:42 local is 11:47:42 UTC in the events.
const clusterLog = [
  '000011d0.00000f80::2011/08/05-13:47:42.465 INFO  [RCM] rcm::RcmApi::MoveGroup: (ag, 2)',
  "000011d0.00000f80::2011/08/05-13:47:42.480 INFO  [RCM] rcm::RcmGroup::Move: Bringing group 'ag' offline first...",
].join('\r\n');
const roleMoving = eventXml({
  provider: 'Microsoft-Windows-FailoverClustering',
  eventId: 1641,
  channel: 'System',
  computer: 'HV01.contoso.local',
  time: '2011-08-05T11:47:41.9000000Z',
  recordId: 7,
  payload: "<Data Name='ResourceGroup'>ag</Data><Data Name='SourceNode'>HV01</Data>",
});
const noise = eventXml({
  channel: 'System',
  provider: 'Microsoft-Windows-Kernel-General',
  eventId: 12,
  recordId: 8,
});
const networkList =
  'AutoMetric : False\r\nMetric     : 1100\r\nName       : LM\r\nRole       : Cluster\r\nState      : Up\r\n';

describe('ingesting a support bundle', () => {
  const tempDir = useTempDir();
  afterAll(() => removeExtractionFolders());

  it('reads a zip of event exports, a headerless cluster log and configuration, infers the log’s time basis and applies --query', async () => {
    const bundle = join(tempDir(), 'bundle.zip');
    writeFileSync(
      bundle,
      buildZip([
        { name: 'HV01/HV01_cluster.log', data: Buffer.from('\ufeff' + clusterLog, 'utf16le') },
        { name: 'HV01/System.xml', data: `${roleMoving}\n${noise}` },
        { name: 'Get-ClusterNetwork.txt', data: networkList },
      ]),
    );
    const query = compileQueryList(
      `<QueryList><Query Id="0"><Select Path="System">*[System[Provider[@Name='Microsoft-Windows-FailoverClustering']]]</Select></Query></QueryList>`,
      { now: new Date('2011-08-06T00:00:00Z'), source: 'query.xml' },
    );
    const db = openStore(':memory:');
    const report = await ingestPaths(
      db,
      [bundle],
      { force: false, jobs: 1, eventFilter: query },
      quiet,
    );
    expect(report.files.map((f) => [f.kind, f.status])).toEqual([
      ['cluster-log', 'ingested'],
      ['xml-events', 'ingested'],
      ['config', 'ingested'],
    ]);
    expect(report.filteredEvents).toBe(1);
    expect(report.clusterLogTimes).toEqual([
      expect.objectContaining({
        node: 'HV01',
        basis_origin: 'inferred',
        offset_minutes: 120,
        time_basis: 'local',
      }),
    ]);
    expect(db.prepare('SELECT time, raw_time FROM cluster_log ORDER BY line').all()).toEqual([
      { time: '2011-08-05T11:47:42.4650000Z', raw_time: '2011/08/05-13:47:42.465' },
      { time: '2011-08-05T11:47:42.4800000Z', raw_time: '2011/08/05-13:47:42.480' },
    ]);
    expect(db.prepare('SELECT name, metric, auto_metric FROM cluster_networks').all()).toEqual([
      { name: 'LM', metric: 1100, auto_metric: 0 },
    ]);
    const summary = readCaseSummary(db);
    expect(summary.clusterLogs).toEqual([
      expect.objectContaining({
        path: `${bundle}!/HV01/HV01_cluster.log`,
        node: 'HV01',
        lines: 2,
        origin: 'inferred',
        offsetMinutes: 120,
      }),
    ]);
    expect(summary.configuration).toEqual([
      { table: 'cluster_networks', rows: 1, sources: 1, nodes: [] },
    ]);
  });

  it('honours --cluster-log-time for a log that does not state its basis', async () => {
    const path = join(tempDir(), 'HV02_cluster.log');
    writeFileSync(path, clusterLog);
    const db = openStore(':memory:');
    const report = await ingestPaths(
      db,
      [path],
      { force: false, jobs: 1, clusterLogTime: { basis: 'offset', offsetMinutes: -300 } },
      quiet,
    );
    expect(report.clusterLogTimes[0]).toMatchObject({
      basis_origin: 'option',
      offset_minutes: -300,
    });
    expect(db.prepare('SELECT time FROM cluster_log ORDER BY line LIMIT 1').get()).toEqual({
      time: '2011-08-05T18:47:42.4650000Z',
    });
  });
});
