// The lint path reads one way: text → documents → read → extract → rules → findings → format
// (docs/architecture.md). This reads the import graph of src/ with the TypeScript compiler and holds
// that direction: the parser imports nothing above it, and the modules the lint entry points reach
// import one another without cycles.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API } from 'typescript/unstable/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');

/** Modules as paths relative to src/ (`core/engine.ts`), each with the modules of src/ it imports. */
type Graph = Map<string, string[]>;

let graph: Graph;
let api: API | undefined;

beforeAll(() => {
  api = new API({ cwd: root });
  const snapshot = api.updateSnapshot({ openProjects: [join(root, 'tsconfig.json')] });
  const program = snapshot.getProjects()[0]?.program;
  if (!program) throw new Error('tsconfig.json: no program');
  graph = new Map();
  for (const file of program.getSourceFileNames()) {
    if (!file.startsWith(`${src}/`) || file.endsWith('.test.ts')) continue;
    const imports: string[] = [];
    // Every module specifier: imports, `import type`, re-exports, dynamic imports.
    for (const specifier of program.getSourceFile(file)?.imports ?? []) {
      const name = (specifier as { text?: string }).text;
      if (!name?.startsWith('.')) continue;
      const target = resolve(dirname(file), name).replace(/\.js$/, '.ts');
      if (existsSync(target)) imports.push(relative(src, target));
    }
    graph.set(relative(src, file), imports);
  }
}, 60_000);

afterAll(() => api?.close());

/** The modules reachable from `entries`, entries included. */
function reachable(g: Graph, entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...entries];
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    todo.push(...(g.get(next) ?? []));
  }
  return seen;
}

/** Each import cycle among `within`, as the list of its modules (Tarjan's strongly connected components). */
function cycles(g: Graph, within: ReadonlySet<string> = new Set(g.keys())): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, order.size);
    low.set(v, order.get(v) as number);
    stack.push(v);
    for (const w of g.get(v) ?? []) {
      if (!within.has(w)) continue;
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (stack.includes(w)) {
        low.set(v, Math.min(low.get(v) as number, order.get(w) as number));
      }
    }
    if (low.get(v) === order.get(v)) {
      const component = stack.splice(stack.indexOf(v));
      if (component.length > 1 || g.get(v)?.includes(v)) found.push(component.sort());
    }
  };
  for (const v of within) if (!order.has(v)) visit(v);
  return found;
}

const layer = (module: string) => module.split('/')[0] as string;

describe('the import graph of src/', () => {
  it('is read (the graph is not empty, and holds a known edge)', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('core/engine.ts')).toContain('core/stream.ts');
  });

  it('finds a cycle when there is one (and none when there is none)', () => {
    const g: Graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(g)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    g.set('c.ts', []);
    expect(cycles(g)).toEqual([]);
  });

  it('src/util imports nothing else of src/, src/parse only itself and src/util', () => {
    const allowed: Record<string, readonly string[]> = { util: ['util'], parse: ['parse', 'util'] };
    const upward: string[] = [];
    for (const [module, imports] of graph) {
      const may = allowed[layer(module)];
      if (!may) continue;
      for (const target of imports) if (!may.includes(layer(target))) upward.push(`${module} → ${target}`);
    }
    expect(upward).toEqual([]);
  });

  it('has no cycle among the modules the lint entry points reach', () => {
    const lintPath = reachable(graph, ['core/engine.ts', 'core/stream.ts']);
    expect(lintPath.has('parse/fast.ts')).toBe(true);
    expect(cycles(graph, lintPath)).toEqual([]);
  });

  it('has no cycle anywhere in src/', () => {
    expect(cycles(graph)).toEqual([]);
  });
});
