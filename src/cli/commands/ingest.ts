import { Command } from 'commander';
import { UserError } from '../../errors.js';
import { openStore, type Store } from '../../store/open-database.js';
import type { NodeMapRule } from '../../readers/attribute-node.js';
import type { ClusterLogTimeOption } from '../../readers/cluster-log/time-basis.js';
import { readQueryListFile } from '../../readers/query-list/compile-query-list.js';
import { databaseOption, ingestOptions, quietOption } from '../common-options.js';
import { Console } from '../console.js';
import {
  defaultIngestJobs,
  describeIngest,
  ingestPaths,
  type IngestReport,
} from '../../case/ingest-case.js';

export interface IngestCommandOptions {
  db: string;
  quiet?: boolean;
  force?: boolean;
  jobs?: number;
  clusterLogTime?: ClusterLogTimeOption;
  query?: string;
  nodeMap?: NodeMapRule[];
}

/** `lmdoctor ingest <paths...>`: read logs into the case database (idempotent). */
export function ingestCommand(): Command {
  const command = new Command('ingest')
    .description(
      'read log files and folders into the case database (already-read files are skipped)',
    )
    .argument('<paths...>', 'files, folders (searched recursively) or archives')
    .addOption(databaseOption());
  for (const option of ingestOptions()) command.addOption(option);
  return command
    .addOption(quietOption())
    .addHelpText(
      'after',
      `
Examples:
  $ lmdoctor ingest ./logs                     read every log under ./logs into lmdoctor.db
  $ lmdoctor ingest bundle.zip --query query.xml   a support bundle, only the events query.xml selects
  $ lmdoctor ingest HV01_cluster.log --cluster-log-time +02:00   a 2012 R2 cluster log in local time
  $ lmdoctor ingest HV01 HV02 --db case.db     two nodes' folders into case.db
  $ lmdoctor ingest ./logs --node-map 'ELM-HV1/*.log=ELM-HV1'   the node of files that do not say it
  $ lmdoctor ingest ./logs --force             read files again even if already stored`,
    )
    .action(async (paths: string[], options: IngestCommandOptions) => {
      const db = openStore(options.db);
      try {
        await runIngest(db, paths, options);
      } finally {
        db.close();
      }
    });
}

/** Ingests into an open store, prints skipped paths and the closing line; shared with `analyze`. */
export async function runIngest(
  db: Store,
  paths: string[],
  options: IngestCommandOptions,
): Promise<IngestReport> {
  const console = new Console(process.stderr, options.quiet ?? false);
  const report = await ingestPaths(
    db,
    paths,
    {
      force: options.force ?? false,
      jobs: options.jobs ?? defaultIngestJobs(),
      clusterLogTime: options.clusterLogTime,
      nodeMap: options.nodeMap,
      eventFilter: options.query === undefined ? undefined : await readQueryListFile(options.query),
    },
    console,
  );
  for (const skipped of report.skipped) console.info(`skipped ${skipped.path}: ${skipped.reason}`);
  if (report.files.length === 0) {
    throw new UserError(
      `no log files found in ${paths.join(', ')}`,
      'give folders or files holding .evtx, XML event exports, cluster logs or configuration dumps',
    );
  }
  console.info(describeIngest(report));
  const failed = report.files.filter((f) => f.status === 'failed');
  if (failed.length > 0) {
    const first = failed[0]!;
    throw new UserError(
      `${failed.length} file${failed.length === 1 ? ' was' : 's were'} not stored: ${failed
        .slice(0, 3)
        .map((f) => f.path)
        .join(', ')}${failed.length > 3 ? ', …' : ''} (${first.reason ?? 'unknown reason'})`,
      'free space on the disk of the database (or fix what the reason says) and run the same command again: files already stored are kept and not read twice',
    );
  }
  for (const settled of report.clusterLogTimes) {
    if (settled.basis_origin === 'header' || settled.basis_origin === 'option') continue;
    console.info(
      `cluster log time of ${settled.node ?? 'unknown node'}: ${settled.evidence ?? ''}`,
    );
  }
  return report;
}
