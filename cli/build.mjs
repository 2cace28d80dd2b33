// Bundles the CLI into cli/dist/ (run by `npm install` via "prepare") so the command starts in a
// fraction of a second; hotline-sim.js falls back to running the TypeScript through tsx when the
// bundle is missing or older than the sources.
//
// Code splitting: main.mjs holds the argument parsing; each command module (loaded by import() in
// cli/commandTable.ts) and the code commands share are chunks beside it, each importing only the
// packages it uses, so `erlang` never loads the simulator, the schemas, the charts or the solver.
// Chunks stay in cli/dist itself: the pool looks for worker-entry.mjs beside its own chunk.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const root = join(here, '..');

// Packages stay in node_modules (imported at run time), but for yargs: every command loads it, and
// from node_modules it is ~40 small modules to find and compile one by one (~30 ms of the start).
// Bundled, its platform shim must still find yargs' own folder: its messages' translations
// (locales/, e.g. Chinese under LANG=zh_CN) and the package.json that --version reads (above
// node_modules). So the shim's import.meta.url is replaced by yargs' location, found at run time.
const bundledPackages = {
  name: 'bundle-yargs',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const inPackage = args.importer.includes('/node_modules/');
      if (inPackage || args.path === 'yargs' || args.path.startsWith('yargs/')) return undefined;
      return { path: args.path, external: true };
    });
    b.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const shimUrl = "new URL('lib/platform-shims/esm.mjs', __yargsFileUrl(__yargsRequire.resolve('yargs/package.json'))).href";
      const patched = text.replaceAll('import.meta.url', '__yargsShimUrl');
      if (patched === text) throw new Error('cli/build.mjs: yargs\' platform shim changed; update the bundle-yargs plugin');
      return {
        contents: `import { createRequire as __yargsCreateRequire } from 'node:module';\nimport { pathToFileURL as __yargsFileUrl } from 'node:url';\nconst __yargsRequire = __yargsCreateRequire(import.meta.url);\nconst __yargsShimUrl = ${shimUrl};\n${patched}`,
        loader: 'js',
      };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
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
  plugins: [bundledPackages],
});
// The replication worker (engine/experiment/pool/nodeThreads.ts looks for worker-entry.mjs beside itself).
const worker = await build({
  ...common,
  entryPoints: [join(root, 'engine', 'experiment', 'pool', 'replicationWorker.ts')],
  packages: 'external',
  outfile: join(dist, 'worker-entry.mjs'),
});

// The sources the bundle was built from, for cli/hotline-sim.js's freshness check in a checkout:
// it compares their times with the bundle's instead of walking every folder.
const sources = new Set();
for (const r of [cli, worker]) for (const input of Object.keys(r.metafile.inputs)) if (!input.includes('node_modules/')) sources.add(relative(here, join(root, input)));
writeFileSync(join(dist, 'sources.json'), `${JSON.stringify([...sources].sort())}\n`);
