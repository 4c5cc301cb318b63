import { createTranslator, type Translator } from '../i18n/translator.js';
import type { VmNameRow } from '../store/migrations-table.js';

/**
 * The names taken as one VM and why (a localized resource name, a name with the same VmId),
 * one line each; empty when no names were joined. Pure.
 */
export function vmNamesText(
  vmNames: readonly VmNameRow[],
  tr: Translator = createTranslator('en'),
): string {
  if (vmNames.length === 0) return '';
  const lines = vmNames.map((n) =>
    tr.t('term.vmNameJoin', { name: n.name, vm: n.vm, reason: n.reason }),
  );
  return `${[tr.t('term.vmNamesJoined'), ...lines].join('\n')}\n`;
}
