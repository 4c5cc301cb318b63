import { civilFields, filetimeParts } from '../binary/format-time.js';
import { formatValue, u16, u32 } from '../binary/format-value.js';
import { utf16Length } from '../binary/utf16.js';
import { valueType } from '../binary/value-types.js';
import type { ByteWriter } from './xml-bytes.js';

/**
 * Substitution values written as XML text straight into a ByteWriter: the same text as
 * `formatValue` (format-value.ts) gives, escaped, but without a string in between for the
 * types every record has. Rare types and short (damaged) values go through `formatValue`.
 */

const trueBytes = [0x74, 0x72, 0x75, 0x65];
const falseBytes = [0x66, 0x61, 0x6c, 0x73, 0x65];

/** `0x` + lower-case hex without padding (HexInt32/64, SizeT). */
function writeHex64(out: ByteWriter, low: number, high: number): void {
  out.reserve(2);
  out.bytes[out.pos++] = 0x30;
  out.bytes[out.pos++] = 0x78;
  if (high === 0) out.hex32(low, 1);
  else {
    out.hex32(high, 1);
    out.hex32(low, 8);
  }
}

/** Byte order of a GUID's text: the first three fields are little-endian. */
const guidOrder = [3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15];

/** `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`, upper case (as `formatGuid`). */
function writeGuid(out: ByteWriter, b: Uint8Array, o: number): void {
  out.reserve(38);
  out.bytes[out.pos++] = 0x7b;
  for (const i of guidOrder) {
    if (i < 0) out.bytes[out.pos++] = 0x2d;
    else out.hexBytes(b, o + i, o + i + 1);
  }
  out.bytes[out.pos++] = 0x7d;
}

const time = [0, 0, 0, 0, 0, 0];
const filetime = [0, 0];
/** Separators of `YYYY-MM-DDThh:mm:ss.fffffffZ` after each field. */
const timeSeparators = [0x2d, 0x2d, 0x54, 0x3a, 0x3a, 0x2e];

/** FILETIME as `formatFiletime` writes it; false (nothing written) for years past 9999. */
function writeFiletime(out: ByteWriter, low: number, high: number): boolean {
  filetimeParts(low, high, filetime);
  civilFields(filetime[0] as number, time);
  if ((time[0] as number) < 0 || (time[0] as number) > 9999) return false;
  for (let i = 0; i < 6; i++) {
    out.padded(time[i] as number, i === 0 ? 4 : 2);
    out.byte(timeSeparators[i] as number);
  }
  out.padded(filetime[1] as number, 7);
  out.byte(0x5a);
  return true;
}

/**
 * Writes the text of one scalar value (`type` without the array flag, not BinXML) of `size`
 * bytes at `o`, escaped. Writes nothing for an empty text.
 */
export function writeValue(
  out: ByteWriter,
  b: Uint8Array,
  o: number,
  size: number,
  type: number,
): void {
  switch (type) {
    case valueType.null:
      return;
    case valueType.string:
      out.escapedUtf16(b, o, utf16Length(b, o, size >>> 1));
      return;
    case valueType.ansiString:
      out.escapedAnsi(b, o, size);
      return;
    case valueType.uint8:
      if (size >= 1) out.integer(b[o] as number);
      return;
    case valueType.int16:
      if (size >= 2) return out.integer((u16(b, o) << 16) >> 16);
      break;
    case valueType.uint16:
      if (size >= 2) return out.integer(u16(b, o));
      break;
    case valueType.int32:
      if (size >= 4) return out.integer(u32(b, o) | 0);
      break;
    case valueType.uint32:
      if (size >= 4) return out.integer(u32(b, o));
      break;
    case valueType.uint64:
      if (size >= 8 && u32(b, o + 4) < 0x200000)
        return out.integer(u32(b, o + 4) * 4294967296 + u32(b, o));
      break;
    case valueType.bool: {
      let set = false;
      for (let i = 0; i < size && !set; i++) set = b[o + i] !== 0;
      out.reserve(5);
      for (const c of set ? trueBytes : falseBytes) out.bytes[out.pos++] = c;
      return;
    }
    case valueType.guid:
      if (size >= 16) return writeGuid(out, b, o);
      break;
    case valueType.sizeT:
    case valueType.hexInt32:
    case valueType.hexInt64:
      if (size >= 8) return writeHex64(out, u32(b, o), u32(b, o + 4));
      if (size >= 4) return writeHex64(out, u32(b, o), 0);
      break;
    case valueType.filetime:
      if (size >= 8 && writeFiletime(out, u32(b, o), u32(b, o + 4))) return;
      break;
    case valueType.binary:
      out.hexBytes(b, o, o + size);
      return;
  }
  out.escapedString(formatValue(b, o, size, type));
}
