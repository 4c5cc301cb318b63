import { createTranslator, type Translator } from '../i18n/translator.js';
import { formatOffset } from '../readers/cluster-log/infer-time-offset.js';
import type { ClusterLogSourceSummary, ConfigTableSummary } from '../store/cluster-log-summary.js';

/** How a cluster log's times were read, in a few words (`local UTC+02:00 (header)`). Pure. */
export function describeTimeBasis(
  log: ClusterLogSourceSummary,
  tr: Translator = createTranslator('en'),
): string {
  const t = tr.t;
  const offset =
    log.offsetMinutes === null ? t('term.basis.offsetUnknown') : formatOffset(log.offsetMinutes);
  const local = log.timeBasis === 'local';
  switch (log.origin) {
    case 'header':
      return local ? t('term.basis.localHeader', { offset }) : t('term.basis.utcHeader');
    case 'option':
      return local ? t('term.basis.localOption', { offset }) : t('term.basis.utcOption');
    case 'inferred': {
      const level = ['low', 'medium', 'high'].includes(log.confidence ?? '')
        ? (log.confidence as 'low' | 'medium' | 'high')
        : 'low';
      const confidence = t(`term.confidence.${level}`);
      return log.timeBasis === 'utc'
        ? t('term.basis.inferredUtc', { confidence })
        : t('term.basis.inferredLocal', { offset, confidence });
    }
    case 'assumed':
      return t('term.basis.assumed');
    default:
      return t('term.basis.unresolved', { offset });
  }
}

/** Table rows for the cluster log section of the analyze summary. Pure. */
export function clusterLogRows(
  logs: ClusterLogSourceSummary[],
  tr: Translator = createTranslator('en'),
): Record<string, string | number | null>[] {
  return logs.map((log) => ({
    node: log.node,
    file: log.path,
    lines: log.lines,
    timeBasis: describeTimeBasis(log, tr),
    first: log.first,
    last: log.last,
  }));
}

/** Table rows for the configuration section of the analyze summary. Pure. */
export function configRows(tables: ConfigTableSummary[]): Record<string, string | number | null>[] {
  return tables.map((t) => ({
    table: t.table,
    rows: t.rows,
    files: t.sources,
    nodes: t.nodes.join(', '),
  }));
}

/** Notes under the cluster log table: how each inferred or assumed basis was decided. Pure. */
export function clusterLogNotes(logs: ClusterLogSourceSummary[]): string[] {
  return logs
    .filter(
      (log) => log.origin === 'inferred' || log.origin === 'assumed' || log.origin === 'unresolved',
    )
    .map((log) => `  ${log.path}: ${log.evidence ?? ''}`);
}
