#!/usr/bin/env node
// Entry point. Runs the prebuilt bundle (cli/dist, made by `npm install`) when it is newer than
// every source file it was built from; otherwise runs the TypeScript directly through tsx, so
// edits take effect at once. The build lists those sources in cli/dist/sources.json (tests are not
// among them), so this check is one stat a source, not a walk of every folder.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bundle = join(here, 'dist', 'main.mjs');

function bundleIsFresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    const sources = JSON.parse(readFileSync(join(here, 'dist', 'sources.json'), 'utf8'));
    // A source changed since the build, or was removed (statSync throws): the bundle is stale.
    return sources.every((source) => statSync(join(here, source)).mtimeMs <= built);
  } catch {
    return false;
  }
}

if (bundleIsFresh()) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
}
