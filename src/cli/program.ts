import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { analyzeCommand } from './commands/analyze.js';
import { catalogCommand } from './commands/catalog.js';
import { collectScriptCommand } from './commands/collect-script.js';
import { diagnoseCommand } from './commands/diagnose.js';
import { evtxCommand } from './commands/evtx.js';
import { flowchartCommand } from './commands/flowchart.js';
import { ingestCommand } from './commands/ingest.js';
import { migrationsCommand } from './commands/migrations.js';
import { queryCommand } from './commands/query.js';
import { reportCommand } from './commands/report.js';
import { timelineCommand } from './commands/timeline.js';

function packageVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

/** The lmdoctor command line: every subcommand, registered here. */
export function buildProgram(): Command {
  const program = new Command('lmdoctor')
    .description(
      'Analyze Hyper-V live-migration failures on Windows failover clusters from event logs, cluster logs and configuration dumps.',
    )
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ lmdoctor analyze ./logs                 read a folder (or zip) of logs from every node and summarise
  $ lmdoctor analyze ./logs --report report.html   and write the report (Markdown, HTML or JSON by extension)
  $ lmdoctor collect-script > collect.ps1   the PowerShell script that collects the logs on the cluster
  $ lmdoctor query --list                   canned SQL queries on the case database
  $ lmdoctor query vm-events -p vm=SQL01    one VM's Hyper-V and cluster events in time order`,
    );
  program.addCommand(analyzeCommand());
  program.addCommand(ingestCommand());
  program.addCommand(migrationsCommand());
  program.addCommand(diagnoseCommand());
  program.addCommand(flowchartCommand());
  program.addCommand(timelineCommand());
  program.addCommand(reportCommand());
  program.addCommand(collectScriptCommand());
  program.addCommand(queryCommand());
  program.addCommand(evtxCommand());
  program.addCommand(catalogCommand());
  return program;
}
