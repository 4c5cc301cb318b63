import { Command, Option } from 'commander';
import { flowchart } from '../../diagnose/diagnose-case.js';
import { renderFlowchartMermaid, renderFlowchartText } from '../render-flowchart.js';

/** `lmdoctor flowchart`: the troubleshooting flowchart itself, with the source of each node. */
export function flowchartCommand(): Command {
  return new Command('flowchart')
    .description('print the troubleshooting flowchart lmdoctor walks, with the source of each step')
    .addOption(
      new Option('--format <format>', 'text or a Mermaid diagram')
        .choices(['text', 'mermaid'])
        .default('text'),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ lmdoctor flowchart                             every question, its answers and its source
  $ lmdoctor flowchart --format mermaid > lm.mmd   a diagram to render with Mermaid`,
    )
    .action((options: { format: 'text' | 'mermaid' }) => {
      process.stdout.write(
        options.format === 'mermaid'
          ? renderFlowchartMermaid(flowchart)
          : renderFlowchartText(flowchart),
      );
    });
}
