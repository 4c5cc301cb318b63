/**
 * Substitution values of the EVTX writer: their BinXML type codes, their byte encoding and the
 * text Windows renders for them (evtx-format.md §1.11 and §2).
 */

/** BinXML value type codes (evtx-format.md §1.11). */
export const valueTypeCode = {
  null: 0x00,
  string: 0x01,
  uint8: 0x04,
  uint16: 0x06,
  int32: 0x07,
  uint32: 0x08,
  uint64: 0x0a,
  binary: 0x0e,
  guid: 0x0f,
  filetime: 0x11,
  sid: 0x13,
  hex32: 0x14,
  hex64: 0x15,
} as const;

export type ValueType = keyof typeof valueTypeCode;

/** One substitution value. `null` renders as nothing (an optional attribute is then dropped). */
export type EvtxValue =
  | { type: 'null' }
  | { type: 'string'; value: string }
  | { type: 'uint8' | 'uint16' | 'int32' | 'uint32' | 'hex32'; value: number }
  | { type: 'uint64' | 'hex64' | 'filetime'; value: bigint }
  | { type: 'guid'; value: string }
  | { type: 'sid'; value: string }
  | { type: 'binary'; value: Uint8Array };

export const nullValue: EvtxValue = { type: 'null' };

/** The bytes of a value as stored after the instance's descriptors. Pure; throws on bad input. */
export function encodeValue(value: EvtxValue): Buffer {
  switch (value.type) {
    case 'null':
      return Buffer.alloc(0);
    case 'string':
      return Buffer.from(value.value, 'utf16le');
    case 'uint8':
      return Buffer.from([value.value & 0xff]);
    case 'uint16': {
      const b = Buffer.alloc(2);
      b.writeUInt16LE(value.value);
      return b;
    }
    case 'int32': {
      const b = Buffer.alloc(4);
      b.writeInt32LE(value.value);
      return b;
    }
    case 'uint32':
    case 'hex32': {
      const b = Buffer.alloc(4);
      b.writeUInt32LE(value.value >>> 0);
      return b;
    }
    case 'uint64':
    case 'hex64':
    case 'filetime': {
      const b = Buffer.alloc(8);
      b.writeBigUInt64LE(value.value);
      return b;
    }
    case 'guid':
      return encodeGuid(value.value);
    case 'sid':
      return encodeSid(value.value);
    case 'binary':
      return Buffer.from(value.value);
  }
}

/** `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` → 16 bytes (first three groups little-endian). */
export function encodeGuid(text: string): Buffer {
  const hex = text.replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a GUID: ${text}`);
  const raw = Buffer.from(hex, 'hex');
  const out = Buffer.alloc(16);
  out.writeUInt32LE(raw.readUInt32BE(0), 0);
  out.writeUInt16LE(raw.readUInt16BE(4), 4);
  out.writeUInt16LE(raw.readUInt16BE(6), 6);
  raw.copy(out, 8, 8, 16);
  return out;
}

/** `S-1-5-21-…` → revision, count, 6-byte big-endian authority, little-endian sub-authorities. */
export function encodeSid(text: string): Buffer {
  const parts = text.split('-');
  if (parts[0] !== 'S' || parts.length < 3) throw new Error(`not a SID: ${text}`);
  const subs = parts.slice(3).map(Number);
  const out = Buffer.alloc(8 + 4 * subs.length);
  out.writeUInt8(Number(parts[1]), 0);
  out.writeUInt8(subs.length, 1);
  out.writeUIntBE(Number(parts[2]), 2, 6);
  subs.forEach((sub, i) => out.writeUInt32LE(sub >>> 0, 8 + 4 * i));
  return out;
}

/** Upper-case `{GUID}` as Windows renders it. */
export function formatGuid(text: string): string {
  return `{${text.replace(/[{}]/g, '').toUpperCase()}}`;
}

/**
 * The text Windows renders for a value (evtx-format.md §2): decimal integers, `0x` + lower-case
 * unpadded hex, upper-case GUIDs in braces, upper-case hex binary. FILETIME values are rendered
 * by the XML writers themselves (wevtutil writes 9 fractional digits). Pure.
 */
export function renderValue(value: EvtxValue): string {
  switch (value.type) {
    case 'null':
      return '';
    case 'string':
    case 'sid':
      return value.value;
    case 'uint8':
    case 'uint16':
    case 'int32':
    case 'uint32':
      return String(value.value);
    case 'hex32':
      return `0x${(value.value >>> 0).toString(16)}`;
    case 'uint64':
      return value.value.toString();
    case 'hex64':
      return `0x${value.value.toString(16)}`;
    case 'filetime':
      return value.value.toString();
    case 'guid':
      return formatGuid(value.value);
    case 'binary':
      return Buffer.from(value.value).toString('hex').toUpperCase();
  }
}
