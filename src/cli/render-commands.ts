import { documentedCommands } from '../catalog/remediation-commands.js';
import type { Translator } from '../i18n/translator.js';
import type { CauseId } from '../model/diagnosis.js';
import { wrapText } from './fit-text.js';

/**
 * The commands Microsoft documents for a cause as a block to copy (never run): a heading, for
 * each group a `#` comment saying what it does and its source keys, the command lines, then
 * where to read the sources. A command wider than `width` is broken only after a pipe (where
 * PowerShell continues on the next line); comments wrap as comments. Empty when no command is
 * documented for the cause. Pure.
 */
export function commandBlock(cause: CauseId, tr: Translator, width = Infinity): string[] {
  const groups = documentedCommands[cause];
  if (!groups || groups.length === 0) return [];
  const lines = wrapText(tr.t('term.run'), width, '    ');
  const keys = new Set<string>();
  for (const group of groups) {
    for (const key of group.sources) keys.add(key);
    const comment = `    # ${tr.t(`remedy.${group.purpose}`)} [${group.sources.join(', ')}]`;
    lines.push(...wrapText(comment, width, '    # '));
    for (const command of group.commands) lines.push(...breakAtPipes(`    ${command}`, width));
  }
  lines.push(tr.t('term.runSources', { keys: [...keys].join(' ') }));
  return lines;
}

/** A command line broken after its pipes while it is wider than `width`. Pure. */
function breakAtPipes(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const parts = line.split(' | ');
  if (parts.length === 1) return [line];
  return parts.map((part, i) =>
    i === 0 ? `${part} |` : `      ${part.trimStart()}${i < parts.length - 1 ? ' |' : ''}`,
  );
}
