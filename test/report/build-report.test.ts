import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildReport, coverageGaps } from '../../src/report/build-report.js';
import type { ReportCaseSummary } from '../../src/report/report-model.js';
import { renderJson, reportSchemaPath } from '../../src/report/render-json.js';
import { repoRoot } from '../support/run-cli.js';
import { hostileReport, makeMigration } from './hostile-report.js';

const emptySummary: ReportCaseSummary = {
  kinds: [],
  nodeChannels: [],
  nodes: [],
  firstTime: null,
  lastTime: null,
  problems: [],
  problemCount: 0,
  clusterLogs: [],
  configuration: [],
};

const channel = (node: string, name: string) => ({
  node,
  channel: name,
  events: 1,
  first: '2016-09-14T08:00:00.0000000Z',
  last: '2016-09-14T08:00:00.0000000Z',
});

describe('coverageGaps', () => {
  it('an empty case says there are no logs', () => {
    expect(coverageGaps(emptySummary, [])).toEqual([{ kind: 'no-logs' }]);
  });

  it('names missing channels (either spelling), missing cluster logs, nodes seen only in migrations, unconfirmed time bases and damage', () => {
    const summary: ReportCaseSummary = {
      ...emptySummary,
      kinds: [{ kind: 'evtx', files: 5, records: 10, warnings: 1 }],
      nodes: ['HV01', 'HV02'],
      nodeChannels: [
        channel('HV01', 'System'),
        channel('HV01', 'Microsoft-Windows-Hyper-V-High-Availability-Admin'),
        channel('HV01', 'Microsoft-Windows-Hyper-V-VMMS-Admin'),
        channel('HV01', 'Microsoft-Windows-FailoverClustering-Operational'),
      ],
      clusterLogs: [
        {
          path: 'HV01_cluster.log',
          node: 'HV01',
          lines: 3,
          first: null,
          last: null,
          timeBasis: 'local',
          origin: 'unresolved',
        },
      ],
      problemCount: 2,
    };
    const gaps = coverageGaps(summary, [makeMigration({ destinationNode: 'HV09' })]);
    expect(gaps).toEqual([
      {
        kind: 'migration-node-without-logs',
        node: 'HV09',
        migrations: [1],
        collect:
          'lmdoctor collect-script -o collect-lmdoctor.ps1; then on HV09, in an elevated PowerShell: powershell.exe -ExecutionPolicy Bypass -File .\\collect-lmdoctor.ps1 -LocalOnly',
      },
      { kind: 'node-without-events', node: 'HV02' },
      { kind: 'node-without-cluster-log', node: 'HV02' },
      { kind: 'time-basis-unresolved', path: 'HV01_cluster.log' },
      { kind: 'ingest-problems', count: 2 },
    ]);
  });
});

describe('buildReport', () => {
  it('an empty case still gives a report that matches the schema', () => {
    const report = buildReport({
      summary: emptySummary,
      migrations: [],
      clockSkew: [],
      diagnoses: [],
      findings: [],
      events: [],
      timelines: new Map(),
      flowchart: null,
    });
    expect(report.counts).toEqual({
      total: 0,
      succeeded: 0,
      failed: 0,
      cancelled: 0,
      unknown: 0,
      diagnosed: 0,
    });
    const schema = JSON.parse(readFileSync(join(repoRoot, reportSchemaPath), 'utf8')) as object;
    const validate = new Ajv2020({ strict: true }).compile(schema);
    expect(validate(JSON.parse(renderJson(report)))).toBe(true);
  });

  it('details failed migrations, keeps markers of the infrastructure categories only, in time order', () => {
    const report = hostileReport();
    expect(report.migrations.every((m) => m.needsAttention)).toBe(true);
    expect(report.migrations[0]!.diagnosis?.cause).toBe('unknown');
    expect(report.markers.map((m) => m.category)).toEqual(report.markers.map(() => 'network'));
    const times = report.markers.map((m) => m.time);
    expect(times).toEqual([...times].sort());
    expect(report.advisories).toHaveLength(1);
    expect(report.flowchart?.nodes[0]?.id).toBe(report.flowchart?.start);
  });
});
