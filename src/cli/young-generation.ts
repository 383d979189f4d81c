// How large V8's young generation may grow, for the processes that run long on garbage that dies young:
// a file being streamed (one document at a time) and the admission webhook (one review at a time).
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * Only where it was measured (docs/benchmarks.md, "Young generation on later Node releases"): the V8 of
 * Node 20 (11.3), 22 (12.4), 24 (13.6) and 26 (14.6). A V8 outside those may size its young generation
 * otherwise, and what it makes of the flag is not known here.
 */
export const TUNED_V8 = /^1[1-4]\./.test(process.versions.v8);
/** Young generation (both halves) at which it stops growing. */
const YOUNG_BYTES = 16 * 1024 * 1024;
let settled = !TUNED_V8;

/**
 * Little of what a document or a review allocates outlives it, yet V8 grows the young generation as the
 * first of them survive their first collections (both halves to 32 MiB on Node 20 and 22, 128 on 24, 64
 * on 26, as getHeapSpaceStatistics tells): each collection then copies more, allocation runs beyond the
 * CPU's caches, and a server's memory steps up long after it started. Halves of 8 MiB lint both dense
 * benchmarks faster and in less memory; 4 MiB was faster still where findings share their texts, but
 * slower where they do not (more of each document promoted). The maximum is read only at start-up, the
 * growth factor at each growth: growth is stopped once the young generation reaches that size. True once
 * there is nothing more to do (capped, or not this V8's business): callers stop asking.
 */
export function capYoungGeneration(): boolean {
  if (settled) return true;
  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  if (young !== undefined && young.space_size < YOUNG_BYTES) return false;
  settled = true;
  if (young === undefined) return true;
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // Not this V8's flag: the young generation grows as V8 decides.
  }
  return true;
}
