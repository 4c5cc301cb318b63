import { closeSync, openSync, writeSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { ByteWriter, ParquetWriter, type ColumnSource } from 'hyparquet-writer';
import type { ParquetColumn } from '../parquet-columns.js';
import { parquetSchema } from '../parquet-columns.js';

/** Bytes gathered before they are written to the file. */
const flushThresholdInBytes = 4 * 1024 * 1024;

/**
 * hyparquet-writer's byte sink on a file descriptor: it grows in memory up to the threshold,
 * then writes what it holds and starts over, so a file never sits in memory whole.
 */
class FileByteWriter extends ByteWriter {
  private readonly fd: number;

  constructor(path: string) {
    super(64 * 1024);
    this.fd = openSync(path, 'w');
  }

  override ensure(size: number): void {
    if (this.index + size > flushThresholdInBytes && this.index > 0) this.flush();
    super.ensure(size);
  }

  flush(): void {
    let written = 0;
    while (written < this.index)
      written += writeSync(this.fd, new Uint8Array(this.buffer, written, this.index - written));
    this.index = 0;
  }

  override finish(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/**
 * Parquet's GZIP codec through Node's zlib (native code), at level 1: it compresses the text
 * of logs about as well as higher levels at a fraction of the time.
 */
function gzip(input: Uint8Array): Uint8Array {
  return gzipSync(input, { level: 1 });
}

/** One Parquet file being written, a row group at a time. */
export class ParquetFile {
  private readonly writer: ParquetWriter;
  rows = 0;

  constructor(
    path: string,
    private readonly columns: readonly ParquetColumn[],
    createdBy: string,
  ) {
    this.writer = new ParquetWriter({
      writer: new FileByteWriter(path),
      schema: parquetSchema(columns),
      codec: 'GZIP',
      compressors: { GZIP: gzip },
      createdBy,
    });
  }

  /** Writes one row group from column arrays of equal length (already converted values). */
  writeRowGroup(values: readonly unknown[][]): void {
    const length = values[0]?.length ?? 0;
    if (length === 0) return;
    const columnData: ColumnSource[] = this.columns.map((column, i) => ({
      name: column.name,
      // hyparquet-writer's DecodedArray admits any[]; the values match the schema element.
      data: values[i] as ColumnSource['data'],
      ...(column.encoding ? { encoding: column.encoding } : {}),
      statistics: !column.freeText,
    }));
    void this.writer.write({ columnData, rowGroupSize: length });
    this.rows += length;
  }

  /** Writes the footer and closes the file. */
  close(): void {
    void this.writer.finish();
  }
}
