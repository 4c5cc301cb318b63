import { formatFiletime, formatSystemtime } from './format-time.js';
import { decodeAnsi, decodeUtf16, utf16Length } from './utf16.js';
import { fixedItemSize, valueType } from './value-types.js';

/**
 * Substitution values → text, in the forms of evtx-format.md §2 (Windows' own where known).
 * All functions are pure, read only `bytes[offset, offset + size)` and never throw: a value
 * too short for its type is printed as hex.
 */

const hexUpper = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).toUpperCase().padStart(2, '0'),
);

/** Little-endian u16 / u32 at `o`. Pure. */
export function u16(b: Uint8Array, o: number): number {
  return (b[o] as number) | ((b[o + 1] as number) << 8);
}
export function u32(b: Uint8Array, o: number): number {
  return (
    ((b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16)) +
    (b[o + 3] as number) * 0x1000000
  );
}

/** Upper-case hex of the bytes, no separators (Binary values). */
export function formatBinary(b: Uint8Array, offset: number, size: number): string {
  let text = '';
  for (let i = offset, end = offset + size; i < end; i++) text += hexUpper[b[i] as number];
  return text;
}

/**
 * Texts of recently formatted GUIDs, direct-mapped by a hash of their bytes: a log repeats a
 * few provider GUIDs in every record, and building the text costs more than comparing bytes.
 */
const guidSlots = 256;
const guidBytes = new Uint8Array(guidSlots * 16);
const guidTexts: string[] = new Array<string>(guidSlots).fill('');

/** `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`: first three fields little-endian. */
export function formatGuid(b: Uint8Array, o: number): string {
  const slot =
    ((b[o] as number) ^
      ((b[o + 5] as number) << 1) ^
      (b[o + 9] as number) ^
      (b[o + 15] as number)) &
    (guidSlots - 1);
  const base = slot * 16;
  const known = guidTexts[slot] as string;
  if (known !== '') {
    let i = 0;
    while (i < 16 && guidBytes[base + i] === b[o + i]) i++;
    if (i === 16) return known;
  }
  const h = (i: number) => hexUpper[b[o + i] as number] as string;
  const text = `{${h(3)}${h(2)}${h(1)}${h(0)}-${h(5)}${h(4)}-${h(7)}${h(6)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}}`;
  for (let i = 0; i < 16; i++) guidBytes[base + i] = b[o + i] as number;
  guidTexts[slot] = text;
  return text;
}

/** Byte length of the SID at `o` (8 + 4 × sub-authority count). */
export function sidSize(b: Uint8Array, o: number): number {
  return 8 + 4 * (b[o + 1] as number);
}

/** `S-R-A-S1-S2…`; a truncated SID prints the sub-authorities that are there. */
export function formatSid(b: Uint8Array, o: number, size: number): string {
  if (size < 8) return formatBinary(b, o, size);
  let authority = 0;
  for (let i = 2; i < 8; i++) authority = authority * 256 + (b[o + i] as number);
  let text = `S-${b[o] as number}-${authority}`;
  const count = Math.min(b[o + 1] as number, Math.floor((size - 8) / 4));
  for (let i = 0; i < count; i++) text += `-${u32(b, o + 8 + 4 * i)}`;
  return text;
}

/** Unsigned 64-bit decimal from two halves, exact. */
function formatUint64(low: number, high: number): string {
  if (high < 0x200000) return String(high * 4294967296 + low);
  return ((BigInt(high) << 32n) | BigInt(low)).toString();
}

function formatInt64(low: number, high: number): string {
  if (high < 0x80000000) return formatUint64(low, high);
  return (((BigInt(high) << 32n) | BigInt(low)) - (1n << 64n)).toString();
}

/** Recently formatted hex values (Keywords repeat from record to record), direct-mapped. */
const hexSlots = 64;
const hexLows = new Uint32Array(hexSlots);
const hexHighs = new Uint32Array(hexSlots);
const hexTexts: string[] = new Array<string>(hexSlots).fill('');

/** `0x` + lower-case hex without padding (HexInt32/64, SizeT). */
function formatHex64(low: number, high: number): string {
  const slot = (low ^ high ^ (high >>> 20) ^ (low >>> 12)) & (hexSlots - 1);
  const known = hexTexts[slot] as string;
  if (known !== '' && hexLows[slot] === low && hexHighs[slot] === high) return known;
  const text =
    high === 0
      ? `0x${low.toString(16)}`
      : `0x${high.toString(16)}${low.toString(16).padStart(8, '0')}`;
  hexLows[slot] = low;
  hexHighs[slot] = high;
  hexTexts[slot] = text;
  return text;
}

/** Shortest decimal that reads back as the same 32-bit float. */
function formatReal32(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  for (let digits = 1; digits <= 9; digits++) {
    const text = value.toPrecision(digits);
    if (Math.fround(Number(text)) === value) return String(Number(text));
  }
  return String(value);
}

const floatView = new DataView(new ArrayBuffer(8));
function readFloat(b: Uint8Array, o: number, size: 4 | 8): number {
  for (let i = 0; i < size; i++) floatView.setUint8(i, b[o + i] as number);
  return size === 4 ? floatView.getFloat32(0, true) : floatView.getFloat64(0, true);
}

/**
 * The safe integer that `formatValue`'s text of an integer value reads back as (decimal, the
 * XML reader's `toInt`); undefined for other types, values too short for their type and 64-bit
 * values beyond 2^53 (their text is the way to go). Pure.
 */
export function integerValue(
  b: Uint8Array,
  o: number,
  size: number,
  type: number,
): number | undefined {
  switch (type) {
    case valueType.int8:
      return size >= 1 ? ((b[o] as number) << 24) >> 24 : undefined;
    case valueType.uint8:
      return size >= 1 ? (b[o] as number) : undefined;
    case valueType.int16:
      return size >= 2 ? (u16(b, o) << 16) >> 16 : undefined;
    case valueType.uint16:
      return size >= 2 ? u16(b, o) : undefined;
    case valueType.int32:
      return size >= 4 ? u32(b, o) | 0 : undefined;
    case valueType.uint32:
      return size >= 4 ? u32(b, o) : undefined;
    case valueType.uint64: {
      if (size < 8) return undefined;
      const high = u32(b, o + 4);
      return high < 0x200000 ? high * 4294967296 + u32(b, o) : undefined;
    }
    default:
      return undefined;
  }
}

/** Text of one scalar value of `type` (array flag cleared) held in `size` bytes. */
export function formatValue(b: Uint8Array, o: number, size: number, type: number): string {
  switch (type) {
    case valueType.null:
      return '';
    case valueType.string:
      return decodeUtf16(b, o, utf16Length(b, o, size >>> 1));
    case valueType.ansiString:
      return decodeAnsi(b, o, size);
    case valueType.int8:
      return size >= 1 ? String(((b[o] as number) << 24) >> 24) : '';
    case valueType.uint8:
      return size >= 1 ? String(b[o] as number) : '';
    case valueType.int16:
      return size >= 2 ? String((u16(b, o) << 16) >> 16) : formatBinary(b, o, size);
    case valueType.uint16:
      return size >= 2 ? String(u16(b, o)) : formatBinary(b, o, size);
    case valueType.int32:
      return size >= 4 ? String(u32(b, o) | 0) : formatBinary(b, o, size);
    case valueType.uint32:
      return size >= 4 ? String(u32(b, o)) : formatBinary(b, o, size);
    case valueType.int64:
      return size >= 8 ? formatInt64(u32(b, o), u32(b, o + 4)) : formatBinary(b, o, size);
    case valueType.uint64:
      return size >= 8 ? formatUint64(u32(b, o), u32(b, o + 4)) : formatBinary(b, o, size);
    case valueType.real32:
      return size >= 4 ? formatReal32(readFloat(b, o, 4)) : formatBinary(b, o, size);
    case valueType.real64:
      return size >= 8 ? String(readFloat(b, o, 8)) : formatBinary(b, o, size);
    case valueType.bool: {
      for (let i = 0; i < size; i++) if (b[o + i] !== 0) return 'true';
      return 'false';
    }
    case valueType.guid:
      return size >= 16 ? formatGuid(b, o) : formatBinary(b, o, size);
    case valueType.sizeT:
    case valueType.hexInt32:
    case valueType.hexInt64:
      if (size >= 8) return formatHex64(u32(b, o), u32(b, o + 4));
      return size >= 4 ? formatHex64(u32(b, o), 0) : formatBinary(b, o, size);
    case valueType.filetime:
      return size >= 8 ? formatFiletime(u32(b, o), u32(b, o + 4)) : formatBinary(b, o, size);
    case valueType.systemtime:
      return size >= 16
        ? formatSystemtime(
            u16(b, o),
            u16(b, o + 2),
            u16(b, o + 6),
            u16(b, o + 8),
            u16(b, o + 10),
            u16(b, o + 12),
            u16(b, o + 14),
          )
        : formatBinary(b, o, size);
    case valueType.sid:
      return formatSid(b, o, size);
    default:
      // Binary (0x0e) and the types no log is known to use (EvtHandle, EvtXml, unknown).
      return formatBinary(b, o, size);
  }
}

/**
 * Items of an array value (`type` with the array flag): NUL-terminated strings for string
 * arrays, SIDs by their own length, fixed-size items otherwise. Pure.
 */
export function formatArrayItems(b: Uint8Array, o: number, size: number, type: number): string[] {
  const itemType = type & ~valueType.arrayFlag;
  const items: string[] = [];
  const end = o + size;
  if (itemType === valueType.string) {
    let start = o;
    for (let i = o; i + 1 < end; i += 2) {
      if (b[i] === 0 && b[i + 1] === 0) {
        items.push(decodeUtf16(b, start, (i - start) >>> 1));
        start = i + 2;
      }
    }
    if (start + 1 < end) items.push(decodeUtf16(b, start, (end - start) >>> 1));
    return items;
  }
  if (itemType === valueType.ansiString) {
    let start = o;
    for (let i = o; i < end; i++) {
      if (b[i] === 0) {
        items.push(decodeAnsi(b, start, i - start));
        start = i + 1;
      }
    }
    if (start < end) items.push(decodeAnsi(b, start, end - start));
    return items;
  }
  if (itemType === valueType.sid) {
    for (let at = o; at + 8 <= end;) {
      const length = Math.min(sidSize(b, at), end - at);
      items.push(formatSid(b, at, length));
      at += length;
    }
    return items;
  }
  let itemSize = fixedItemSize(itemType);
  if (itemType === valueType.sizeT) itemSize = size % 8 === 0 ? 8 : 4;
  if (itemSize === 0) return size > 0 ? [formatValue(b, o, size, itemType)] : [];
  for (let at = o; at + itemSize <= end; at += itemSize)
    items.push(formatValue(b, at, itemSize, itemType));
  return items;
}
