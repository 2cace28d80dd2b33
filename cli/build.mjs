// Bundles the CLI into cli/dist/ (run by `npm install` via "prepare") so the command starts in a
// fraction of a second; hotline-sim.js falls back to running the TypeScript through tsx when the
// bundle is missing or older than the sources.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
};
await build({ ...common, entryPoints: [new URL('./main.ts', import.meta.url).pathname], outfile: new URL('./dist/main.mjs', import.meta.url).pathname });
// The replication worker (engine/experiment/pool/nodeThreads.ts looks for worker-entry.mjs beside itself).
await build({
  ...common,
  entryPoints: [new URL('../engine/experiment/pool/replicationWorker.ts', import.meta.url).pathname],
  outfile: new URL('./dist/worker-entry.mjs', import.meta.url).pathname,
});
