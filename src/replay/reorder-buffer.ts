import { byClock, type TimedRecord } from './replay-migrations.js';

/**
 * Restores the common-clock order of records that arrive nearly in order: a binary heap in
 * `byClock` order from which a record is released once nothing still to come can sort before
 * it. Holds only the records of the window the caller vouches for.
 */
export class ReorderBuffer {
  private readonly heap: TimedRecord[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(item: TimedRecord): void {
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (byClock(heap[parent]!, heap[i]!) <= 0) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  /**
   * Releases, in order, every record earlier than `before` (ms on the common clock): the
   * caller guarantees that records still to come are at `before` or later.
   */
  *releaseBefore(before: number): Generator<TimedRecord> {
    while (this.heap.length > 0 && this.heap[0]!.at < before) yield this.pop();
  }

  /** Releases everything, in order. */
  *drain(): Generator<TimedRecord> {
    while (this.heap.length > 0) yield this.pop();
  }

  private pop(): TimedRecord {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && byClock(heap[left]!, heap[smallest]!) < 0) smallest = left;
        if (right < heap.length && byClock(heap[right]!, heap[smallest]!) < 0) smallest = right;
        if (smallest === i) break;
        [heap[smallest], heap[i]] = [heap[i]!, heap[smallest]!];
        i = smallest;
      }
    }
    return top;
  }
}
