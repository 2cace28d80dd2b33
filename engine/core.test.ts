// The core runs in a browser: bundled by esbuild for platform 'browser' from engine/core.ts, it
// must pull in no node: module and no Node-only package. The one allowed exception is named:
// HiGHS's Emscripten loader imports node:module (and through it fs, path, url, crypto) only on its
// `ENVIRONMENT_IS_NODE` branch; in a browser it fetches highs.wasm instead.
import { dirname, join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const NODE_ONLY_PACKAGES = ['@resvg/resvg-js', 'cli-progress', 'piscina', 'tsx', 'wawoff2', 'fast-csv', 'yargs', 'esbuild'];
/** Importers allowed a Node built-in, each on a branch that a browser never takes (see the header). */
const GUARDED_NODE_BRANCHES = [/node_modules\/highs\/build\/highs\.mjs$/];

/**
 * Bundles `entry` for a browser; returns the Node-only imports (importer → what) and the bundle's
 * inputs. esbuild itself refuses a Node built-in on platform 'browser' (unless a package's
 * `browser` field maps it away, as seedrandom's does for its optional crypto); the plugin lets the
 * named guarded branches through and records everything else.
 */
async function browserBundle(entry: string): Promise<{ nodeOnly: string[]; inputs: string[] }> {
  const nodeOnly: string[] = [];
  const guard: Plugin = {
    name: 'node-only-guard',
    setup(b) {
      b.onResolve({ filter: /^node:/ }, (args) => {
        if (!GUARDED_NODE_BRANCHES.some((re) => re.test(args.importer))) nodeOnly.push(`${relative(ROOT, args.importer)} → ${args.path}`);
        return { path: args.path, external: true };
      });
    },
  };
  let inputs: string[] = [];
  try {
    const r = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent', plugins: [guard] });
    inputs = Object.keys(r.metafile.inputs);
  } catch (e) {
    // a bare built-in ("fs") that no browser field maps away
    const errors = (e as { errors?: { text: string; location: { file: string } | null }[] }).errors ?? [];
    if (errors.length === 0) throw e;
    for (const x of errors) nodeOnly.push(`${x.location?.file ?? '?'} → ${x.text}`);
  }
  for (const f of inputs) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1];
    if (pkg && NODE_ONLY_PACKAGES.includes(pkg)) nodeOnly.push(`${f} (a Node-only package)`);
  }
  return { nodeOnly, inputs };
}

describe('the core in a browser bundle', () => {
  it('engine/core.ts bundles for platform browser with nothing Node-only in it', async () => {
    const { nodeOnly, inputs } = await browserBundle(join(ROOT, 'engine/core.ts'));
    expect(nodeOnly).toEqual([]);
    // It is the core: the simulator, the scenario parser, workforce and cost are in; the Node layer is not.
    for (const f of ['engine/callcenter/simulate.ts', 'engine/scenario/parse.ts', 'engine/workforce/staffing.ts', 'engine/cost/budget.ts']) expect(inputs).toContain(f);
    expect(inputs.filter((f) => f === 'engine/scenario/load.ts' || f.startsWith('engine/experiment/pool/'))).toEqual([]);
  }, 60_000);

  it('the guard catches a Node import (the Node loader fails the same bundle)', async () => {
    const { nodeOnly } = await browserBundle(join(ROOT, 'engine/scenario/load.ts'));
    expect(nodeOnly).toContain('engine/scenario/load.ts → node:fs');
  }, 60_000);
});
