import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ParquetColumn } from '../parquet-columns.js';
import { ParquetFile } from './parquet-file.js';

/** Limits that keep a dataset's memory bounded whatever its size. */
export interface DatasetLimits {
  /** A partition's buffered rows become a row group at this many bytes of values… */
  rowGroupBytes: number;
  /** …or at this many rows. */
  rowGroupRows: number;
  /** All partitions' buffered values together; past it the largest buffer is written. */
  bufferedBytes: number;
  /** Files open at once; past it the least recently written is finished. */
  openFiles: number;
}

export const defaultDatasetLimits: DatasetLimits = {
  // Small groups: the writer turns every text value of a group into a byte array at once.
  rowGroupBytes: 4 * 1024 * 1024,
  rowGroupRows: 16 * 1024,
  bufferedBytes: 16 * 1024 * 1024,
  openFiles: 32,
};

/** A partition's folder, open file and column buffers. */
export interface Partition {
  dir: string;
  file: ParquetFile | null;
  /** Files written (or being written) in the partition folder. */
  parts: number;
  buffers: unknown[][];
  rows: number;
  bytes: number;
}

/** What a dataset writer wrote. */
export interface DatasetResult {
  rows: number;
  files: string[];
}

/**
 * Writes one dataset of one case as Parquet files under `root`, one folder per partition
 * (`node=HV01/day=2016-09-14`, or `root` itself for the empty partition): rows are buffered
 * per partition and written as row groups of bounded size; files are `part-NNNNN.parquet`.
 */
export class ParquetDatasetWriter {
  private readonly partitions = new Map<string, Partition>();
  private buffered = 0;
  private openFiles: Partition[] = [];
  private readonly result: DatasetResult = { rows: 0, files: [] };

  constructor(
    private readonly root: string,
    private readonly columns: readonly ParquetColumn[],
    private readonly createdBy: string,
    private readonly limits: DatasetLimits = defaultDatasetLimits,
  ) {}

  /**
   * The column buffers of a partition, for the caller to push one value to each; then call
   * `added` with the row's size estimate.
   */
  buffersOf(partitionPath: string): Partition {
    let partition = this.partitions.get(partitionPath);
    if (partition === undefined) {
      partition = {
        dir: partitionPath === '' ? this.root : join(this.root, partitionPath),
        file: null,
        parts: 0,
        buffers: this.columns.map(() => []),
        rows: 0,
        bytes: 0,
      };
      this.partitions.set(partitionPath, partition);
    }
    return partition;
  }

  /** Counts a row pushed into a partition's buffers; writes a row group when it is full. */
  added(partition: Partition, bytes: number): void {
    partition.rows++;
    partition.bytes += bytes;
    this.buffered += bytes;
    this.result.rows++;
    if (partition.bytes >= this.limits.rowGroupBytes || partition.rows >= this.limits.rowGroupRows)
      this.flush(partition);
    else if (this.buffered > this.limits.bufferedBytes) this.flushLargest();
  }

  /**
   * Makes sure the partition has a file even without rows: an empty dataset is still one file
   * with its schema, so engines can read a folder of cases where some have no rows.
   */
  addEmpty(partitionPath: string): void {
    const dir = partitionPath === '' ? this.root : join(this.root, partitionPath);
    const partition: Partition = { dir, file: null, parts: 0, buffers: [], rows: 0, bytes: 0 };
    this.open(partition);
    this.finish(partition);
  }

  /** Writes every buffered row and finishes every file. */
  close(): DatasetResult {
    for (const partition of this.partitions.values()) {
      this.flush(partition);
      this.finish(partition);
    }
    this.partitions.clear();
    return this.result;
  }

  private flushLargest(): void {
    let largest: Partition | null = null;
    for (const p of this.partitions.values()) if (!largest || p.bytes > largest.bytes) largest = p;
    if (largest) this.flush(largest);
  }

  private flush(partition: Partition): void {
    if (partition.rows === 0) return;
    const file = partition.file ?? this.open(partition);
    file.writeRowGroup(partition.buffers);
    partition.buffers = this.columns.map(() => []);
    this.buffered -= partition.bytes;
    partition.rows = 0;
    partition.bytes = 0;
    this.openFiles = [...this.openFiles.filter((p) => p !== partition), partition];
  }

  private open(partition: Partition): ParquetFile {
    if (this.openFiles.length >= this.limits.openFiles) {
      const oldest = this.openFiles.shift();
      if (oldest) this.finish(oldest);
    }
    mkdirSync(partition.dir, { recursive: true });
    const name = `part-${String(partition.parts).padStart(5, '0')}.parquet`;
    const path = join(partition.dir, name);
    partition.parts++;
    partition.file = new ParquetFile(path, this.columns, this.createdBy);
    this.result.files.push(path);
    return partition.file;
  }

  private finish(partition: Partition): void {
    partition.file?.close();
    partition.file = null;
    this.openFiles = this.openFiles.filter((p) => p !== partition);
  }
}
