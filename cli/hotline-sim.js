#!/usr/bin/env node
// Entry point. Runs the prebuilt bundle (cli/dist, made by `npm install`) when it is newer than
// every source file (tests aside); otherwise runs the TypeScript directly through tsx, so edits take effect at once.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bundle = join(here, 'dist', 'main.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    // Tests are not in the bundle: editing one must not send every later command through tsx.
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const fresh =
  existsSync(bundle) && statSync(bundle).mtimeMs >= Math.max(newestSource(here), newestSource(join(here, '..', 'engine')));
if (fresh) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
}
