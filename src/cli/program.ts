import { readFileSync } from 'node:fs';
import { Command } from 'commander';

function packageVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

/**
 * Every subcommand, in help order, with the module that defines it. Modules are imported only
 * when needed: a command's module pulls in what it runs (SQLite, the XML parser, reports, date
 * formatting), which costs more than half a second when everything is loaded at once.
 */
const commandModules: readonly (readonly [string, () => Promise<Command>])[] = [
  ['analyze', async () => (await import('./commands/analyze.js')).analyzeCommand()],
  ['ingest', async () => (await import('./commands/ingest.js')).ingestCommand()],
  ['migrations', async () => (await import('./commands/migrations.js')).migrationsCommand()],
  ['diagnose', async () => (await import('./commands/diagnose.js')).diagnoseCommand()],
  ['flowchart', async () => (await import('./commands/flowchart.js')).flowchartCommand()],
  ['timeline', async () => (await import('./commands/timeline.js')).timelineCommand()],
  ['report', async () => (await import('./commands/report.js')).reportCommand()],
  [
    'collect-script',
    async () => (await import('./commands/collect-script.js')).collectScriptCommand(),
  ],
  ['export', async () => (await import('./commands/export.js')).exportCommand()],
  ['query', async () => (await import('./commands/query.js')).queryCommand()],
  ['evtx', async () => (await import('./commands/evtx.js')).evtxCommand()],
  ['catalog', async () => (await import('./commands/catalog.js')).catalogCommand()],
  ['sources', async () => (await import('./commands/sources.js')).sourcesCommand()],
];

/**
 * The subcommands a command line needs: only the one it names; none for a bare `--version`;
 * all of them otherwise (top-level help, a mistyped name that commander suggests a fix for).
 */
function commandsFor(args: readonly string[] | undefined): typeof commandModules {
  if (args === undefined) return commandModules;
  const named = args.find((arg) => !arg.startsWith('-'));
  const only = commandModules.filter(([name]) => name === named);
  if (only.length > 0) return only;
  const versionOnly = args.length > 0 && args.every((arg) => arg === '-V' || arg === '--version');
  return versionOnly ? [] : commandModules;
}

/**
 * The lmdoctor command line. `args` (the arguments after the script, as in `process.argv`
 * without its first two entries) lets it load only the subcommand they name; without them
 * every subcommand is registered.
 */
export async function buildProgram(args?: readonly string[]): Promise<Command> {
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
  const commands = await Promise.all(commandsFor(args).map(([, load]) => load()));
  for (const command of commands) program.addCommand(command);
  return program;
}
