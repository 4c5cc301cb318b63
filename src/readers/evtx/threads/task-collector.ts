import type { EventRow } from '../../../model/event-row.js';
import {
  chunkedOutput,
  recordOutput,
  type OutputItem,
  type OutputMode,
} from '../render/record-output.js';
import { RowColumnsWriter, type RowColumns } from './row-columns.js';
import type { EvtxProblem, ScanHandlers } from '../binary/scan-evtx.js';

/** Text is gathered into chunks of about this many bytes (characters for JSON). */
export const textChunkSize = 1 << 18;

/** What one task (a range of blocks) gave: items and problems, in file order. */
export interface TaskOutput {
  start: number;
  items: OutputItem[];
  /** Problems interleaved with items: each precedes item number `before`. */
  problems: { before: number; problem: EvtxProblem }[];
}

/**
 * Scan handlers that collect a task's output for `mode` (text in chunks, see `chunkedOutput`),
 * and `take` to end the task and get it. Used by worker threads and by the thread that hands
 * them work, which decodes tasks too.
 */
export function taskCollector(mode: OutputMode): {
  handlers: ScanHandlers;
  take(start: number): TaskOutput;
} {
  let items: OutputItem[] = [];
  let problems: TaskOutput['problems'] = [];
  const records = chunkedOutput(mode, (item) => items.push(item), textChunkSize);
  return {
    handlers: {
      onRecord: records.onRecord,
      onProblem(problem) {
        records.flush(); // the text before the problem becomes an item of its own
        problems.push({ before: items.length, problem });
      },
    },
    take(start) {
      records.flush();
      const output = { start, items, problems };
      items = [];
      problems = [];
      return output;
    },
  };
}

/**
 * Like `taskCollector('rows')`, but each row goes into columns as it is built (a worker sends
 * rows by column), so a task's rows are not kept as objects until it ends.
 */
export function rowColumnsCollector(): {
  handlers: ScanHandlers;
  take(start: number): Omit<TaskOutput, 'items'> & { items: RowColumns };
} {
  const writer = new RowColumnsWriter();
  let problems: TaskOutput['problems'] = [];
  return {
    handlers: {
      onRecord: recordOutput('rows', (row) => writer.add(row as EventRow)),
      onProblem(problem) {
        problems.push({ before: writer.count, problem });
      },
    },
    take(start) {
      const output = { start, items: writer.finish(), problems };
      problems = [];
      return output;
    },
  };
}
