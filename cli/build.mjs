// Bundles the CLI into cli/dist/ (run by `npm install` via "prepare") so the command starts in a
// fraction of a second; hotline-sim.js falls back to running the TypeScript through tsx when the
// bundle is missing or older than the sources.
//
// Code splitting: main.mjs holds the argument parsing; each command module (loaded by import() in
// cli/commandTable.ts) and the code commands share are chunks beside it, each importing only the
// packages it uses, so `erlang` never loads the simulator, the schemas, the charts or the solver.
// Chunks stay in cli/dist itself: the pool looks for worker-entry.mjs beside its own chunk.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const root = join(here, '..');

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
};
// Chunk names carry a hash: clear the old ones so that no stale chunk is left behind.
mkdirSync(dist, { recursive: true });
for (const f of readdirSync(dist)) if (/\.(mjs|map|json)$/.test(f)) rmSync(join(dist, f));

const cli = await build({
  ...common,
  entryPoints: { main: join(here, 'main.ts') },
  outdir: dist,
  splitting: true,
  chunkNames: '[name]-[hash]',
  outExtension: { '.js': '.mjs' },
});
// The replication worker (engine/experiment/pool/nodeThreads.ts looks for worker-entry.mjs beside itself).
const worker = await build({
  ...common,
  entryPoints: [join(root, 'engine', 'experiment', 'pool', 'replicationWorker.ts')],
  outfile: join(dist, 'worker-entry.mjs'),
});

// The sources the bundle was built from, for cli/hotline-sim.js's freshness check in a checkout:
// it compares their times with the bundle's instead of walking every folder.
const sources = new Set();
for (const r of [cli, worker]) for (const input of Object.keys(r.metafile.inputs)) if (!input.includes('node_modules/')) sources.add(relative(here, join(root, input)));
writeFileSync(join(dist, 'sources.json'), `${JSON.stringify([...sources].sort())}\n`);
