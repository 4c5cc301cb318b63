import type { CaseSummary } from '../store/case-summary.js';
import { formatTable } from './output.js';
import {
  clusterLogNotes,
  clusterLogRows,
  configRows,
  describeTimeBasis,
} from './render-cluster-log-summary.js';

/** JSON schema version of `analyze --format json`; bump when its shape changes. */
export const analysisSchemaVersion = 1;

/** The analyze summary for people. Pure. */
export function renderSummaryText(summary: CaseSummary): string {
  const files = summary.kinds.reduce((n, k) => n + k.files, 0);
  const records = summary.kinds.reduce((n, k) => n + k.records, 0);
  const lines: string[] = [];
  lines.push(`lmdoctor analysis`);
  lines.push('');
  lines.push(
    `Sources: ${files} file${files === 1 ? '' : 's'}, ${records} records, ` +
      `${summary.nodes.length} node${summary.nodes.length === 1 ? '' : 's'} (${summary.nodes.join(', ') || 'none'})`,
  );
  if (summary.firstTime && summary.lastTime)
    lines.push(`Time span (UTC): ${summary.firstTime} to ${summary.lastTime}`);
  lines.push('');
  lines.push('Files by kind');
  lines.push(table(['kind', 'files', 'records', 'warnings'], summary.kinds));
  lines.push('Events per node and channel (UTC)');
  lines.push(table(['node', 'channel', 'events', 'first', 'last'], summary.nodeChannels));
  if (summary.clusterLogs.length > 0) {
    lines.push('Cluster logs (times in UTC)');
    lines.push(
      table(
        ['node', 'file', 'lines', 'time basis', 'first', 'last'],
        clusterLogRows(summary.clusterLogs),
      ),
    );
    const notes = clusterLogNotes(summary.clusterLogs);
    if (notes.length > 0) lines.push('Time basis notes', ...notes, '');
  }
  if (summary.configuration.length > 0) {
    lines.push('Configuration');
    lines.push(table(['table', 'rows', 'files', 'nodes'], configRows(summary.configuration)));
  }
  if (summary.problemCount > 0) {
    const shown =
      summary.problems.length < summary.problemCount ? ` (first ${summary.problems.length})` : '';
    lines.push(
      `Problems recorded: ${summary.problemCount}${shown}; all of them: lmdoctor query ingest-errors`,
    );
    lines.push(
      table(
        ['file', 'location', 'message'],
        summary.problems.map((p) => ({ file: p.path, location: p.location, message: p.message })),
      ),
    );
  } else {
    lines.push('Problems recorded: none');
    lines.push('');
  }
  if (summary.skipped.length > 0) {
    lines.push(`Skipped (not read): ${summary.skipped.length}`);
    lines.push(table(['path', 'reason'], summary.skipped));
  }
  return `${lines.join('\n')}\n`;
}

/** The analyze result for automation (DESIGN §7). Pure. */
export function summaryJson(summary: CaseSummary): object {
  return {
    schemaVersion: analysisSchemaVersion,
    sources: summary.kinds,
    nodes: summary.nodes,
    coverage: {
      firstTime: summary.firstTime,
      lastTime: summary.lastTime,
      channels: summary.nodeChannels,
    },
    clusterLogs: summary.clusterLogs.map((log) => ({
      ...log,
      timeBasisText: describeTimeBasis(log),
    })),
    configuration: summary.configuration,
    problems: { count: summary.problemCount, first: summary.problems },
    skipped: summary.skipped,
    migrations: [],
    findings: [],
  };
}

function table<T extends object>(columns: string[], rows: T[]): string {
  const text = formatTable({
    columns,
    rows: rows as unknown as Record<string, string | number | null>[],
  });
  return text.replace(/\(\d+ rows?\)\n$/, '');
}
