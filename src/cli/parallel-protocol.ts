// What the main thread and the lint workers exchange (plain, cloneable data).
import type { MessagePort } from 'node:worker_threads';
import type { WindowResult } from '../core/stream.js';

/** Index, in the shared counters, of the number of jobs a worker has finished. */
export const DONE = 0;
/** Index of the worker's state: STARTING until it can take jobs, then READY, GONE once it stops. */
export const STATE = 1;
export const STARTING = 0;
export const READY = 1;
export const GONE = 2;
/** Number of shared counters. */
export const COUNTERS = 2;

export interface WorkerSetup {
  /** Label of the input, as findings name it. */
  file: string;
  /** Ids of the rules to run, and the target specs and settings the main thread was given. */
  rules: string[];
  targets: string[];
  settings: Record<string, string>;
  /** The Pod Security level selected for the run. */
  pss?: 'baseline' | 'restricted';
  /** Where jobs arrive and replies go. */
  port: MessagePort;
  /** Int32 counters shared with the main thread (DONE, STATE). */
  counters: SharedArrayBuffer;
}

export type JobReply = { id: number; result: WindowResult } | { id: number; error: string };
