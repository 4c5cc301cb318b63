/** Substitution value types (evtx-format.md §1.11, MS-EVEN6 §2.2.12). */
export const valueType = {
  null: 0x00,
  string: 0x01,
  ansiString: 0x02,
  int8: 0x03,
  uint8: 0x04,
  int16: 0x05,
  uint16: 0x06,
  int32: 0x07,
  uint32: 0x08,
  int64: 0x09,
  uint64: 0x0a,
  real32: 0x0b,
  real64: 0x0c,
  bool: 0x0d,
  binary: 0x0e,
  guid: 0x0f,
  sizeT: 0x10,
  filetime: 0x11,
  systemtime: 0x12,
  sid: 0x13,
  hexInt32: 0x14,
  hexInt64: 0x15,
  evtHandle: 0x20,
  binXml: 0x21,
  evtXml: 0x23,
  arrayFlag: 0x80,
} as const;

/** Size of one item of a fixed-size type (for arrays); 0 for variable-size types. */
export function fixedItemSize(type: number): number {
  switch (type) {
    case valueType.int8:
    case valueType.uint8:
      return 1;
    case valueType.int16:
    case valueType.uint16:
      return 2;
    case valueType.int32:
    case valueType.uint32:
    case valueType.real32:
    case valueType.bool:
    case valueType.hexInt32:
      return 4;
    case valueType.int64:
    case valueType.uint64:
    case valueType.real64:
    case valueType.filetime:
    case valueType.hexInt64:
      return 8;
    case valueType.guid:
    case valueType.systemtime:
      return 16;
    default:
      return 0;
  }
}
