import type { ClusterLogLine } from '../../model/cluster-log-line.js';
import type { ConfigRow } from '../../model/config-row.js';
import { shortNodeName } from '../../model/node-name.js';
import type { ReadWarning } from '../reader.js';
import { ClusterLogHeader, sectionName } from './cluster-log-header.js';
import { headerConfigRows } from './header-config-rows.js';
import { parseLogLine, type ParsedLogLine } from './parse-log-line.js';
import {
  decideTimeBasis,
  resolveUtcTime,
  type ClusterLogTimeOption,
  type FileTimeBasis,
} from './time-basis.js';

export interface ClusterLogParserOptions {
  /**
   * The node the caller already knows for the file, used when the header does not name one;
   * ingest passes null and decides the node of a header-less log after reading (see
   * readers/attribute-node.ts), from its file name, folders or `--node-map`.
   */
  fileNode: string | null;
  timeOption?: ClusterLogTimeOption;
  record(line: ClusterLogLine): void;
  configRow(row: ConfigRow): void;
  warning(warning: ReadWarning): void;
}

/** What the parser learned about a file, for the ingest summary. */
export interface ClusterLogFileFacts {
  node: string;
  timeBasis: FileTimeBasis;
  hasHeader: boolean;
  buildNumber: string | null;
  records: number;
  continuationLines: number;
}

const maxMessageLength = 64 * 1024;
const maxListedLines = 5;

/**
 * Turns the lines of one cluster log, in order, into records, configuration rows and
 * warnings. Holds one pending record (continuation lines are appended to it) and the small
 * 2016+ header tables, nothing else. Lines that do not follow the grammar are appended to the
 * record before them and counted; a multi-line message written as repeated lines (same
 * PID.TID, time and level, no component, indented or starting with `<`) is joined too.
 */
export class ClusterLogParser {
  private readonly header = new ClusterLogHeader();
  private hasHeader = false;
  private firstLine = true;
  private inLogSection = true;
  private started = false;
  private node = '';
  private basis: FileTimeBasis = { basis: 'unknown', offsetMinutes: null };
  private pending: ClusterLogLine | null = null;
  private pendingParsed: ParsedLogLine | null = null;
  private records = 0;
  private continuationLines: number[] = [];
  private continuationCount = 0;
  private orphanLines: number[] = [];
  private orphanCount = 0;
  private truncated = 0;
  /** Whether a record was read since the last section start. */
  private recordsInSection = false;

  constructor(private readonly options: ClusterLogParserOptions) {}

  pushLine(text: string, number: number): void {
    if (this.firstLine) {
      this.firstLine = false;
      if (text.startsWith('[=== Cluster')) {
        this.hasHeader = true;
        this.inLogSection = false;
      }
    }
    if (this.hasHeader && text.startsWith('[===')) {
      const name = sectionName(text);
      if (name !== null) {
        this.flush();
        this.header.enterSection(name);
        this.inLogSection = isLogSection(name);
        this.recordsInSection = false;
        if (this.inLogSection) this.start();
        return;
      }
    }
    // A zero-filled block (a crash, a half-written copy) runs into the next line's start.
    const parsed = parseLogLine(text.charCodeAt(0) === 0 ? text.replace(/^\0+/, '') : text);
    if (parsed !== null) {
      this.start();
      if (this.isContinuation(parsed)) {
        this.append(parsed.message);
        return;
      }
      this.flush();
      this.recordsInSection = true;
      this.pendingParsed = parsed;
      this.pending = this.toRecord(parsed, number);
      return;
    }
    // Header text, unless records began in this section: a log whose header has no "Cluster
    // Logs" section has its records in the last header section.
    if (!this.inLogSection && !this.recordsInSection) {
      this.header.addLine(text);
      return;
    }
    if (text.trim().length === 0) return;
    if (this.pending !== null) {
      this.continuationCount++;
      if (this.continuationLines.length < maxListedLines) this.continuationLines.push(number);
      this.append(text);
    } else {
      this.orphanCount++;
      if (this.orphanLines.length < maxListedLines) this.orphanLines.push(number);
    }
  }

  /** Emits the last record and the summary warnings; returns what was learned. */
  finish(): ClusterLogFileFacts {
    this.flush();
    this.start();
    const { warning } = this.options;
    if (this.continuationCount > 0) {
      warning({
        location: `line ${this.continuationLines.join(', ')}`,
        message: `${this.continuationCount} line(s) did not follow the cluster log grammar and were appended to the record before them`,
      });
    }
    if (this.orphanCount > 0) {
      warning({
        location: `line ${this.orphanLines.join(', ')}`,
        message: `${this.orphanCount} line(s) before the first record did not follow the cluster log grammar and were skipped`,
      });
    }
    if (this.truncated > 0) {
      warning({
        location: 'file',
        message: `${this.truncated} message(s) longer than ${maxMessageLength} characters were cut`,
      });
    }
    if (this.header.droppedRows > 0) {
      warning({
        location: 'header',
        message: `${this.header.droppedRows} header table row(s) beyond the row cap were skipped`,
      });
    }
    return {
      node: this.node,
      timeBasis: this.basis,
      hasHeader: this.hasHeader,
      buildNumber: this.header.buildNumber,
      records: this.records,
      continuationLines: this.continuationCount,
    };
  }

  /** Fixes node and time basis (the header, if any, has been read) and emits header tables. */
  private start(): void {
    if (this.started) return;
    this.started = true;
    const fileNode = this.options.fileNode;
    const headerNode =
      this.header.currentNode !== null ? shortNodeName(this.header.currentNode) : null;
    if (
      headerNode !== null &&
      fileNode !== null &&
      headerNode.toLowerCase() !== fileNode.toLowerCase()
    ) {
      this.options.warning({
        location: 'header',
        message: `the file name names node ${fileNode} but the header says ${headerNode}; using ${headerNode}`,
      });
    }
    this.node = headerNode ?? fileNode ?? '';
    this.basis = decideTimeBasis(this.options.timeOption, this.hasHeader ? this.header.time : null);
    for (const row of headerConfigRows(this.header.tables)) {
      this.options.configRow(row);
    }
  }

  private isContinuation(parsed: ParsedLogLine): boolean {
    const prev = this.pendingParsed;
    return (
      prev !== null &&
      parsed.component === null &&
      /^[\s<]/.test(parsed.message) &&
      parsed.rawTime === prev.rawTime &&
      parsed.pid === prev.pid &&
      parsed.tid === prev.tid &&
      parsed.level === prev.level &&
      parsed.channel === prev.channel
    );
  }

  private append(text: string): void {
    const record = this.pending;
    if (record === null) return;
    if (record.message.length + text.length + 1 > maxMessageLength) {
      if (record.message.length < maxMessageLength) this.truncated++;
      record.message = `${record.message}\n${text}`.slice(0, maxMessageLength);
      return;
    }
    record.message = `${record.message}\n${text}`;
  }

  private toRecord(parsed: ParsedLogLine, line: number): ClusterLogLine {
    const offset = this.basis.offsetMinutes;
    return {
      time: offset === null ? null : resolveUtcTime(parsed.fields, offset, parsed.rawTime),
      rawTime: parsed.rawTime,
      timeBasis: this.basis.basis,
      offsetMinutes: offset,
      node: this.node,
      channel: parsed.channel,
      pid: parsed.pid,
      tid: parsed.tid,
      level: parsed.level,
      component: parsed.component,
      message:
        parsed.message.length > maxMessageLength
          ? parsed.message.slice(0, maxMessageLength)
          : parsed.message,
      line,
    };
  }

  private flush(): void {
    if (this.pending === null) return;
    this.options.record(this.pending);
    this.records++;
    this.pending = null;
    this.pendingParsed = null;
  }
}

/** Sections holding log records rather than state tables. */
function isLogSection(name: string): boolean {
  return name === 'Cluster Logs' || / logs$/i.test(name) || /DiagnosticVerbose/i.test(name);
}
