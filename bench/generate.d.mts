// Types for the corpus generators (plain JavaScript, so that `npm run bench` needs no build step).
export interface Random {
  next(): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}
export interface CorpusOptions {
  seed?: number;
  mistakeEvery?: number;
}
export function random(seed: number): Random;
export function deployment(rng: Random, i: number, mistake: boolean, securityBlock?: readonly string[]): string;
export function deployments(count: number, options?: CorpusOptions): string;
export function deploymentChunks(count: number, options?: CorpusOptions): Generator<string>;
export function listChunks(count: number, options?: CorpusOptions): Generator<string>;
export function denseChunks(count: number, options?: { seed?: number }): Generator<string>;
export function denseVariedChunks(count: number, options?: { seed?: number; programs?: string }): Generator<string>;
export function threeMistakeChunks(count: number, options?: { seed?: number }): Generator<string>;
export function mixed(count: number, options?: { seed?: number }): string;
export const JOURNAL_SIGNATURES: readonly string[];
export function journalChunks(bytes: number, options?: { seed?: number; signatures?: number }): Generator<string>;
export function clusterDump(options?: {
  nodes?: number;
  pods?: number;
  workloads?: number;
  seed?: number;
  mistakeEvery?: number;
}): string;
