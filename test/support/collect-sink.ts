import type { ClusterLogLine } from '../../src/model/cluster-log-line.js';
import type { ConfigRow } from '../../src/model/config-row.js';
import type { LogEvent } from '../../src/model/log-event.js';
import type { ReadWarning, RecordSink } from '../../src/readers/reader.js';

/** A RecordSink that keeps everything in arrays, for reader tests. */
export class CollectSink implements RecordSink {
  events: LogEvent[] = [];
  lines: ClusterLogLine[] = [];
  configRows: ConfigRow[] = [];
  warnings: ReadWarning[] = [];
  lastProgress = 0;

  event(event: LogEvent): void {
    this.events.push(event);
  }
  clusterLogLine(line: ClusterLogLine): void {
    this.lines.push(line);
  }
  configRow(row: ConfigRow): void {
    this.configRows.push(row);
  }
  warning(warning: ReadWarning): void {
    this.warnings.push(warning);
  }
  progress(bytesDone: number): void {
    this.lastProgress = bytesDone;
  }
}
