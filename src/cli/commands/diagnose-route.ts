// Which kind of `capdoctor diagnose` a command line asks for, decided without loading either kind.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorkloadRef } from '../../cluster/collect.js';
import { BUNDLE_INDEX } from '../../diagnose/bundle-name.js';

/** A folder written by `--save`: it (or each folder in it) holds the bundle index. */
export function isSavedBundle(path: string): boolean {
  try {
    if (!statSync(path).isDirectory()) return false;
    if (existsSync(join(path, BUNDLE_INDEX))) return true;
    return readdirSync(path).some((name) => existsSync(join(path, name, BUNDLE_INDEX)));
  } catch {
    return false;
  }
}

/** `--failing`, or only `kind/NAME` arguments that are not files here. */
export function wantsCluster(inputs: readonly string[], failing: boolean | undefined): boolean {
  if (failing) return true;
  return inputs.length > 0 && inputs.every((input) => parseWorkloadRef(input) !== undefined && !existsSync(input));
}
