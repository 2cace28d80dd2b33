// Builds the workbench page into dist/web/ (npm run build:web; also part of npm run build):
// one ES module bundle, the stylesheet and index.html. Every shipped scenario is bundled, so the
// page works offline and from any static host. The engine's Node-only imports are mapped to the
// page's stand-ins (web/shims/); see web/src/engine.ts.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zodEnglishOnly } from '../cli/zodEnglishOnly.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(root, 'dist', 'web');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

const shims = {
  name: 'node-shims',
  setup(b) {
    b.onResolve({ filter: /^node:fs$/ }, () => ({ path: join(here, 'shims', 'fs.ts') }));
    b.onResolve({ filter: /^node:path$/ }, () => ({ path: join(here, 'shims', 'path.ts') }));
    b.onResolve({ filter: /^(node:.*|crypto)$/ }, () => ({ path: join(here, 'shims', 'unavailable.cjs') }));
    b.onResolve({ filter: /^virtual:cases$/ }, () => ({ path: 'cases', namespace: 'virtual' }));
    b.onLoad({ filter: /.*/, namespace: 'virtual' }, () => {
      const dir = join(root, 'scenarios');
      const cases = readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => ({ id: f.replace(/\.yaml$/, ''), text: readFileSync(join(dir, f), 'utf8') }));
      return { contents: `export const CASES = ${JSON.stringify(cases)};`, loader: 'js', watchFiles: cases.map((c) => join(dir, `${c.id}.yaml`)) };
    });
  },
};

const common = {
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: process.env.WEB_MINIFY !== '0',
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [shims, zodEnglishOnly],
  define: { __VERSION__: JSON.stringify(version), 'process.env.NODE_ENV': '"production"' },
  metafile: true,
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await build({ ...common, entryPoints: { app: join(here, 'src', 'main.ts'), 'sim-worker': join(here, 'src', 'simWorker.ts') }, outdir: out });
copyFileSync(join(here, 'index.html'), join(out, 'index.html'));
copyFileSync(join(here, 'style.css'), join(out, 'style.css'));
if (process.env.WEB_BUILD_VERBOSE) {
  // Each output's size, and what fills it: bytes by package (or by folder of this project).
  for (const [file, o] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.map')) continue;
    console.log(file, o.bytes);
    const by = new Map();
    for (const [input, i] of Object.entries(o.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input.split('/').slice(0, 2).join('/');
      by.set(pkg, (by.get(pkg) ?? 0) + i.bytesInOutput);
    }
    for (const [pkg, bytes] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${String(bytes).padStart(9)}  ${pkg}`);
  }
}
