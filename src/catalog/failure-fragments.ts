/**
 * The failure-text fragments of events.md §1b (texts inside 21502 `%3`, VMMS errors and
 * Failover Cluster Manager details) as patterns, and `classifyFailureText`, which reads side,
 * category and cause from such a text. Error codes decide first; the English fragments are a
 * fallback, since localised systems render other words around the same codes.
 */
import { errorCodeTable, findErrorCodes } from './error-codes.js';
import type { ErrorCodeEntry, Side } from './types.js';

export type FailureCategory = ErrorCodeEntry['category'];

/** One fragment of events.md §1b. */
export interface FailureFragment {
  id: string;
  /** Matched case-insensitively; quotes may be ' or ", contractions either way. */
  pattern: RegExp;
  /** The class events.md gives it (FAIL-SRC, NET, AUTH, BUSY, CPU, SWITCH, RES, …). */
  kind: string;
  /** Side the fragment speaks for; null when events.md gives none. */
  side: Side | null;
  /** Null for pure side markers (failed at migration source/destination). */
  category: FailureCategory | null;
  cause: string | null;
  sources: string[];
  /**
   * False when the words come only from a link anchor or a secondary source (events-modern.md
   * §2): such a fragment is reported as matched but never decides a side, category or cause.
   */
  verified: boolean;
}

const q = `['"\u2018\u2019\u201c\u201d]`;

export const failureFragments: readonly FailureFragment[] = [
  fragment(
    'failed-at-source',
    `migration operation for ${q}.*?${q} failed at migration source`,
    'FAIL-SRC',
    'source',
    null,
    null,
  ),
  fragment(
    'failed-at-destination',
    `migration operation for ${q}.*?${q} failed at migration destination`,
    'FAIL-DST',
    'destination',
    null,
    null,
  ),
  fragment(
    'connection-failed',
    'failed to establish a connection for a Virtual Machine migration with host',
    'NET',
    'source',
    'network',
    'migration-connection-failed',
  ),
  fragment(
    'send-failed',
    'Failed to send data for a Virtual Machine migration',
    'NET',
    'source',
    'network',
    'migration-connection-failed',
  ),
  fragment(
    'receive-failed',
    'Failed to receive data for a Virtual Machine migration',
    'NET',
    'destination',
    'network',
    'migration-connection-failed',
    ['S22'],
  ),
  fragment(
    'no-credentials',
    'No credentials are available in the security package',
    'AUTH',
    'source',
    'authentication',
    'authentication-failed',
    ['S4', 'M1', 'M4'],
  ),
  fragment(
    'unknown-credentials',
    'The credentials supplied to the package were not recognized',
    'AUTH',
    'source',
    'authentication',
    'authentication-failed',
    ['S4', 'M1', 'M4'],
  ),
  fragment(
    'no-suitable-credentials',
    'failed to authenticate the connection for a virtual machine migration at the source host',
    'AUTH',
    'source',
    'authentication',
    'authentication-failed',
    ['S4', 'M1', 'M4'],
  ),
  fragment(
    'wrong-principal',
    'The target principal name is incorrect',
    'AUTH',
    'source',
    'authentication',
    'authentication-failed',
    ['S4', 'M1', 'M4'],
  ),
  fragment(
    'logon-type-not-granted',
    'the user has not been granted the requested logon type',
    'AUTH',
    'destination',
    'authentication',
    'authentication-failed',
  ),
  fragment(
    'migration-limit',
    `because virtual machine migration limit ${q}?\\d+${q}? was reached`,
    'BUSY',
    'source',
    'busy',
    'concurrent-migration',
  ),
  fragment(
    'processor-features',
    'is using processor-specific features not supported on host',
    'CPU',
    'source',
    'processor',
    'processor-incompatible',
  ),
  fragment(
    'hardware-incompatible',
    "The hardware on the destination computer (?:is not|isn't) compatible with the hardware requirements of this virtual machine",
    'CPU',
    'source',
    'processor',
    'processor-incompatible',
    ['S4', 'M1'],
  ),
  fragment(
    'processor-features-physical',
    'uses processor-specific features not supported on the physical computer',
    'CPU',
    'source',
    'processor',
    'processor-incompatible',
    ['S6'],
  ),
  fragment(
    'microcode-mismatch',
    'different microcode \\(uCode\\) revisions|older microcode \\(uCode\\) version',
    'CPU',
    null,
    'processor',
    'processor-incompatible',
    ['M2'],
    false,
  ),
  fragment(
    'disconnected-switch',
    'Destination has disconnected VM switch',
    'SWITCH',
    'destination',
    'switch',
    null,
    ['M2'],
    false,
  ),
  fragment(
    'internal-or-private-switch',
    'connected to an internal or private virtual switch',
    'SWITCH',
    null,
    'switch',
    null,
    ['M2'],
    false,
  ),
  fragment(
    'failed-at-source-with-code',
    'Failed to live migrate virtual machine .*? at migration source .*? with error code',
    'FAIL-SRC',
    'source',
    null,
    null,
    ['M2'],
    false,
  ),
  fragment(
    'shared-virtual-disk',
    "Shared virtual disks can only be used in clustered VM roles and (?:can't|cannot) be migrated",
    'ATTACHMENT',
    null,
    'storage',
    null,
    ['S6'],
  ),
  fragment(
    'switch-missing',
    "failed to live migrate because a virtual switch used by the VM (?:doesn't|does not) exist on the destination node",
    'SWITCH',
    null,
    'switch',
    'virtual-network-name-mismatch',
  ),
  fragment(
    'no-network-address',
    'Failed to get the network address for the destination node',
    'NET',
    'source',
    'network',
    'no-migration-network',
  ),
  fragment(
    'move-not-completed',
    `The action ${q}Move${q} did not complete`,
    'RES',
    null,
    'cluster',
    'possible-owners',
  ),
  fragment(
    'create-partition',
    'Failed to create partition: Insufficient system resources',
    'RES',
    'destination',
    'resources',
    'destination-resources',
  ),
  fragment(
    'initialize-memory',
    'could not initialize memory: Ran out of memory',
    'RES',
    'destination',
    'resources',
    'destination-resources',
  ),
  fragment(
    'virtual-disk-provider',
    "A virtual disk support provider for the specified file (?:wasn't|was not) found",
    'ATTACHMENT',
    'destination',
    'storage',
    null,
  ),
  fragment(
    'listener-disabled',
    'disabled the listener for Virtual Machine migration connections',
    'NET',
    'source',
    'network',
    'migration-connection-failed',
  ),
  fragment(
    'none-mapped',
    'No mapping between account names and security IDs was done',
    'AUTH',
    'source',
    'authentication',
    'authentication-failed',
    ['S9'],
  ),
  fragment(
    'register-configuration-failed',
    'failed to register the configuration for the virtual machine .*?: The system cannot find the path',
    'RES',
    'destination',
    'storage',
    'system-drive-mismatch',
    ['S4', 'M1'],
  ),
  fragment(
    'another-migration-in-progress',
    'The migration failed because another migration was in progress',
    'BUSY',
    null,
    'busy',
    'concurrent-migration',
    ['S14'],
  ),
  fragment(
    'key-protector',
    'The key protector for the virtual machine .*? could not be unwrapped',
    'VTPM',
    'destination',
    'other',
    null,
    ['S6'],
  ),
];

function fragment(
  id: string,
  source: string,
  kind: string,
  side: Side | null,
  category: FailureCategory | null,
  cause: string | null,
  sources = ['S4'],
  verified = true,
): FailureFragment {
  return { id, pattern: new RegExp(source, 'i'), kind, side, category, cause, sources, verified };
}

/** What a failure text says: which side failed, the kind of failure and the first known code. */
export interface FailureClassification {
  side: Side | null;
  category: FailureCategory | null;
  cause: string | null;
  /** First code in the text that the table knows (else the first code seen), or null. */
  code: number | null;
  /** Ids of the fragments that matched, in table order. */
  fragments: string[];
}

/** `isn't` → `is not` and friends, lower case: so error texts match either spelling. */
function plainWords(text: string): string {
  return text.toLowerCase().replace(/n['\u2019]t\b/g, ' not');
}

/**
 * Error-code texts usable as fragments: Windows messages, not the table's bracketed notes nor
 * the NTSTATUS descriptions (severity bits set, facility 0).
 */
const codeTexts = errorCodeTable
  .filter((e) => !e.text.startsWith('(') && e.text.length >= 20 && !isNtStatus(e.code))
  .map((entry) => ({ entry, text: plainWords(entry.text.replace(/[.…]+$/, '')) }));

function isNtStatus(code: number): boolean {
  return code >>> 28 === 0xc || (code & 0xffff0000) >>> 0 === 0x80000000;
}

/**
 * Classifies a failure text (21502 `%3`, a VMMS error, FCM details). Side: an explicit "failed
 * at migration source/destination" wins, then a side-specific fragment, then the code's usual
 * side. Category and cause: the first known error code, then the first fragment, then an
 * error code's message text found without its code. Pure.
 */
export function classifyFailureText(text: string): FailureClassification {
  const codes = findErrorCodes(text);
  const known = codes.find((c) => c.entry !== null)?.entry ?? null;
  const matched = failureFragments.filter((f) => f.pattern.test(text));
  // Unverified words are listed but decide nothing (events-modern.md: never the only ground).
  const deciding = matched.filter((f) => f.verified);
  const marker = deciding.find((f) => f.category === null && f.side !== null);
  const specific = deciding.filter((f) => f.category !== null);
  const plain = known === null ? plainWords(text) : '';
  const byText = known === null ? codeTexts.find((c) => plain.includes(c.text))?.entry : undefined;
  const entry = known ?? byText ?? null;
  const side = marker?.side ?? specific.find((f) => f.side !== null)?.side ?? entry?.side ?? null;
  return {
    side,
    category: known?.category ?? specific[0]?.category ?? byText?.category ?? null,
    cause: known?.cause ?? specific.find((f) => f.cause !== null)?.cause ?? byText?.cause ?? null,
    code: known?.code ?? codes[0]?.code ?? null,
    fragments: matched.map((f) => f.id),
  };
}
