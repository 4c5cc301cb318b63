import type { FuzzOutcome, FuzzTargetName } from './fuzz-targets.js';

/** One input for the fuzz child. */
export interface ChildRequest {
  id: number;
  target: FuzzTargetName;
  input: Uint8Array;
}

/** The fuzz child's answer about one input (or that it has started). */
export type ChildReply =
  | { id: number; kind: 'ready' }
  | { id: number; kind: 'done'; outcome: FuzzOutcome; rssInBytes: number }
  | {
      id: number;
      kind: 'crash';
      error: { name: string; message: string; stack: string };
      /** True when it escaped as an uncaught exception rather than a rejected read. */
      escaped: boolean;
    };
