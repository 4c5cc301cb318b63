import { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { Migration } from '../../model/migration.js';
import { selectMigrations } from '../../store/migrations-table.js';
import { selectTimeline } from '../../store/timeline-query.js';
import { databaseOption, parsePositiveInt } from '../common-options.js';
import { Console } from '../console.js';
import { displayTime } from '../display-time.js';
import { selectKnownNodes, selectKnownVms } from '../../store/known-names.js';
import type { Store } from '../../store/open-database.js';
import { checkTimeRange, isKnownName, unknownNameError } from '../known-names.js';
import { textViewOf, wideOption } from '../text-view.js';
import { formatRows, resolveRowFormat, rowFormatOption, type RowFormat } from '../output.js';
import { openCaseForReading } from '../../case/rebuild-migrations.js';

interface TimelineOptions {
  db: string;
  vm?: string;
  node?: string;
  from?: string;
  to?: string;
  limit: number;
  format?: RowFormat;
  local?: boolean;
  wide?: boolean;
}

const timePrefix = /^\d{4}-\d{2}-\d{2}([T ]\d{2}(:\d{2}(:\d{2}(\.\d{1,7})?)?)?)?Z?$/;

/** `lmdoctor timeline`: events and cluster log lines of all nodes on one UTC clock. */
export function timelineCommand(): Command {
  return new Command('timeline')
    .description('print events and cluster log lines of all nodes merged on one UTC clock')
    .addOption(databaseOption())
    .option('--vm <name>', 'only records that mention this VM (its name or, when known, its id)')
    .option('--node <name>', 'only records logged by this node')
    .option('--from <time>', 'from this UTC time (e.g. 2011-04-15T10:14)')
    .option('--to <time>', 'up to this UTC time, inclusive (e.g. 2011-04-15T10:16)')
    .option('--limit <n>', 'at most this many rows', parsePositiveInt, 10_000)
    .addOption(rowFormatOption())
    .addOption(wideOption())
    .option('--local', 'show times in this machine’s time zone instead of UTC')
    .addHelpText(
      'after',
      `
Examples:
  $ lmdoctor timeline --vm SQL01
  $ lmdoctor timeline --from 2011-04-15T10:14 --to 2011-04-15T10:16 --node HV02
  $ lmdoctor timeline --vm SQL01 --format csv --local > sql01-timeline.csv`,
    )
    .action((options: TimelineOptions) => {
      for (const bound of [options.from, options.to]) {
        if (bound !== undefined && !timePrefix.test(bound)) {
          throw new UsageError(
            `"${bound}" is not a UTC time`,
            'write it as 2011-04-15T10:14 or 2011-04-15T10:14:30.5',
          );
        }
      }
      checkTimeRange(options.from, options.to);
      const db = openCaseForReading(options.db);
      try {
        if (options.node !== undefined && !isKnownName(options.node, selectKnownNodes(db)))
          throw unknownNameError('node', options.node, selectKnownNodes(db));
        const known =
          options.vm === undefined
            ? []
            : knownMigrations(() => selectMigrations(db, { vm: options.vm }));
        const vm =
          options.vm === undefined
            ? undefined
            : [options.vm, ...known.flatMap((m) => [m.vm, m.vmId ?? m.vm])];
        const steps = known.flatMap((m) => m.steps);
        const evidence = {
          events: steps.filter((s) => s.evidenceTable === 'events').map((s) => s.evidenceId),
          clusterLog: steps
            .filter((s) => s.evidenceTable === 'cluster_log')
            .map((s) => s.evidenceId),
        };
        const rows = selectTimeline(db, {
          vm: vm === undefined ? undefined : [...new Set(vm)],
          evidence,
          node: options.node,
          from: options.from?.replace(' ', 'T').replace(/Z$/, ''),
          to: options.to?.replace(' ', 'T').replace(/Z$/, ''),
          limit: options.limit,
        });
        // A VM no migration names may still be in the logs' text; with no row either, say so.
        if (options.vm !== undefined && rows.length === 0 && known.length === 0)
          throw unknownNameError('VM', options.vm, knownVms(db));
        if (rows.length > options.limit) {
          rows.length = options.limit;
          new Console().warn(
            `showing the first ${options.limit} rows; narrow with --vm/--node/--from/--to or raise --limit`,
          );
        }
        const local = options.local ?? false;
        const shown = rows.map((r) => ({ ...r, time: displayTime(r.time, local) }));
        const columns = ['time', 'node', 'origin', 'what', 'level', 'text', 'ref'];
        process.stdout.write(
          formatRows(
            { columns, rows: shown },
            resolveRowFormat(options.format, process.stdout.isTTY === true),
            {
              width: textViewOf(options.wide ?? false).width,
              keepColumns: ['time'],
              wrapColumns: ['text'],
            },
          ),
        );
      } finally {
        db.close();
      }
    });
}

/** The VM's migrations, when replay has stored any (a database from before it has none). */
function knownMigrations(select: () => Migration[]): Migration[] {
  try {
    return select();
  } catch {
    return [];
  }
}

/** The VM names the case's migrations carry (none in a database from before replay). */
function knownVms(db: Store): string[] {
  try {
    return selectKnownVms(db).names;
  } catch {
    return [];
  }
}
