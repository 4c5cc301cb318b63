import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';

/** How an exported case names itself on every row. */
export interface CaseIdentity {
  caseId: string;
  cluster: string | null;
}

const caseIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * The case id and cluster name of an export: the ones asked for, else a case id derived from
 * the contents of the case's files (`lmd-` and 12 hex digits: the same files give the same id,
 * so exporting again replaces rather than duplicates) and the cluster its configuration names.
 * Pure; throws UsageError for a case id that cannot be a folder name.
 */
export function caseIdentity(
  facts: { sourceHashes: readonly string[]; cluster: string | null },
  asked: { caseId?: string; cluster?: string },
): CaseIdentity {
  if (asked.caseId !== undefined && !caseIdPattern.test(asked.caseId))
    throw new UsageError(
      `"${asked.caseId}" cannot be a case id`,
      'use letters, digits, ".", "_" and "-" (up to 100, starting with a letter or digit), e.g. --case-id SR-12345',
    );
  const derived = `lmd-${createHash('sha256').update(facts.sourceHashes.join('\n')).digest('hex').slice(0, 12)}`;
  const cluster = asked.cluster ?? facts.cluster;
  return { caseId: asked.caseId ?? derived, cluster: cluster === '' ? null : cluster };
}
