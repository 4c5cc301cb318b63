import type { ClusterLogLine } from '../model/cluster-log-line.js';
import type { ConfigRow } from '../model/config-row.js';
import type { EventRow } from '../model/event-row.js';
import type { LogEvent } from '../model/log-event.js';
import type { ClusterLogTimeOption } from './cluster-log/time-basis.js';

/** What a file holds, as recognised by its content. Stored in `sources.kind`. */
export type SourceKind = 'evtx' | 'xml-events' | 'cluster-log' | 'config';

/** A file on disk to be read. */
export interface InputFile {
  /** Path used to open the file. */
  path: string;
  /** Path shown to people and stored in `sources.path` (inside an archive: `bundle.zip!/a/b`). */
  displayPath: string;
  size: number;
}

/** Damage or oddity found while reading; becomes a row of `ingest_errors`. */
export interface ReadWarning {
  /** Where in the file: `byte 1234`, `line 17`, `chunk 3 (offset 0x31000) record 45`. */
  location: string;
  message: string;
}

/**
 * Where a reader pushes what it finds. Calls are synchronous so the consumer (the store's
 * batched inserts) sets the pace; a reader must never buffer a whole file.
 */
export interface RecordSink {
  event(event: LogEvent): void;
  /**
   * When present, a reader may deliver events as store rows instead (`ingestRow` of
   * catalog/catalog-message.ts: the row of the event, message filled from the catalogue), e.g.
   * rows built on worker threads; each event comes through one of the two, never both.
   */
  eventRow?(row: EventRow): void;
  clusterLogLine(line: ClusterLogLine): void;
  configRow(row: ConfigRow): void;
  warning(warning: ReadWarning): void;
  /** Bytes of the file consumed so far (for progress bars); may be called rarely. */
  progress(bytesDone: number): void;
}

export interface ReadOptions {
  /** Worker threads a reader may use; 1 means none. */
  jobs: number;
  /** `--cluster-log-time`: how cluster log timestamps are to be read, when the person said so. */
  clusterLogTime?: ClusterLogTimeOption;
}

/**
 * One input format. `sniff` looks at the first bytes (up to 64 KiB) and the file name and says
 * whether this reader takes the file; `read` streams the whole file into the sink. A reader
 * records damage as warnings and keeps going; it throws only when the file cannot be read at all.
 */
export interface Reader {
  kind: SourceKind;
  /** One line for `--help` and skip messages. */
  description: string;
  sniff(head: Uint8Array, fileName: string): boolean;
  read(file: InputFile, sink: RecordSink, options: ReadOptions): Promise<void>;
  /**
   * Told, before the first file of a run is read, which files this reader will read, so it can
   * start what they need ahead of time (worker threads that boot while files are hashed).
   */
  prepare?(files: readonly InputFile[], options: ReadOptions): void;
  /**
   * Frees what the reader keeps between files (warm worker threads): called once the last
   * file is read, so that the stages after ingest do not carry it.
   */
  release?(): Promise<void>;
}
