// Loads the Kubernetes client on first use: `lint` and the other offline commands never pay for it.
import { createRequire } from 'node:module';

type KubeLib = typeof import('./kube-lib.js');

declare const CAPDOCTOR_BUNDLE: boolean | undefined;

let lib: Promise<KubeLib> | undefined;

export function kubeLib(): Promise<KubeLib> {
  if (!lib) {
    if (typeof CAPDOCTOR_BUNDLE === 'boolean') {
      // The bundle ships it as a CommonJS file beside the CLI (see scripts/build.mjs).
      lib = Promise.resolve(createRequire(import.meta.url)('./kube.cjs') as KubeLib);
    } else {
      // From source (tests): a specifier in a variable, so that a bundler never follows it.
      const source = './kube-lib.js';
      lib = import(source) as Promise<KubeLib>;
    }
  }
  return lib;
}
