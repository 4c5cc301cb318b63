import type { MessageKey } from '../i18n/messages-en.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import type { CaseSummary } from '../store/case-summary.js';
import { formatTable } from './output.js';
import { notClusterNote } from './render-cluster-note.js';
import {
  clusterLogNotes,
  clusterLogRows,
  configRows,
  describeTimeBasis,
} from './render-cluster-log-summary.js';

/** JSON schema version of `analyze --format json`; bump when its shape changes. */
export const analysisSchemaVersion = 1;

/** The analyze summary for people, in the translator's language (English by default). Pure. */
export function renderSummaryText(
  summary: CaseSummary,
  tr: Translator = createTranslator('en'),
): string {
  const t = tr.t;
  const files = summary.kinds.reduce((n, k) => n + k.files, 0);
  const records = summary.kinds.reduce((n, k) => n + k.records, 0);
  const lines: string[] = [];
  lines.push(t('term.title'));
  lines.push('');
  lines.push(
    t('term.sources', {
      files,
      filesWord: t(files === 1 ? 'term.file.one' : 'term.file.other'),
      records,
      nodes: summary.nodes.length,
      nodesWord: t(summary.nodes.length === 1 ? 'term.node.one' : 'term.node.other'),
      list: summary.nodes.join(', ') || t('term.none'),
    }),
  );
  if (summary.firstTime && summary.lastTime)
    lines.push(t('term.timeSpan', { from: summary.firstTime, to: summary.lastTime }));
  const note = notClusterNote(summary.cluster, tr);
  if (note !== null) lines.push(note);
  lines.push('');
  lines.push(t('term.filesByKind'));
  lines.push(table(tr, ['kind', 'files', 'records', 'warnings'], summary.kinds));
  lines.push(t('term.eventsPerNode'));
  lines.push(table(tr, ['node', 'channel', 'events', 'first', 'last'], summary.nodeChannels));
  if (summary.clusterLogs.length > 0) {
    lines.push(t('term.clusterLogs'));
    lines.push(
      table(
        tr,
        ['node', 'file', 'lines', 'timeBasis', 'first', 'last'],
        clusterLogRows(summary.clusterLogs, tr),
      ),
    );
    const notes = clusterLogNotes(summary.clusterLogs);
    // The notes are the readers' own (English) reasoning; other languages point to it instead.
    if (notes.length > 0)
      lines.push(
        t('term.timeBasisNotes'),
        ...(tr.lang === 'en' ? notes : [`  ${t('term.timeBasisNotesPointer')}`]),
        '',
      );
  }
  if (summary.files.length > 0) {
    lines.push(t('term.fileNodes'));
    lines.push(
      table(
        tr,
        ['file', 'kind', 'node', 'decidedBy'],
        summary.files.map((f) => ({
          file: f.path,
          kind: f.kind,
          node: f.node ?? (f.basis === 'not-needed' ? '-' : '?'),
          // The evidence is lmdoctor's own (English) reasoning; other languages show the basis.
          decidedBy:
            tr.lang !== 'en'
              ? (f.basis ?? '')
              : f.basis === 'unknown'
                ? 'not decided (see the problems below)'
                : (f.evidence ?? f.basis ?? ''),
        })),
      ),
    );
  }
  if (summary.configuration.length > 0) {
    lines.push(t('term.configuration'));
    lines.push(table(tr, ['table', 'rows', 'files', 'nodes'], configRows(summary.configuration)));
  }
  if (summary.problemCount > 0) {
    const shown =
      summary.problems.length < summary.problemCount
        ? t('term.problemsShown', { count: summary.problems.length })
        : '';
    lines.push(t('term.problems', { count: summary.problemCount, shown }));
    lines.push(
      table(
        tr,
        ['file', 'location', 'message'],
        summary.problems.map((p) => ({ file: p.path, location: p.location, message: p.message })),
      ),
    );
  } else {
    lines.push(t('term.problemsNone'));
    lines.push('');
  }
  if (summary.skipped.length > 0) {
    lines.push(t('term.skipped', { count: summary.skipped.length }));
    const reasons: Record<string, string> = {
      'not a recognised log format': t('term.skip.notLog'),
      'empty file': t('term.skip.empty'),
      'not a regular file': t('term.skip.notFile'),
      'link to a folder (not followed)': t('term.skip.link'),
    };
    lines.push(
      table(
        tr,
        ['path', 'reason'],
        summary.skipped.map((x) => ({ path: x.path, reason: reasons[x.reason] ?? x.reason })),
      ),
    );
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
    cluster: {
      looksLikeCluster: summary.cluster.found,
      clusterEvents: summary.cluster.clusterEvents,
      clusterLogs: summary.cluster.clusterLogs,
      clusterConfigRows: summary.cluster.clusterConfigRows,
      providers: summary.cluster.providers,
      note: notClusterNote(summary.cluster),
    },
    files: summary.files,
    problems: { count: summary.problemCount, first: summary.problems },
    skipped: summary.skipped,
    migrations: [],
    findings: [],
  };
}

/** A terminal table whose headers are in the translator's language (`columns` name the row keys). */
export function table<T extends object>(tr: Translator, columns: string[], rows: T[]): string {
  const labels = columns.map((c) => tr.t(`term.col.${c}` as MessageKey));
  const text = formatTable({
    columns: labels,
    rows: (rows as unknown as Record<string, string | number | null>[]).map((row) =>
      Object.fromEntries(columns.map((c, i) => [labels[i]!, row[c] ?? null])),
    ),
  });
  return text.replace(/\(\d+ rows?\)\n$/, '');
}
