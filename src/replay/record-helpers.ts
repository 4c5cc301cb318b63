import { findErrorCodes, formatErrorCode } from '../catalog/error-codes.js';
import type { ReplayRecord } from './replay-record.js';

/**
 * The error code a record carries, as `0x` and eight hex digits: its errorCode field, else the
 * first code written in its error text or message; null when there is none. Pure.
 */
export function errorCodeOf(record: ReplayRecord): string | null {
  for (const text of [record.fields.errorCode, record.fields.errorText, record.text]) {
    const found = text ? findErrorCodes(text)[0] : undefined;
    if (found) return formatErrorCode(found.code);
  }
  return null;
}
