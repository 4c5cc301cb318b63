import type { InputFile, Reader, ReadOptions, RecordSink } from '../reader.js';
import { detectEncoding } from '../text/detect-encoding.js';
import { readTextLines } from '../text/read-text-lines.js';
import { ClusterLogParser, type ClusterLogFileFacts } from './cluster-log-parser.js';
import { parseLogLine } from './parse-log-line.js';
import { clusterLogWorkerUrl, readClusterLogInWorker } from './read-in-worker.js';
import type { ClusterLogTimeOption } from './time-basis.js';

const sniffLines = 20;
/** Smaller files are read on the storing thread: a worker would cost more than it saves. */
export const minBytesForWorker = 8 * 1024 * 1024;

/**
 * True when the first bytes look like a cluster log: a 2016+ header (`[=== Cluster`) or a
 * `PID.TID::YYYY/MM/DD-…` line among the first non-empty lines, in any supported encoding.
 * Pure.
 */
export function sniffClusterLog(head: Uint8Array): boolean {
  const { encoding, bomLength } = detectEncoding(head);
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(
    head.subarray(bomLength),
  );
  if (text.startsWith('[=== Cluster')) return true;
  const lines = text.split('\n');
  // The last line of the head may be cut; judge only complete ones when there are several.
  const complete = lines.length > 1 ? lines.slice(0, -1) : lines;
  let looked = 0;
  for (const raw of complete) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim().length === 0) continue;
    if (parseLogLine(line) !== null) return true;
    if (++looked >= sniffLines) break;
  }
  return false;
}

/**
 * Streams one cluster log file into the sink and returns what it learned about the file
 * (node, time basis). Memory stays flat whatever the file size.
 */
export async function readClusterLog(
  file: InputFile,
  sink: RecordSink,
  timeOption?: ClusterLogTimeOption,
): Promise<ClusterLogFileFacts> {
  const parser = new ClusterLogParser({
    // Only the header names the node here; ingest attributes header-less logs afterwards.
    fileNode: null,
    timeOption,
    record: (line) => sink.clusterLogLine(line),
    configRow: (row) => sink.configRow(row),
    warning: (warning) => sink.warning(warning),
  });
  const { lines } = await readTextLines(file.path, {
    onProgress: (bytes) => sink.progress(bytes),
    onLongLine: (number) =>
      sink.warning({ location: `line ${number}`, message: 'line longer than 1 MiB was cut' }),
  });
  for await (const batch of lines) {
    for (const line of batch) parser.pushLine(line.text, line.number);
  }
  return parser.finish();
}

/**
 * The cluster log Reader; honours `ReadOptions.clusterLogTime` (`--cluster-log-time`). With
 * more than one job, a large file is read and parsed on a worker thread while this thread
 * stores the records (same records, same order).
 */
export const clusterLogReader: Reader = {
  kind: 'cluster-log',
  description: 'cluster log (Get-ClusterLog, cluster log /g)',
  sniff: (head) => sniffClusterLog(head),
  async read(file: InputFile, sink: RecordSink, options: ReadOptions): Promise<void> {
    const url = options.jobs > 1 && file.size >= minBytesForWorker ? clusterLogWorkerUrl() : null;
    const here = (): Promise<ClusterLogFileFacts> =>
      readClusterLog(file, sink, options.clusterLogTime);
    if (url !== null) await readClusterLogInWorker(url, file, sink, options.clusterLogTime, here);
    else await here();
  },
};
