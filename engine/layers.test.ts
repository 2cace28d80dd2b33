// The layers, enforced: reads the imports of every engine and CLI source file (tests aside) and
// checks that the bottom layers import nothing above them, that no module imports itself through
// others (type-only imports count: a circle of types is still a circle of concepts), and that the
// core a browser will run imports nothing of Node.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'dist' && e.name !== 'node_modules') out.push(...sources(p));
    } else if (/\.(ts|mts|mjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

// Static imports and re-exports (with or without `type`), side-effect imports and dynamic import().
const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Each file's imports: `local` as root-relative paths, `packages` as written. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const local: string[] = [];
  const packages: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith('.')) local.push(normalize(join(dirname(file), spec)));
    else packages.push(spec);
  }
  return { local, packages };
}

const FILES = [...sources('engine'), ...sources('cli')];
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));

/** The engine folder a file belongs to ("kernel", "callcenter", …; "engine" for engine/*.ts). */
function layerOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] !== 'engine') return parts[0];
  return parts.length > 2 ? parts[1] : 'engine';
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Packages that need Node (native code, streams, the file system, threads or the terminal). */
const NODE_ONLY_PACKAGES = ['@resvg/resvg-js', 'cli-progress', 'piscina', 'tsx', 'wawoff2', 'fast-csv', 'yargs', 'esbuild'];
const isNodeOnly = (spec: string) => NODE_BUILTINS.has(spec) || spec.startsWith('node:') || NODE_ONLY_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`));

describe('layers', () => {
  it('reads the import graph (guards the parser: these imports exist)', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(GRAPH.get('engine/callcenter/simulate.ts')!.local).toContain('engine/kernel/serverPool.ts');
    expect(GRAPH.get('engine/scenario/load.ts')!.packages).toContain('node:fs');
    expect(GRAPH.get('engine/core.ts')!.local).toContain('engine/scenario/parse.ts');
    expect(GRAPH.get('engine/workforce/schema.ts')!.local).toContain('engine/limits.ts');
  });

  it('kernel, random, stats, analytic, text and the limits table import nothing above them', () => {
    // Each may import only its own folder (and packages); engine/limits.ts imports nothing at all.
    const bottom = new Set(['kernel', 'random', 'stats', 'analytic', 'text']);
    const upward: string[] = [];
    for (const [file, { local }] of GRAPH) {
      const layer = layerOf(file);
      if (file === 'engine/limits.ts') {
        for (const to of local) upward.push(`${file} → ${to}`);
        expect(GRAPH.get(file)!.packages).toEqual([]);
      } else if (bottom.has(layer)) {
        for (const to of local) if (layerOf(to) !== layer) upward.push(`${file} → ${to}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('no module imports itself through others (no circle among engine and CLI modules)', () => {
    // Tarjan's strongly connected components over file → file imports.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const circles: string[][] = [];
    let next = 0;
    const visit = (v: string) => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      for (const w of GRAPH.get(v)?.local ?? []) {
        if (!GRAPH.has(w)) continue;
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || GRAPH.get(v)!.local.includes(v)) circles.push(component.sort());
      }
    };
    for (const f of FILES) if (!index.has(f)) visit(f);
    expect(circles).toEqual([]);
  });

  /** Every file a file reaches through local imports, itself included. */
  const closure = (start: string): Set<string> => {
    const seen = new Set<string>();
    const todo = [start];
    while (todo.length) {
      const f = todo.pop()!;
      if (seen.has(f) || !GRAPH.has(f)) continue;
      seen.add(f);
      todo.push(...GRAPH.get(f)!.local);
    }
    return seen;
  };
  const nodeImportsOf = (files: Iterable<string>): string[] => {
    const found: string[] = [];
    for (const f of files) for (const p of GRAPH.get(f)!.packages) if (isNodeOnly(p)) found.push(`${f} → ${p}`);
    return found;
  };

  it('the core a browser will run imports no node: module and no Node-only package, directly or through others', () => {
    // The core: the bottom layers, callcenter, workforce and cost whole; the scenario layer but its
    // Node edge (load.ts, and index.ts that re-exports it); the pure parts of experiment and report,
    // exactly what engine/core.ts exports (engine/core.test.ts bundles it for a browser).
    const coreFolders = new Set(['kernel', 'random', 'stats', 'analytic', 'text', 'callcenter', 'workforce', 'cost']);
    const core = new Set(FILES.filter((f) => coreFolders.has(layerOf(f)) || (layerOf(f) === 'scenario' && !/\/(load|index)\.ts$/.test(f))));
    core.add('engine/limits.ts');
    for (const f of closure('engine/core.ts')) core.add(f);
    // Every core folder has files (a renamed folder must not make this test pass by emptiness).
    for (const layer of [...coreFolders, 'scenario']) expect([...core].some((f) => layerOf(f) === layer), layer).toBe(true);
    expect(core).toContain('engine/scenario/parse.ts');
    expect(core).toContain('engine/report/format.ts');
    const reached = new Set([...core].flatMap((f) => [...closure(f)]));
    expect(nodeImportsOf(reached)).toEqual([]);
  });

  it('the scenario layer touches the file system only in its Node edge, engine/scenario/load.ts', () => {
    const found = nodeImportsOf(FILES.filter((x) => layerOf(x) === 'scenario'));
    expect(found.sort()).toEqual(['engine/scenario/load.ts → node:fs', 'engine/scenario/load.ts → node:path']);
  });
});
