// Lint workers for large inputs: the main thread reads and splits the stream and hands whole windows
// of documents to idle workers, linting the others itself. Results are merged by the caller; they are
// those of one thread (findings are sorted by position, and a document is linted by one thread only).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { LintOptions } from '../core/engine.js';
import type { WindowJob, WindowResult } from '../core/stream.js';
import { COUNTERS, DONE, GONE, type JobReply, STARTING, STATE, type WorkerSetup } from './parallel-protocol.js';

/** Jobs queued at a worker before the main thread lints the next window itself. */
const MAX_PENDING = 2;
/** A worker that finishes nothing for this long is given up (its input is then linted again, in one thread). */
const STALL_MS = 30_000;
/** A worker not ready after this long is given up too (it could not load). */
const START_MS = 10_000;
const MAX_WORKERS = 7;

/** Input each thread should have to itself at least: a worker must first load and warm up the rules. */
const BYTES_PER_THREAD = 32 * 1024 * 1024;

/**
 * Threads to lint an input of `size` bytes with, the main one included: CAPDOCTOR_THREADS when set (1
 * turns workers off), else one more for every 32 MiB of input, at most one per core. A worker loads
 * and warms up its own copy of the rules, so it pays off only on a large input: on the 2-core machine
 * of docs/benchmarks.md one worker made 16 MiB 20% slower, 49 MiB 7–17% faster, 164 MiB 26% faster.
 */
export function threadCount(size: number): number {
  const set = process.env.CAPDOCTOR_THREADS;
  const wanted =
    set !== undefined && set !== ''
      ? Number(set)
      : Math.min(availableParallelism(), 1 + Math.floor(size / BYTES_PER_THREAD));
  return Number.isInteger(wanted) && wanted > 1 ? Math.min(wanted, MAX_WORKERS + 1) : 1;
}

interface Lane {
  worker: Worker;
  port: MessagePort;
  counters: Int32Array;
  posted: number;
}

export interface WorkerResults {
  results: WindowResult[];
  /** False when a worker failed or a job needs the whole input: the caller lints it again in one thread. */
  ok: boolean;
}

export class LintPool {
  private readonly lanes: Lane[] = [];
  private next = 0;

  /** Undefined when the worker script is not there (running from source rather than the bundle). */
  static start(threads: number, file: string, options: LintOptions, targets: readonly string[]): LintPool | undefined {
    const script = new URL('./lint-worker.js', import.meta.url);
    if (threads < 2 || !existsSync(fileURLToPath(script))) return undefined;
    return new LintPool(threads - 1, script, file, options, targets);
  }

  /** Threads linting, the main one included. */
  get threads(): number {
    return this.count + 1;
  }

  private constructor(
    private readonly count: number,
    script: URL,
    file: string,
    options: LintOptions,
    targets: readonly string[],
  ) {
    for (let i = 0; i < count; i++) {
      const { port1, port2 } = new MessageChannel();
      const counters = new SharedArrayBuffer(4 * COUNTERS);
      const setup: WorkerSetup = {
        file,
        rules: options.rules.map((rule) => rule.meta.id),
        targets: [...targets],
        settings: { ...options.settings },
        ...(options.pss ? { pss: options.pss } : {}),
        port: port2,
        counters,
      };
      const worker = new Worker(script, { workerData: setup, transferList: [port2] });
      // The main thread learns of a failure from the shared counters (it waits without an event loop);
      // the event itself arrives later and must not end the process.
      worker.on('error', () => {});
      worker.unref();
      this.lanes.push({ worker, port: port1, counters: new Int32Array(counters), posted: 0 });
    }
  }

  /** Windows handed to workers so far. */
  get delegated(): number {
    return this.lanes.reduce((sum, lane) => sum + lane.posted, 0);
  }

  /** Posts the job to a worker with room for it; false when all are busy (the caller lints it). */
  offer(job: WindowJob): boolean {
    for (let tried = 0; tried < this.lanes.length; tried++) {
      const lane = this.lanes[this.next] as Lane;
      this.next = (this.next + 1) % this.lanes.length;
      if (lane.posted - Atomics.load(lane.counters, DONE) >= MAX_PENDING) continue;
      lane.port.postMessage({ ...job, id: lane.posted });
      lane.posted++;
      return true;
    }
    return false;
  }

  /** Waits for every posted job, collects the results and stops the workers. */
  finish(): WorkerResults {
    const results: WindowResult[] = [];
    let ok = true;
    for (const lane of this.lanes) {
      let done = Atomics.load(lane.counters, DONE);
      let waited = 0;
      while (ok && done < lane.posted) {
        const state = Atomics.load(lane.counters, STATE);
        if (state === GONE || (state === STARTING && waited >= START_MS) || waited >= STALL_MS) {
          ok = false;
          break;
        }
        if (Atomics.wait(lane.counters, DONE, done, 100) === 'timed-out') waited += 100;
        const now = Atomics.load(lane.counters, DONE);
        if (now !== done) waited = 0;
        done = now;
      }
      for (let message = receiveMessageOnPort(lane.port); message; message = receiveMessageOnPort(lane.port)) {
        const reply = message.message as JobReply;
        if ('error' in reply || !reply.result.ok) ok = false;
        else results.push(reply.result);
      }
    }
    if (results.length !== this.delegated) ok = false;
    this.stop();
    return { results, ok };
  }

  stop(): void {
    for (const lane of this.lanes.splice(0)) {
      lane.port.close();
      void lane.worker.terminate();
    }
  }
}
