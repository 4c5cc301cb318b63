import { Command } from 'commander';
import { UserError } from '../../errors.js';
import {
  documentedSources,
  findDocumentedSource,
  type DocumentedSource,
} from '../../catalog/documented-sources.js';
import { formatRows, resolveRowFormat, rowFormatOption, type RowFormat } from '../output.js';
import { wrapText } from '../fit-text.js';
import { textViewOf } from '../text-view.js';

interface SourcesOptions {
  format?: RowFormat;
}

/** `lmdoctor sources [KEY]`: the published sources lmdoctor's commands and advice cite. */
export function sourcesCommand(): Command {
  return new Command('sources')
    .description(
      'the published sources that the remediation commands cite (title, publisher, web address)',
    )
    .argument('[key]', 'one source, by the key an output cites (M1, S6, …)')
    .addOption(rowFormatOption())
    .addHelpText(
      'after',
      `
Examples:
  $ lmdoctor sources            every source, one row each
  $ lmdoctor sources M6         the one cited as [M6]`,
    )
    .action((key: string | undefined, options: SourcesOptions) => {
      let chosen: readonly DocumentedSource[] = documentedSources;
      if (key !== undefined) {
        const found = findDocumentedSource(key);
        if (!found)
          throw new UserError(
            `no source ${key}`,
            `the keys are ${documentedSources.map((s) => s.key).join(', ')}`,
          );
        chosen = [found];
      }
      const rows = chosen.flatMap((s) =>
        s.urls.map((url, i) => ({
          key: i === 0 ? s.key : '',
          publisher: i === 0 ? s.publisher : '',
          title: i === 0 ? s.title : '',
          url,
        })),
      );
      const format = resolveRowFormat(options.format, process.stdout.isTTY === true);
      if (format === 'json' || format === 'ndjson') {
        const json = chosen.map((s) => ({ ...s, urls: [...s.urls] }));
        process.stdout.write(
          format === 'json'
            ? `${JSON.stringify(json, null, 2)}\n`
            : json.map((s) => `${JSON.stringify(s)}\n`).join(''),
        );
        return;
      }
      if (format === 'csv') {
        process.stdout.write(
          formatRows({ columns: ['key', 'publisher', 'title', 'url'], rows }, format),
        );
        return;
      }
      // For people, one block a source: addresses are never cut, the title wraps.
      const width = textViewOf().width;
      const blocks = chosen.map((s) =>
        [
          ...wrapText(`${s.key} ${s.title}`, width, '    '),
          `    ${s.publisher}`,
          ...s.urls.map((url) => `    ${url}`),
        ].join('\n'),
      );
      process.stdout.write(`${blocks.join('\n\n')}\n`);
    });
}
