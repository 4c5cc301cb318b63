import { migrationHeader } from '../model/migration.js';
import { evidenceJson, findingJson, migrationStepJson, pathStepJson } from './json-mapping.js';
import type { ReportFinding, ReportMigration, ReportModel } from './report-model.js';

/** Where the JSON Schema of the report lives in the repository (and in the npm package). */
export const reportSchemaPath = 'schemas/report.schema.json';

/** One migration of the report as JSON. Pure. */
export function reportMigrationJson(m: ReportMigration): object {
  const d = m.diagnosis;
  return {
    ...migrationHeader(m),
    gaps: m.gaps,
    needsAttention: m.needsAttention,
    steps: m.steps.map((s) => migrationStepJson(s, true)),
    diagnosis: d
      ? {
          cause: d.cause,
          verdict: d.verdict,
          conclusion: d.conclusion,
          summary: d.summary,
          path: d.path.map(pathStepJson),
          remediation: d.remediation,
          source: d.source,
          evidence: d.evidence.map(evidenceJson),
          missing: d.missing,
        }
      : null,
    related: m.related.map(findingJson),
    timeline: m.timeline.map((r) => ({
      time: r.time,
      node: r.node,
      origin: r.origin,
      what: r.what,
      level: r.level,
      text: r.text,
      ref: r.ref,
    })),
    timelineTruncated: m.timelineTruncated,
  };
}

/**
 * The report as one JSON value (DESIGN §7 names, plus the report's own parts): stable key
 * order, versioned by `schemaVersion`, described by schemas/report.schema.json. Pure.
 */
export function reportJson(report: ReportModel): object {
  const findings: ReportFinding[] = [];
  for (const m of report.migrations) {
    const d = m.diagnosis;
    if (d)
      findings.push({
        cause: d.cause,
        verdict: d.verdict,
        scope: 'migration',
        migrationId: m.id,
        summary: d.summary,
        remediation: d.remediation,
        evidence: d.evidence,
      });
    findings.push(...m.related);
  }
  findings.push(...report.advisories);
  return {
    schemaVersion: report.schemaVersion,
    generator: 'lmdoctor',
    sources: report.sources,
    nodes: report.nodes,
    coverage: {
      firstTime: report.firstTime,
      lastTime: report.lastTime,
      channels: report.channels,
      clusterLogs: report.clusterLogs,
      configuration: report.configuration,
      problems: report.problems,
      gaps: report.coverageGaps,
    },
    counts: report.counts,
    clockSkew: report.clockSkew,
    migrations: report.migrations.map(reportMigrationJson),
    findings: findings.map(findingJson),
    markers: report.markers,
    flowchart: report.flowchart,
  };
}

/** reportJson as text, two-space indented, ending with a newline. Pure. */
export function renderJson(report: ReportModel): string {
  return `${JSON.stringify(reportJson(report), null, 2)}\n`;
}
