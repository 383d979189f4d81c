// --discover-nodes: the cluster's runtimes, read from its nodes and refreshed now and then. A pod under
// review is not scheduled yet, so every node's runtime is a target: an error on any node is an error.
import type { NodeTarget } from '../core/nodes.js';
import { type ResolvedTarget, resolveTargets } from '../knowledge/targets.js';

export interface NodeTargets {
  /** The distinct targets of the Linux nodes whose runtime capdoctor knows. */
  targets: string[];
  /** Nodes left out, with why (an unknown runtime); Windows nodes have no capabilities to check. */
  skipped: { node: string; reason: string }[];
}

export function targetsOfNodes(nodes: readonly NodeTarget[]): NodeTargets {
  const targets = new Set<string>();
  const skipped: NodeTargets['skipped'] = [];
  for (const node of nodes) {
    if (node.target === 'windows') continue;
    if (node.target === undefined) skipped.push({ node: node.name, reason: node.note ?? 'unknown runtime' });
    else targets.add(node.target);
  }
  return { targets: [...targets].sort(), skipped };
}

export interface NodeDiscoveryOptions {
  /** Lists the nodes (the cluster client's discoverNodes). */
  discover: () => Promise<NodeTarget[]>;
  /** Called with the targets each time they change. */
  apply: (targets: ResolvedTarget[], names: string[]) => void;
  refreshMs: number;
  /** After a failed listing, the next attempt comes sooner than a refresh. */
  retryMs?: number;
  log: (line: string) => void;
}

export interface NodeDiscovery {
  /** Lists the nodes now; true when the targets are from the nodes (not the fallback). */
  refresh(): Promise<boolean>;
  stop(): void;
}

/**
 * Reads the nodes' runtimes now and every refreshMs. Until a listing succeeds, and when no node's
 * runtime is known, the targets stay as they are (the built-in matrix at start): the webhook keeps
 * answering, and the log says why.
 */
export function startNodeDiscovery(options: NodeDiscoveryOptions): NodeDiscovery {
  let current = '';
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void refresh().then(next, next), ms);
    timer.unref();
  };
  let lastOk = false;
  const next = () => schedule(lastOk ? options.refreshMs : (options.retryMs ?? Math.min(30_000, options.refreshMs)));

  async function refresh(): Promise<boolean> {
    let nodes: NodeTarget[];
    try {
      nodes = await options.discover();
    } catch (error) {
      lastOk = false;
      options.log(JSON.stringify({ level: 'warn', msg: 'nodes not listed', error: (error as Error).message }));
      return false;
    }
    const found = targetsOfNodes(nodes);
    for (const skip of found.skipped) {
      options.log(JSON.stringify({ level: 'warn', msg: 'node runtime unknown', node: skip.node, reason: skip.reason }));
    }
    if (found.targets.length === 0) {
      lastOk = false;
      options.log(JSON.stringify({ level: 'warn', msg: 'no node with a known runtime', nodes: nodes.length }));
      return false;
    }
    lastOk = true;
    const key = found.targets.join(' ');
    if (key !== current) {
      let resolved: ResolvedTarget[];
      try {
        resolved = resolveTargets(found.targets);
      } catch (error) {
        lastOk = false;
        options.log(
          JSON.stringify({ level: 'warn', msg: 'node targets not understood', error: (error as Error).message }),
        );
        return false;
      }
      current = key;
      options.apply(resolved, found.targets);
      options.log(JSON.stringify({ level: 'info', msg: 'node targets', nodes: nodes.length, targets: found.targets }));
    }
    return true;
  }

  return {
    async refresh() {
      if (timer) clearTimeout(timer);
      const ok = await refresh();
      next();
      return ok;
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
