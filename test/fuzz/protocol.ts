import type { Outcome } from './oracle.js';

/** Messages between the pool (pool.ts) and a fuzz worker process (worker.ts). */
export type ToWorker =
  | { readonly type: 'fuzz'; readonly family: string; readonly runSeed: number; readonly start: number; readonly count: number }
  | { readonly type: 'check'; readonly family: string; readonly seedName: string; readonly target: string; readonly text: string };

export interface Finding {
  readonly family: string;
  readonly index: number;
  readonly seedName: string;
  readonly target: string;
  readonly text: string;
  readonly outcome: Outcome;
}

export type FromWorker =
  /** Sent before each input, so the pool knows what a hung or dead worker was running, and since when. */
  | { readonly type: 'start'; readonly index: number }
  | { readonly type: 'finding'; readonly finding: Finding }
  | { readonly type: 'fuzzed'; readonly count: number; readonly slowestMs: number; readonly slowestIndex: number }
  | { readonly type: 'checked'; readonly outcome: Outcome };

/** The `start` index of a check job. */
export const CHECKING = -2;
