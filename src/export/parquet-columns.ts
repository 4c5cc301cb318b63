import type { ColumnSource, SchemaElement } from 'hyparquet-writer';
import type { ExportColumn, StoredKind } from '../store/export-tables.js';
import { utcMicros } from './utc-micros.js';

type Encoding = NonNullable<ColumnSource['encoding']>;

/**
 * One column of an exported Parquet file: its schema element, how a stored value becomes the
 * value written, and whether it gets statistics and dictionary encoding.
 */
export interface ParquetColumn {
  name: string;
  kind: StoredKind;
  element: SchemaElement;
  /** Stored value → written value (null for none); `bad` is called for a value that has no meaning in the kind. */
  convert: (value: unknown, bad: () => void) => unknown;
  /** Free text (messages, JSON): plain encoding and no min/max statistics, which cost more than they give. */
  freeText: boolean;
  encoding?: Encoding;
}

const utf8 = (name: string, required = false): SchemaElement => ({
  name,
  type: 'BYTE_ARRAY',
  converted_type: 'UTF8',
  repetition_type: required ? 'REQUIRED' : 'OPTIONAL',
});

const timestamp = (name: string, isAdjustedToUTC: boolean): SchemaElement => ({
  name,
  type: 'INT64',
  // The converted type says "UTC instant" to older readers; it cannot say "local".
  ...(isAdjustedToUTC ? { converted_type: 'TIMESTAMP_MICROS' as const } : {}),
  logical_type: { type: 'TIMESTAMP', isAdjustedToUTC, unit: 'MICROS' },
  repetition_type: 'OPTIONAL',
});

function asText(value: unknown, bad: () => void): unknown {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  bad();
  return null;
}

function asInteger(value: unknown, bad: () => void, min: number, max: number): number | null {
  if (value === null) return null;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)
    return value;
  bad();
  return null;
}

const int32Range = [-(2 ** 31), 2 ** 31 - 1] as const;

/** How each stored kind is written. */
const kinds: Record<
  StoredKind,
  { element: (name: string) => SchemaElement; convert: ParquetColumn['convert'] }
> = {
  text: { element: (name) => utf8(name), convert: asText },
  json: { element: (name) => utf8(name), convert: asText },
  int32: {
    element: (name) => ({ name, type: 'INT32', repetition_type: 'OPTIONAL' }),
    convert: (v, bad) => asInteger(v, bad, ...int32Range),
  },
  int64: {
    element: (name) => ({ name, type: 'INT64', repetition_type: 'OPTIONAL' }),
    convert: (v, bad) => {
      if (typeof v === 'bigint') return v;
      const n = asInteger(v, bad, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      return n === null ? null : BigInt(n);
    },
  },
  real: {
    element: (name) => ({ name, type: 'DOUBLE', repetition_type: 'OPTIONAL' }),
    convert: (v, bad) => {
      if (v === null || typeof v === 'number') return v;
      bad();
      return null;
    },
  },
  'utc-time': {
    element: (name) => timestamp(name, true),
    convert: (v, bad) => {
      if (v === null) return null;
      const micros = typeof v === 'string' ? utcMicros(v) : null;
      if (micros === null) bad();
      return micros;
    },
  },
  'utc-ms': {
    element: (name) => timestamp(name, true),
    convert: (v, bad) => millisToMicros(v, bad),
  },
  'local-ms': {
    element: (name) => timestamp(name, false),
    convert: (v, bad) => millisToMicros(v, bad),
  },
};

function millisToMicros(value: unknown, bad: () => void): number | null {
  if (value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 1000);
  bad();
  return null;
}

/** Text columns that hold free text rather than names or codes. */
const freeTextNames = new Set([
  'message',
  'summary',
  'remediation',
  'error_text',
  'location',
  'path',
  'raw_time',
]);

/** The Parquet column of a stored column. Pure. */
export function parquetColumn(column: Pick<ExportColumn, 'name' | 'kind'>): ParquetColumn {
  const kind = kinds[column.kind];
  const freeText =
    column.kind === 'json' || (column.kind === 'text' && freeTextNames.has(column.name));
  return {
    name: column.name,
    kind: column.kind,
    element: kind.element(column.name),
    convert: kind.convert,
    freeText,
    ...(freeText ? { encoding: 'PLAIN' as const } : {}),
  };
}

/** The columns every exported row starts with: the case id and the cluster name. */
export const caseColumns: readonly ParquetColumn[] = [
  {
    name: 'case_id',
    kind: 'text',
    element: utf8('case_id', true),
    convert: asText,
    freeText: false,
  },
  parquetColumn({ name: 'cluster', kind: 'text' }),
];

/** The schema of a file holding these columns (the root element first). Pure. */
export function parquetSchema(columns: readonly ParquetColumn[]): SchemaElement[] {
  return [{ name: 'schema', num_children: columns.length }, ...columns.map((c) => c.element)];
}
