import { Command } from 'commander';
import { UsageError, UserError } from '../../errors.js';
import { clusterLogPatterns } from '../../catalog/cluster-log-patterns.js';
import {
  errorCodeTable,
  findErrorCodes,
  formatErrorCode,
  lookupErrorCode,
  win32FromHresult,
} from '../../catalog/error-codes.js';
import { catalogEvents } from '../../catalog/events/index.js';
import type { CatalogEvent, ErrorCodeEntry } from '../../catalog/types.js';
import type { QueryResult } from '../../store/run-sql.js';
import { textViewOf } from '../text-view.js';
import { formatRows, resolveRowFormat, rowFormatOption, type RowFormat } from '../output.js';

interface CatalogOptions {
  event?: number;
  provider?: string;
  code?: string;
  codes?: boolean;
  clusterLog?: boolean;
  format?: RowFormat;
}

/** `lmdoctor catalog`: what lmdoctor knows about Windows events, error codes and cluster log lines. */
export function catalogCommand(): Command {
  return new Command('catalog')
    .description(
      'show what an event id, error code or cluster log line means for a live migration (no database needed)',
    )
    .option('--event <id>', 'events with this id (all providers unless --provider)', parseEventId)
    .option('--provider <name>', 'events of providers whose name contains this text')
    .option(
      '--code <code>',
      'an error code in any form: 0x8007274C, 0x000013AB, 13AB, 5035, c000020c, ERROR_TIMEOUT(1460)',
    )
    .option('--codes', 'list every error code in the catalogue')
    .option('--cluster-log', 'list the cluster log line patterns')
    .addOption(rowFormatOption())
    .addHelpText(
      'after',
      `
Examples:
  $ lmdoctor catalog --event 21502
  $ lmdoctor catalog --code 0x8007274C
  $ lmdoctor catalog --code 5035 --format json
  $ lmdoctor catalog --provider FailoverClustering --format csv
  $ lmdoctor catalog --codes
  $ lmdoctor catalog --cluster-log`,
    )
    .action((options: CatalogOptions) => {
      const format = resolveRowFormat(options.format, process.stdout.isTTY === true);
      process.stdout.write(formatRows(catalogRows(options), format, { width: textViewOf().width }));
    });
}

function parseEventId(text: string): number {
  if (!/^\d{1,5}$/.test(text.trim()) || Number(text) > 0xffff)
    throw new UsageError(`"${text}" is not an event id`, 'an event id is a number such as 21502');
  return Number(text);
}

/** The rows the options ask for. Throws UserError for a code the catalogue does not know. */
function catalogRows(options: CatalogOptions): QueryResult {
  if (options.code !== undefined) return codeRows([codeEntry(options.code)]);
  if (options.codes) return codeRows(errorCodeTable);
  if (options.clusterLog) return patternRows();
  const provider = options.provider?.toLowerCase();
  const events = catalogEvents.filter(
    (e) =>
      (options.event === undefined || e.eventId === options.event) &&
      (provider === undefined || e.provider.toLowerCase().includes(provider)),
  );
  if (events.length === 0)
    throw new UserError(
      'no catalogue event matches',
      '`lmdoctor catalog` without options lists every event it knows',
    );
  return eventRows(events);
}

function codeEntry(text: string): ErrorCodeEntry {
  const entry = lookupErrorCode(text) ?? findErrorCodes(text).find((c) => c.entry)?.entry;
  if (entry) return entry;
  throw new UserError(
    `error code "${text}" is not in the catalogue`,
    '`lmdoctor catalog --codes` lists the codes lmdoctor knows (from reference/events.md)',
  );
}

const eventColumns = [
  'provider',
  'event',
  'level',
  'role',
  'side',
  'category',
  'cause',
  'fields',
  'template',
  'other_wordings',
  'meaning',
  'symbolic_name',
  'channels',
  'versions',
  'verified',
  'sources',
];

function eventRows(events: readonly CatalogEvent[]): QueryResult {
  return {
    columns: eventColumns,
    rows: events.map((e) => ({
      provider: e.provider,
      event: e.eventId,
      level: e.level,
      role: e.role,
      side: e.side,
      category: e.category,
      cause: e.cause ?? null,
      fields: Object.entries(e.fields)
        .map(([role, position]) => `${role}=%${position}`)
        .join(' '),
      template: e.template === '' ? null : e.template,
      other_wordings: e.variants?.map((v) => v.template).join(' | ') ?? null,
      meaning: e.meaning,
      symbolic_name: e.symbolicName,
      channels: e.channels.join(' '),
      versions: e.versions.join(', '),
      verified: e.verified ? 'yes' : 'no',
      sources: e.sources.join(', '),
    })),
  };
}

const codeColumns = [
  'code',
  'win32',
  'symbolic_name',
  'text',
  'category',
  'cause',
  'side',
  'sources',
];

function codeRows(entries: readonly ErrorCodeEntry[]): QueryResult {
  return {
    columns: codeColumns,
    rows: entries.map((c) => {
      const win32 = c.code <= 0xffff ? c.code : win32FromHresult(c.code);
      return {
        code: formatErrorCode(c.code),
        win32,
        symbolic_name: c.symbolicName === '' ? null : c.symbolicName,
        text: c.text,
        category: c.category,
        cause: c.cause,
        side: c.side,
        sources: c.sources.join(', '),
      };
    }),
  };
}

function patternRows(): QueryResult {
  return {
    columns: ['id', 'component', 'role', 'category', 'pattern', 'meaning', 'verified', 'sources'],
    rows: clusterLogPatterns.map((p) => ({
      id: p.id,
      component: p.component,
      role: p.role,
      category: p.category,
      pattern: p.pattern.source,
      meaning: p.meaning,
      verified: p.verified ? 'yes' : 'no',
      sources: p.sources.join(', '),
    })),
  };
}
