import { Command, Option } from 'commander';
import type { Migration } from '../../model/migration.js';
import { selectMigrations, selectVmNames } from '../../store/migrations-table.js';
import { vmNamesText } from '../render-vm-names.js';
import { databaseOption } from '../common-options.js';
import { displayTime } from '../display-time.js';
import { selectKnownNodes, selectKnownVms } from '../../store/known-names.js';
import { isKnownName, unknownNameError } from '../known-names.js';
import { textViewOf, wideOption } from '../text-view.js';
import { formatRows, resolveRowFormat, rowFormatOption, type RowFormat } from '../output.js';
import { openCaseForReading } from '../../case/rebuild-migrations.js';

interface MigrationsOptions {
  db: string;
  vm?: string;
  node?: string;
  outcome?: string;
  format?: RowFormat;
  local?: boolean;
  wide?: boolean;
}

/** `lmdoctor migrations`: the migrations replay rebuilt, one row each. */
export function migrationsCommand(): Command {
  return new Command('migrations')
    .description('list the migrations rebuilt from the logs (run analyze or ingest first)')
    .addOption(databaseOption())
    .option('--vm <name>', 'only this VM (name or id)')
    .option('--node <name>', 'only migrations from or to this node')
    .addOption(
      new Option('--outcome <outcome>', 'only this outcome').choices([
        'succeeded',
        'failed',
        'cancelled',
        'unknown',
      ]),
    )
    .addOption(rowFormatOption())
    .addOption(wideOption())
    .option('--local', 'show times in this machine’s time zone instead of UTC')
    .addHelpText(
      'after',
      `
Examples:
  $ lmdoctor migrations
  $ lmdoctor migrations --outcome failed
  $ lmdoctor migrations --vm SQL01 --format json    full records with steps, evidence and facts
  $ lmdoctor migrations --node HV02 --format csv`,
    )
    .action((options: MigrationsOptions) => {
      const db = openCaseForReading(options.db);
      try {
        const vms = options.vm === undefined ? null : selectKnownVms(db);
        if (options.vm !== undefined && vms && !isKnownName(options.vm, [...vms.names, ...vms.ids]))
          throw unknownNameError('VM', options.vm, vms.names);
        if (options.node !== undefined && !isKnownName(options.node, selectKnownNodes(db)))
          throw unknownNameError('node', options.node, selectKnownNodes(db));
        const migrations = selectMigrations(db, {
          vm: options.vm,
          node: options.node,
          outcome: options.outcome,
        });
        const format = resolveRowFormat(options.format, process.stdout.isTTY === true);
        if (format === 'json') {
          process.stdout.write(`${JSON.stringify(migrations, null, 2)}\n`);
          return;
        }
        process.stdout.write(
          formatRows(
            {
              columns: migrationColumns,
              rows: migrations.map((m) => migrationRow(m, options.local ?? false)),
            },
            format,
            { width: textViewOf(options.wide ?? false).width, keepColumns: ['started'] },
          ),
        );
        if (format === 'table') {
          const joined = vmNamesText(selectVmNames(db, options.vm));
          if (joined !== '') process.stdout.write(`\n${joined}`);
        }
      } finally {
        db.close();
      }
    });
}

export const migrationColumns = [
  'id',
  'vm',
  'kind',
  'from',
  'to',
  'started',
  'duration_s',
  'outcome',
  'side',
  'error',
];

/** One migration as a flat row for tables and CSV. Pure. */
export function migrationRow(m: Migration, local: boolean): Record<string, string | number | null> {
  return {
    id: m.id,
    vm: m.vm,
    kind: m.kind,
    from: m.sourceNode,
    to: m.destinationNode,
    started: displayTime(m.startedAt ?? m.requestedAt, local),
    duration_s: m.durationS,
    outcome: m.outcome,
    side: m.failureSide,
    error: m.errorCode ?? (m.errorText ? m.errorText.slice(0, 80) : null),
  };
}
