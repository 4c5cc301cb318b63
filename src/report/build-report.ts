import { collectNodeCommand } from '../catalog/collection.js';
import { findCatalogEvent } from '../catalog/lookup.js';
import type { Flowchart } from '../diagnose/flowchart.js';
import type { Diagnosis, Finding } from '../model/diagnosis.js';
import { migrationHeader, type Migration } from '../model/migration.js';
import {
  reportSchemaVersion,
  type CoverageGap,
  type MarkerCategory,
  type ReportCaseSummary,
  type ReportDiagnosis,
  type ReportFinding,
  type ReportFlowchart,
  type ReportInput,
  type ReportMigration,
  type ReportModel,
  type TimelineMarker,
} from './report-model.js';

/** Channels every node should have exported for a migration to be followed on it (guide.md). */
export const expectedChannels = [
  'Microsoft-Windows-Hyper-V-High-Availability-Admin',
  'Microsoft-Windows-Hyper-V-VMMS-Admin',
  'Microsoft-Windows-FailoverClustering/Operational',
  'System',
] as const;

const markerCategories: ReadonlySet<string> = new Set<MarkerCategory>([
  'network',
  'csv',
  'service',
  'node',
  'rhs',
  'backup',
]);

/** The catalogue categories whose events become timeline markers. */
export function markerCategoryList(): MarkerCategory[] {
  return [...markerCategories] as MarkerCategory[];
}

/** Most records listed in one migration's timeline (the rest are counted as cut). */
export const maxTimelineRows = 60;

/** Builds the report model from what the store holds. Pure. */
export function buildReport(input: ReportInput): ReportModel {
  const { summary } = input;
  const diagnosisOf = new Map(input.diagnoses.map((d) => [d.migrationId, d]));
  const migrations = input.migrations.map((m) =>
    reportMigration(m, diagnosisOf.get(m.id) ?? null, input),
  );
  const count = (outcome: Migration['outcome']) =>
    input.migrations.filter((m) => m.outcome === outcome).length;
  return {
    schemaVersion: reportSchemaVersion,
    nodes: [...summary.nodes],
    firstTime: summary.firstTime,
    lastTime: summary.lastTime,
    sources: summary.kinds.map((k) => ({ ...k })),
    channels: summary.nodeChannels.map((c) => ({ ...c })),
    clusterLogs: summary.clusterLogs.map((l) => ({
      path: l.path,
      node: l.node,
      lines: l.lines,
      first: l.first,
      last: l.last,
      timeBasis: l.timeBasis,
      origin: l.origin,
    })),
    configuration: summary.configuration.map((c) => ({
      table: c.table,
      rows: c.rows,
      nodes: [...c.nodes],
    })),
    problems: { count: summary.problemCount, first: summary.problems.map((p) => ({ ...p })) },
    coverageGaps: coverageGaps(summary, input.migrations),
    counts: {
      total: input.migrations.length,
      succeeded: count('succeeded'),
      failed: count('failed'),
      cancelled: count('cancelled'),
      unknown: count('unknown'),
      diagnosed: input.diagnoses.length,
    },
    clockSkew: input.clockSkew.map((s) => ({ ...s })),
    migrations,
    markers: timelineMarkers(input),
    advisories: input.findings.filter((f) => f.scope === 'cluster').map(reportFinding),
    flowchart:
      input.flowchart && input.diagnoses.length > 0 ? reportFlowchart(input.flowchart) : null,
  };
}

/** One migration as the report shows it. Pure. */
export function reportMigration(
  m: Migration,
  diagnosis: Diagnosis | null,
  input: ReportInput,
): ReportMigration {
  const needsAttention = m.outcome === 'failed' || m.outcome === 'unknown' || diagnosis !== null;
  const rows = needsAttention ? (input.timelines.get(m.id) ?? []) : [];
  return {
    ...migrationHeader(m),
    gaps: [...m.gaps],
    needsAttention,
    steps: m.steps.map((s) => ({ ...s })),
    diagnosis: diagnosis ? reportDiagnosis(diagnosis) : null,
    related: input.findings
      .filter((f) => f.scope === 'related' && f.migrationId === m.id)
      .map(reportFinding),
    timeline: rows.slice(0, maxTimelineRows).map((r) => ({ ...r })),
    timelineTruncated: rows.length > maxTimelineRows,
  };
}

function reportDiagnosis(d: Diagnosis): ReportDiagnosis {
  return {
    cause: d.cause,
    verdict: d.verdict,
    conclusion: d.conclusion,
    summary: d.summary,
    remediation: d.remediation,
    source: d.source,
    path: d.path.map((s) => ({ ...s, evidence: s.evidence.map((e) => ({ ...e })) })),
    evidence: d.evidence.map((e) => ({ ...e })),
    missing: d.missing.map((x) => ({ ...x })),
  };
}

function reportFinding(f: Finding): ReportFinding {
  return {
    cause: f.cause,
    verdict: f.verdict,
    scope: f.scope,
    migrationId: f.migrationId,
    summary: f.summary,
    remediation: f.remediation,
    evidence: f.evidence.map((e) => ({ ...e })),
  };
}

/** The flowchart as a list of nodes in a stable order (start first, then by id). Pure. */
export function reportFlowchart(chart: Flowchart): ReportFlowchart {
  const ids = Object.keys(chart.nodes).sort((a, b) =>
    a === chart.start ? -1 : b === chart.start ? 1 : 0,
  );
  return {
    id: chart.id,
    title: chart.title,
    start: chart.start,
    nodes: ids.map((id) => {
      const node = chart.nodes[id]!;
      return node.kind === 'question'
        ? {
            id,
            kind: 'question',
            text: node.question,
            check: node.check,
            cause: null,
            yes: node.yes,
            no: node.no,
            unknown: node.unknown,
          }
        : {
            id,
            kind: 'conclusion',
            text: node.cause,
            check: null,
            cause: node.cause,
            yes: null,
            no: null,
            unknown: null,
          };
    }),
  };
}

function sameChannel(a: string, b: string): boolean {
  const norm = (c: string) => c.toLowerCase().replace(/\//g, '-');
  return norm(a) === norm(b);
}

/** What the collection does not cover: nodes, channels, cluster logs, time bases, damage. Pure. */
export function coverageGaps(
  summary: ReportCaseSummary,
  migrations: readonly Migration[],
): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  if (summary.kinds.every((k) => k.files === 0)) gaps.push({ kind: 'no-logs' });
  const eventNodes = new Set(summary.nodeChannels.map((c) => c.node));
  const logNodes = new Set(summary.clusterLogs.map((l) => l.node).filter((n) => n !== null));
  const known = new Set(summary.nodes);
  const migrationNodes = new Map<string, number[]>();
  for (const m of migrations)
    for (const node of [m.sourceNode, m.destinationNode])
      if (node !== null && !known.has(node))
        migrationNodes.set(node, [...(migrationNodes.get(node) ?? []), m.id]);
  for (const [node, ids] of [...migrationNodes].sort(([a], [b]) => a.localeCompare(b)))
    gaps.push({
      kind: 'migration-node-without-logs',
      node,
      migrations: [...new Set(ids)],
      collect: collectNodeCommand(node),
    });
  for (const node of summary.nodes) {
    if (!eventNodes.has(node)) gaps.push({ kind: 'node-without-events', node });
    else
      for (const channel of expectedChannels)
        if (!summary.nodeChannels.some((c) => c.node === node && sameChannel(c.channel, channel)))
          gaps.push({ kind: 'channel-missing', node, channel });
    if (!logNodes.has(node)) gaps.push({ kind: 'node-without-cluster-log', node });
  }
  for (const log of summary.clusterLogs)
    if (log.origin === 'unresolved' || log.origin === 'assumed')
      gaps.push({ kind: 'time-basis-unresolved', path: log.path });
  if (summary.problemCount > 0) gaps.push({ kind: 'ingest-problems', count: summary.problemCount });
  return gaps;
}

/** Network, CSV, service, node, RHS and backup events as timeline markers, in time order. Pure. */
export function timelineMarkers(input: ReportInput): TimelineMarker[] {
  const markers: TimelineMarker[] = [];
  for (const e of input.events) {
    const category = findCatalogEvent(e.provider, e.eventId)?.category;
    if (category === undefined || !markerCategories.has(category)) continue;
    markers.push({
      time: e.time,
      node: e.node,
      category: category as MarkerCategory,
      eventId: e.eventId,
      provider: e.provider,
      text: e.message ?? '',
      ref: `events:${e.id}`,
    });
  }
  return markers.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}
