import { Command, Option } from 'commander';
import { maxCollectHours, renderCollectScript } from '../../collect/render-collect-script.js';
import { UsageError } from '../../errors.js';
import { parsePositiveInt } from '../common-options.js';
import { writeReportFile } from '../report-output.js';

interface CollectScriptOptions {
  hours: number;
  output?: string;
}

function parseHours(text: string): number {
  const hours = parsePositiveInt(text);
  if (hours > maxCollectHours)
    throw new UsageError(`--hours ${hours} is more than a year (${maxCollectHours} hours)`);
  return hours;
}

/** `lmdoctor collect-script`: the PowerShell script that gathers what lmdoctor reads. */
export function collectScriptCommand(): Command {
  return new Command('collect-script')
    .description(
      'print the PowerShell script that collects, on every cluster node, the event logs, cluster logs and configuration lmdoctor reads, and zips them',
    )
    .addOption(
      new Option('--hours <n>', 'how far back the exports reach (the script’s -Hours default)')
        .argParser(parseHours)
        .default(24),
    )
    .option('-o, --output <file>', 'write the script to this file instead of stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ lmdoctor collect-script > collect-lmdoctor.ps1               the last 24 hours
  $ lmdoctor collect-script --hours 72 -o collect-lmdoctor.ps1   the last three days

Then, on one cluster node, in an elevated PowerShell:
  powershell.exe -ExecutionPolicy Bypass -File .\\collect-lmdoctor.ps1
and analyse the zip it writes: lmdoctor analyze lmdoctor-HV01-….zip --report report.html`,
    )
    .action((options: CollectScriptOptions) => {
      const script = renderCollectScript({ hours: options.hours });
      if (options.output) writeReportFile(options.output, script);
      else process.stdout.write(script);
    });
}
