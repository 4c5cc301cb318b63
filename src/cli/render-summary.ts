import type { MessageKey } from '../i18n/messages-en.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import type { CaseSummary } from '../store/case-summary.js';
import { shortenPath, visibleLength, wrapBlock, wrapText } from './fit-text.js';
import { formatTable } from './output.js';
import { notClusterNote } from './render-cluster-note.js';
import { sharedDate, timeForView, timeOfDay } from './view-time.js';
import { plainView, type TextView } from './text-view.js';
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
  view: TextView = plainView,
): string {
  const lines = [tr.t('term.title'), '', ...caseLines(summary, tr, view), ''];
  return `${lines.join('\n')}\n${renderSourcesText(summary, tr, view)}`;
}

/**
 * What the case holds: files, records and nodes; the time span; a note when the logs are not a
 * cluster's. Pure.
 */
export function caseLines(summary: CaseSummary, tr: Translator, view: TextView): string[] {
  const t = tr.t;
  const files = summary.kinds.reduce((n, k) => n + k.files, 0);
  const records = summary.kinds.reduce((n, k) => n + k.records, 0);
  const lines = [
    t('term.sources', {
      files,
      filesWord: t(files === 1 ? 'term.file.one' : 'term.file.other'),
      records,
      nodes: summary.nodes.length,
      nodesWord: t(summary.nodes.length === 1 ? 'term.node.one' : 'term.node.other'),
      list: summary.nodes.join(', ') || t('term.none'),
    }),
  ];
  if (summary.firstTime && summary.lastTime)
    lines.push(
      t('term.timeSpan', {
        from: timeForView(summary.firstTime, view)!,
        to: timeForView(summary.lastTime, view)!,
      }),
    );
  const note = notClusterNote(summary.cluster, tr);
  if (note !== null) lines.push(note);
  return lines;
}

/**
 * The files read, as tables: by kind, events per node and channel, cluster logs and their time
 * basis, configuration, problems and skipped paths; fitted to the view's width. Pure.
 */
export function renderSourcesText(
  summary: CaseSummary,
  tr: Translator = createTranslator('en'),
  view: TextView = plainView,
): string {
  const t = tr.t;
  const heading = (text: string) => view.paint.paint('strong', text);
  const time = (iso: string | null) => timeForView(iso, view);
  const lines: string[] = [];
  lines.push(heading(t('term.filesByKind')));
  lines.push(table(tr, ['kind', 'files', 'records', 'warnings'], summary.kinds, view));
  const channelDate = sharedDate(
    summary.nodeChannels.flatMap((c) => [c.first, c.last]),
    view,
  );
  const channelTime = (iso: string | null) => (channelDate ? timeOfDay(iso) : time(iso));
  lines.push(
    heading(
      channelDate ? t('term.eventsPerNodeOn', { date: channelDate }) : t('term.eventsPerNode'),
    ),
  );
  lines.push(
    table(
      tr,
      ['node', 'channel', 'events', 'first', 'last'],
      summary.nodeChannels.map((c) => ({
        ...c,
        // Every channel but System starts so; the rest tells them apart.
        channel: view.wide ? c.channel : c.channel.replace(/^Microsoft-Windows-/, ''),
        first: channelTime(c.first),
        last: channelTime(c.last),
      })),
      view,
    ),
  );
  if (summary.clusterLogs.length > 0) {
    const logDate = sharedDate(
      summary.clusterLogs.flatMap((l) => [l.first, l.last]),
      view,
    );
    const logTime = (iso: string | null) => (logDate ? timeOfDay(iso) : time(iso));
    lines.push(
      heading(logDate ? t('term.clusterLogsOn', { date: logDate }) : t('term.clusterLogs')),
    );
    lines.push(
      table(
        tr,
        ['node', 'file', 'lines', 'timeBasis', 'first', 'last'],
        clusterLogRows(summary.clusterLogs, tr).map((r) => ({
          ...r,
          first: logTime(r.first as string | null),
          last: logTime(r.last as string | null),
        })),
        view,
      ),
    );
    const notes = clusterLogNotes(summary.clusterLogs);
    // The notes are the readers' own (English) reasoning; other languages point to it instead.
    if (notes.length > 0)
      lines.push(
        heading(t('term.timeBasisNotes')),
        wrapBlock(
          (tr.lang === 'en' ? notes : [`  ${t('term.timeBasisNotesPointer')}`]).join('\n'),
          view.width,
        ),
        '',
      );
  }
  if (summary.files.length > 0) {
    lines.push(heading(t('term.fileNodes')));
    const rows = summary.files.map((f) => ({
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
    }));
    const asTable = table(tr, ['file', 'kind', 'node', 'decidedBy'], rows, view);
    const fits = asTable.split('\n').every((line) => visibleLength(line) <= view.width);
    // Too narrow for the table (a file name alone may take most of a line): a file a line,
    // then its node and how it was decided, indented.
    if (fits) lines.push(asTable);
    else
      lines.push(
        rows
          .map((r) =>
            [
              `  ${shortenPath(r.file, view.width - 2)}`,
              ...wrapText(`      ${r.node}  ${r.kind}  ${r.decidedBy}`, view.width, '        '),
            ].join('\n'),
          )
          .join('\n') + '\n',
      );
  }
  if (summary.configuration.length > 0) {
    lines.push(heading(t('term.configuration')));
    lines.push(
      table(tr, ['table', 'rows', 'files', 'nodes'], configRows(summary.configuration), view),
    );
  }
  if (summary.problemCount > 0) {
    const shown =
      summary.problems.length < summary.problemCount
        ? t('term.problemsShown', { count: summary.problems.length })
        : '';
    lines.push(
      view.paint.paint(
        'warn',
        wrapBlock(t('term.problems', { count: summary.problemCount, shown }), view.width),
      ),
    );
    lines.push(
      table(
        tr,
        ['file', 'location', 'message'],
        summary.problems.map((p) => ({ file: p.path, location: p.location, message: p.message })),
        view,
      ),
    );
  } else {
    lines.push(t('term.problemsNone'));
    lines.push('');
  }
  if (summary.skipped.length > 0) {
    lines.push(heading(t('term.skipped', { count: summary.skipped.length })));
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
        view,
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

/** Columns whose values are paths: shortened by their folders so the file name stays. */
const pathColumns = new Set(['file', 'path']);
/** Columns of times: never shortened. */
const timeColumns = new Set(['first', 'last', 'started', 'when']);
/** Columns of prose: wrapped onto more lines rather than cut. */
const wrapColumns = new Set(['decidedBy', 'timeBasis', 'message', 'reason']);

/**
 * A terminal table whose headers are in the translator's language (`columns` name the row keys),
 * fitted to the view's width. Pure.
 */
export function table<T extends object>(
  tr: Translator,
  columns: string[],
  rows: T[],
  view: TextView = plainView,
): string {
  const labels = columns.map((c) => tr.t(`term.col.${c}` as MessageKey));
  const text = formatTable(
    {
      columns: labels,
      rows: (rows as unknown as Record<string, string | number | null>[]).map((row) =>
        Object.fromEntries(columns.map((c, i) => [labels[i]!, row[c] ?? null])),
      ),
    },
    {
      width: view.width,
      pathColumns: labels.filter((_, i) => pathColumns.has(columns[i]!)),
      keepColumns: labels.filter((_, i) => timeColumns.has(columns[i]!)),
      wrapColumns: labels.filter((_, i) => wrapColumns.has(columns[i]!)),
    },
  );
  return text.replace(/\(\d+ rows?\)\n$/, '');
}
