// Bundles the CLI into cli/dist/ (run by `npm install` via "prepare") so the command starts in a
// fraction of a second; hotline-sim.js falls back to running the TypeScript through tsx when the
// bundle is missing or older than the sources.
//
// Code splitting: main.mjs holds the argument parsing; each command module (loaded by import() in
// cli/commandTable.ts) and the code commands share are chunks beside it, each importing only the
// packages it uses, so `erlang` never loads the simulator, the schemas, the charts or the solver.
// Chunks stay in cli/dist itself: the pool looks for worker-entry.mjs beside its own chunk.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zodEnglishOnly } from './zodEnglishOnly.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const root = join(here, '..');

// The small pure-JavaScript packages are bundled: from node_modules each is tens of small files to
// find and compile one by one (yargs ~30 ms of every start, zod and yaml ~80 ms of a scenario
// command's). The others stay in node_modules, imported at run time: the solver (HiGHS, WebAssembly),
// the PNG renderer (native), the chart libraries and fonts (large, loaded only when drawing).
// yargs' platform shim must still find yargs' own folder: its messages' translations (locales/,
// e.g. Chinese under LANG=zh_CN) and the package.json that --version reads (above node_modules);
// so the shim's import.meta.url is replaced by yargs' location, found at run time.
const BUNDLED = new Set(['yargs', 'zod', 'yaml', 'seedrandom', 'fast-csv', 'cli-progress']);
const bundledPackages = {
  name: 'bundle-small-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const inPackage = args.importer.includes('/node_modules/');
      if (inPackage || BUNDLED.has(args.path.split('/')[0])) return undefined;
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
  absWorkingDir: root, // the metafile's paths are relative to it (see the end)
  plugins: [bundledPackages, zodEnglishOnly],
  // CommonJS packages in an ES module bundle call require() for Node's own modules.
  banner: { js: "import { createRequire as __bundleCreateRequire } from 'node:module';\nconst require = __bundleCreateRequire(import.meta.url);" },
};
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

// Chunk names carry a hash of their content: remove the chunks of earlier builds, after writing the
// new ones (a command started meanwhile still finds its chunks; unchanged sources give the same names).
const written = new Set([cli, worker].flatMap((r) => Object.keys(r.metafile.outputs).map((o) => relative(dist, join(root, o)))));
for (const f of readdirSync(dist)) if (/\.mjs(\.map)?$/.test(f) && !written.has(f)) rmSync(join(dist, f));

// The sources the bundle was built from, for cli/hotline-sim.js's freshness check in a checkout:
// it compares their times with the bundle's instead of walking every folder.
const sources = new Set();
for (const r of [cli, worker]) for (const input of Object.keys(r.metafile.inputs)) if (!input.includes('node_modules/')) sources.add(relative(here, join(root, input)));
writeFileSync(join(dist, 'sources.json'), `${JSON.stringify([...sources].sort())}\n`);
