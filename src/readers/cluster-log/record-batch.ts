import type { ClusterLogLine, TimeBasis } from '../../model/cluster-log-line.js';

/**
 * Cluster log records packed for a trip between threads: every text value of the batch in one
 * string (cloning one string is a copy; cloning a million small ones is most of the cost),
 * where each value ends in `ends`, and the numbers in `numbers`. Self-contained.
 */
export interface RecordBatch {
  count: number;
  text: string;
  /** Per record, one entry per text field: end offset in `text`, or `absent` / `repeated`. */
  ends: Int32Array;
  /** Per record: pid, tid, line, offset minutes (NaN for a null pid, tid or offset). */
  numbers: Float64Array;
}

const textFields = 8;
const numberFields = 4;
/** The field is null. */
const absent = -1;
/** The field holds the same text as in the record before (node, basis, level mostly). */
const repeated = -2;

/**
 * Collects records into RecordBatches of at most `capacity` records, and fewer when their text
 * reaches `maxTextLength` characters (messages can be 64 Ki characters long).
 */
export class RecordBatchEncoder {
  private pieces: string[] = [];
  private length = 0;
  private ends: Int32Array;
  private numbers: Float64Array;
  private count = 0;
  private readonly previous: (string | null)[] = new Array<string | null>(textFields).fill(null);

  constructor(
    private readonly capacity: number,
    private readonly maxTextLength = 1 << 21,
  ) {
    this.ends = new Int32Array(capacity * textFields);
    this.numbers = new Float64Array(capacity * numberFields);
  }

  get size(): number {
    return this.count;
  }

  get full(): boolean {
    return this.count === this.capacity || this.length >= this.maxTextLength;
  }

  add(line: ClusterLogLine): void {
    const at = this.count * textFields;
    this.text(at, line.time);
    this.text(at + 1, line.rawTime);
    this.text(at + 2, line.timeBasis);
    this.text(at + 3, line.node);
    this.text(at + 4, line.channel);
    this.text(at + 5, line.level);
    this.text(at + 6, line.component);
    this.text(at + 7, line.message);
    const n = this.count * numberFields;
    this.numbers[n] = line.pid ?? NaN;
    this.numbers[n + 1] = line.tid ?? NaN;
    this.numbers[n + 2] = line.line;
    this.numbers[n + 3] = line.offsetMinutes ?? NaN;
    this.count++;
  }

  /** The records added since the last take; the encoder starts a new batch. */
  take(): RecordBatch {
    const batch: RecordBatch = {
      count: this.count,
      text: this.pieces.join(''),
      ends: this.ends.slice(0, this.count * textFields),
      numbers: this.numbers.slice(0, this.count * numberFields),
    };
    this.pieces = [];
    this.length = 0;
    this.count = 0;
    this.previous.fill(null);
    return batch;
  }

  private text(at: number, value: string | null): void {
    const field = at % textFields;
    if (value === null) {
      this.ends[at] = absent;
    } else if (this.count > 0 && value === this.previous[field]) {
      this.ends[at] = repeated;
    } else {
      this.pieces.push(value);
      this.length += value.length;
      this.ends[at] = this.length;
    }
    this.previous[field] = value;
  }
}

/** Calls `each` with every record of a batch, in order, as it was added. */
export function decodeRecordBatch(batch: RecordBatch, each: (line: ClusterLogLine) => void): void {
  const { text, ends, numbers } = batch;
  const values: (string | null)[] = new Array<string | null>(textFields).fill(null);
  let start = 0;
  for (let r = 0; r < batch.count; r++) {
    for (let f = 0; f < textFields; f++) {
      const end = ends[r * textFields + f] ?? absent;
      if (end === repeated) continue;
      if (end === absent) {
        values[f] = null;
      } else {
        values[f] = text.slice(start, end);
        start = end;
      }
    }
    const pid = numbers[r * numberFields] ?? NaN;
    const tid = numbers[r * numberFields + 1] ?? NaN;
    const offset = numbers[r * numberFields + 3] ?? NaN;
    each({
      time: values[0] ?? null,
      rawTime: values[1] ?? '',
      timeBasis: (values[2] ?? 'unknown') as TimeBasis,
      offsetMinutes: Number.isNaN(offset) ? null : offset,
      node: values[3] ?? '',
      channel: values[4] ?? null,
      pid: Number.isNaN(pid) ? null : pid,
      tid: Number.isNaN(tid) ? null : tid,
      level: values[5] ?? null,
      component: values[6] ?? null,
      message: values[7] ?? '',
      line: numbers[r * numberFields + 2] ?? 0,
    });
  }
}
