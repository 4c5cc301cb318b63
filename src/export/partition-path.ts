/** Hive's name for a partition whose value is null or empty. */
export const hiveDefaultPartition = '__HIVE_DEFAULT_PARTITION__';

/** Characters Hive escapes in a partition value (FileUtils.escapePathName), besides controls. */
const escaped = new Set([...'"#%\'*/:=?\\{[]^']);

/**
 * A partition value as a folder name the way Hive writes it (`%2F` for `/`, …), so Spark,
 * Trino and DuckDB read the value back; null or empty → `__HIVE_DEFAULT_PARTITION__`. Pure.
 */
export function hivePartitionValue(value: string | null): string {
  if (value === null || value === '') return hiveDefaultPartition;
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    out +=
      code < 0x20 || code === 0x7f || escaped.has(ch)
        ? `%${code.toString(16).toUpperCase().padStart(2, '0')}`
        : ch;
  }
  return out;
}

/** `node=HV01/day=2016-09-14` for a node and a UTC day (either may be null). Pure. */
export function nodeDayPartition(node: string | null, day: string | null): string {
  return `node=${hivePartitionValue(node)}/day=${hivePartitionValue(day)}`;
}

/** `case=…`, the folder of one case inside a dataset. Pure. */
export function casePartition(caseId: string): string {
  return `case=${hivePartitionValue(caseId)}`;
}
