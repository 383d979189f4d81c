// A worker thread that lints windows of a large stream for the main thread (see parallel.ts). It
// resolves the same rules and targets from their names, so what it finds is what the main thread would.
import { type MessagePort, workerData } from 'node:worker_threads';
import type { LintOptions, RuleSetting } from '../core/engine.js';
import { lintWindow, type WindowJob } from '../core/stream.js';
import { resolveTargets } from '../knowledge/targets.js';
import { RULES } from '../rules/index.js';
import { DONE, GONE, type JobReply, READY, STATE, type WorkerSetup } from './parallel-protocol.js';

const setup = workerData as WorkerSetup;
const ids = new Set(setup.rules);
const options: LintOptions = {
  rules: RULES.filter((rule) => ids.has(rule.meta.id)),
  targets: resolveTargets(setup.targets),
  settings: setup.settings as Record<string, RuleSetting>,
  ...(setup.pss ? { pss: setup.pss } : {}),
};
const port: MessagePort = setup.port;
const counters = new Int32Array(setup.counters);
// The main thread waits without an event loop: it learns that this worker stopped from the counters.
process.on('exit', () => {
  Atomics.store(counters, STATE, GONE);
  Atomics.notify(counters, DONE);
});
// A test of the main thread's fallback: the worker stops as if it had crashed.
const crash = process.env.CAPDOCTOR_DEBUG?.split(',').includes('worker-exit') ?? false;

port.on('message', (job: WindowJob & { id: number }) => {
  if (crash) process.exit(1);
  let reply: JobReply;
  try {
    reply = { id: job.id, result: lintWindow(setup.file, job, options) };
  } catch (error) {
    reply = { id: job.id, error: (error as Error).stack ?? String(error) };
  }
  port.postMessage(reply);
  Atomics.add(counters, DONE, 1);
  Atomics.notify(counters, DONE);
});
Atomics.store(counters, STATE, READY);
