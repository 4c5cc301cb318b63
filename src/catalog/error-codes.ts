/**
 * Error-code lookups over the table in error-code-table.ts. A code is written in many ways —
 * `0x000013AB`, `0x800713AB` (HRESULT_FROM_WIN32), `13AB`, `5035`, `c000020c`,
 * `ERROR_TIMEOUT(1460)`, `-2147023436` — and every form finds the same entry.
 */
import { errorCodeTable } from './error-code-table.js';
import type { ErrorCodeEntry } from './types.js';

export { errorCodeTable };

/** A code found in free text, with its table entry when there is one. */
export interface FoundErrorCode {
  /** The text as it appears (`0x8007274C`, `ERROR_TIMEOUT(1460)`, `error (10060)`). */
  match: string;
  /** Unsigned 32-bit value as written (a Win32 code stays small, an HRESULT stays an HRESULT). */
  code: number;
  entry: ErrorCodeEntry | null;
}

/** Names that are not an entry's `symbolicName` but mean the same code. */
const aliases: Record<string, number> = {
  STATUS_CLUSTER_CSV_NO_SNAPSHOTS: 0xc0130021,
};

const byCode = new Map<number, ErrorCodeEntry>();
const byName = new Map<string, ErrorCodeEntry>();
for (const entry of errorCodeTable) {
  byCode.set(entry.code, entry);
  if (entry.symbolicName !== '') byName.set(entry.symbolicName, entry);
}
for (const [name, value] of Object.entries(aliases)) {
  const entry = byCode.get(value);
  if (entry) byName.set(name, entry);
}

/** HRESULT_FROM_WIN32: a Win32 code (1…0xFFFF) as `0x8007xxxx`. Pure. */
export function hresultFromWin32(win32: number): number {
  return win32 > 0 && win32 <= 0xffff ? (0x80070000 | win32) >>> 0 : win32 >>> 0;
}

/** The Win32 code inside a `0x8007xxxx` HRESULT, or null for any other value. Pure. */
export function win32FromHresult(value: number): number | null {
  return (value & 0xffff0000) >>> 0 === 0x80070000 ? value & 0xffff : null;
}

/** The entry for a numeric code in any of its forms (Win32 or its HRESULT). Pure. */
export function errorCodeEntry(value: number): ErrorCodeEntry | undefined {
  const code = value >>> 0;
  const direct = byCode.get(code);
  if (direct) return direct;
  const win32 = win32FromHresult(code);
  if (win32 !== null) return byCode.get(win32);
  return code <= 0xffff ? byCode.get(hresultFromWin32(code)) : undefined;
}

/**
 * Looks up a code written in any form: hex with or without `0x`, decimal (Win32 or signed
 * HRESULT), NTSTATUS, a symbolic name, or `NAME(code)`. All-digit text is read as decimal
 * first, then as hex (`80070534` is hex). Returns undefined for unknown codes. Pure.
 */
export function lookupErrorCode(text: string | number): ErrorCodeEntry | undefined {
  if (typeof text === 'number') return errorCodeEntry(text);
  for (const value of codeCandidates(text)) {
    const entry = typeof value === 'string' ? byName.get(value) : errorCodeEntry(value);
    if (entry) return entry;
  }
  return undefined;
}

/** Numbers (and names) the text can stand for, most likely first. */
function codeCandidates(raw: string): (number | string)[] {
  let text = raw.trim().replace(/^['"]+|['".,]+$/g, '');
  if (text.startsWith('(') && text.endsWith(')')) text = text.slice(1, -1).trim();
  const named = /^([A-Za-z_][A-Za-z0-9_]*)\s*\(\s*([^)]+?)\s*\)$/.exec(text);
  if (named) return [(named[1] ?? '').toUpperCase(), ...codeCandidates(named[2] ?? '')];
  if (/^0x[0-9a-f]{1,8}$/i.test(text)) return [parseInt(text.slice(2), 16)];
  if (/^-\d{1,10}$/.test(text)) return [Number(text) >>> 0];
  if (/^\d{1,10}$/.test(text)) {
    const decimal = Number(text);
    const asHex = text.length <= 8 ? [parseInt(text, 16)] : [];
    return decimal <= 0xffffffff ? [decimal, ...asHex] : asHex;
  }
  if (/^[0-9a-f]{1,8}$/i.test(text)) return [parseInt(text, 16)];
  if (/^[A-Z_][A-Z0-9_]+$/i.test(text)) return [text.toUpperCase()];
  return [];
}

interface CodePattern {
  pattern: RegExp;
  read: (m: RegExpExecArray) => { code: number; entry: ErrorCodeEntry | null } | null;
}

// `NAME(inner)`: the name decides when it is known, else the inner value (decimal for
// ERROR_/WSA names, hex when it has letters or the name is an NTSTATUS).
const namedCode: CodePattern = {
  pattern: /\b([A-Z][A-Z0-9_]{2,})\(\s*(0x[0-9a-fA-F]{1,8}|[0-9a-fA-F]{1,8})\s*\)/g,
  read: (m) => {
    const name = m[1] ?? '';
    const inner = m[2] ?? '';
    const isHex = /^0x/i.test(inner) || /[a-f]/i.test(inner) || name.startsWith('STATUS_');
    const code = isHex ? parseInt(inner.replace(/^0x/i, ''), 16) >>> 0 : Number(inner);
    return { code, entry: byName.get(name) ?? errorCodeEntry(code) ?? null };
  },
};

const hexCode: CodePattern = {
  pattern: /\b0x([0-9a-fA-F]{1,8})\b/g,
  read: (m) => {
    const code = parseInt(m[1] ?? '', 16) >>> 0;
    return { code, entry: errorCodeEntry(code) ?? null };
  },
};

// Bare HRESULT / NTSTATUS (`80070534`, `c000020c`): eight hex digits with the severity bit
// set, not part of a GUID or a longer word.
const bareCode: CodePattern = {
  pattern: /(?<![-\w])([89a-fA-F][0-9a-fA-F]{7})(?![-\w])/g,
  read: (m) => {
    const code = parseInt(m[1] ?? '', 16) >>> 0;
    return { code, entry: errorCodeEntry(code) ?? null };
  },
};

// Decimal codes only where the words say so: `error (10060)`, `status = 5925`, `result 5015`,
// `error code was '5016'`.
const decimalCode: CodePattern = {
  pattern: /\b(?:error|status|result)(?:\s+code)?(?:\s+was)?\s*[=:]?\s*[('"]?(\d{3,5})\b[)'"]?/gi,
  read: (m) => {
    const code = Number(m[1]);
    return { code, entry: errorCodeEntry(code) ?? null };
  },
};

const codePatterns = [namedCode, hexCode, bareCode, decimalCode];

/**
 * Every error code written in a message, in order of appearance, each code once (a code
 * inside `NAME(code)` is not reported twice). Unknown codes are kept with `entry: null`. Pure.
 */
export function findErrorCodes(text: string): FoundErrorCode[] {
  const hits: (FoundErrorCode & { start: number; end: number })[] = [];
  for (const { pattern, read } of codePatterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (hits.some((h) => start < h.end && end > h.start)) continue;
      const found = read(m);
      if (found) hits.push({ match: m[0], start, end, ...found });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  const seen = new Set<number>();
  const out: FoundErrorCode[] = [];
  for (const hit of hits) {
    const key = hit.entry?.code ?? hit.code;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ match: hit.match, code: hit.code, entry: hit.entry });
  }
  return out;
}

/** `0x800713AB`-style text for a code: eight upper-case hex digits. Pure. */
export function formatErrorCode(code: number): string {
  return `0x${(code >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}
