import { Option } from 'commander';
import { UsageError } from '../errors.js';
import { parseNodeMap, type NodeMapRule } from '../readers/attribute-node.js';
import { parseClusterLogTimeOption } from '../readers/cluster-log/time-basis.js';

export const defaultDatabasePath = 'lmdoctor.db';

/** `--db FILE`, shared by every command that touches the case database. */
export function databaseOption(): Option {
  return new Option(
    '--db <file>',
    'case database (SQLite file; :memory: for a throwaway one)',
  ).default(process.env.LMDOCTOR_DB ?? defaultDatabasePath);
}

export function quietOption(): Option {
  return new Option(
    '-q, --quiet',
    'no progress or informational messages on stderr (warnings still show)',
  );
}

export function forceOption(): Option {
  return new Option('--force', 're-read files whose content is already in the database');
}

export function jobsOption(): Option {
  return new Option(
    '-j, --jobs <n>',
    'worker threads for parsing (default: number of cores)',
  ).argParser(parsePositiveInt);
}

/** `--cluster-log-time utc|local|OFFSET`, shared by ingest and analyze. */
export function clusterLogTimeOption(): Option {
  return new Option(
    '--cluster-log-time <basis>',
    'how cluster log times are written: utc, local (offset from the header or inferred) or an offset such as +02:00; default: the header, else inferred from events',
  ).argParser(parseClusterLogTimeOption);
}

/** `--query FILE`: a wevtutil/Event Viewer QueryList that selects the events to keep. */
export function queryOption(): Option {
  return new Option(
    '--query <file>',
    'keep only the events this QueryList XML selects (as given to wevtutil epl /sq:true)',
  );
}

/** `--node-map FILE=NODE` (repeatable): the node of files whose content does not name it. */
export function nodeMapOption(): Option {
  return new Option(
    '--node-map <file=node>',
    'the node of files whose content does not name it (a path or glob: *, ?, **); repeatable',
  ).argParser((spec: string, previous: NodeMapRule[] | undefined) => [
    ...(previous ?? []),
    parseNodeMap(spec),
  ]);
}

/** Commander parser for options that take a whole number of 1 or more. */
export function parsePositiveInt(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new UsageError(`"${text}" is not a whole number of 1 or more`);
  return value;
}

/** The options every command that ingests takes besides --db and --quiet, in help order. */
export function ingestOptions(): Option[] {
  return [forceOption(), jobsOption(), clusterLogTimeOption(), nodeMapOption(), queryOption()];
}
