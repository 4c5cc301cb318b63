import type { ReplayRecord } from './replay-record.js';

const codePattern = /\b0x[0-9a-f]{8}\b/i;

/** The error code a record carries: its errorCode field, else the first 0x… code in its text. */
export function errorCodeOf(record: ReplayRecord): string | null {
  const field = record.fields.errorCode?.trim();
  if (field) return normalizeCode(field);
  const match = codePattern.exec(record.fields.errorText ?? record.text);
  return match ? normalizeCode(match[0]) : null;
}

/** `0x13ab`, `13AB`, `5035` → `0x000013AB`; other text stays as written. Pure. */
export function normalizeCode(text: string): string {
  const trimmed = text.trim().replace(/^\(|\)$/g, '');
  if (/^0x[0-9a-f]{1,8}$/i.test(trimmed))
    return `0x${trimmed.slice(2).toUpperCase().padStart(8, '0')}`;
  if (/^\d{1,10}$/.test(trimmed)) {
    const value = Number(trimmed);
    if (value <= 0xffffffff) return `0x${value.toString(16).toUpperCase().padStart(8, '0')}`;
  }
  return trimmed;
}
