// Node-side helpers for the workbench's browser tests and bench: start `hotline-sim serve` on a
// free port, and launch Debian's Chromium through playwright-core (no browser download).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(ROOT, 'cli', 'hotline-sim.js');

/** Chromium's path when installed (CI installs Debian's package, .ci/run). */
export function findChromium(): string | null {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (p && existsSync(p)) return p;
  }
  return null;
}

function newest(dir: string, test: (name: string) => boolean): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p, test));
    else if (test(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Why the built page (dist/web) cannot be tested as the sources are, or null: missing, or older
 * than web/ or engine/ (`npm install` and `npm run build` build it; `npm run build:web` alone).
 */
export function staleBuild(): string | null {
  const app = join(ROOT, 'dist', 'web', 'app.js');
  if (!existsSync(app)) return 'the page is not built: run npm run build:web';
  const built = statSync(app).mtimeMs;
  const sources = Math.max(
    newest(join(ROOT, 'web'), (n) => /\.(ts|css|html|mjs|cjs)$/.test(n) && !n.endsWith('.test.ts')),
    newest(join(ROOT, 'engine'), (n) => n.endsWith('.ts') && !n.endsWith('.test.ts')),
  );
  return sources > built ? 'dist/web is older than web/ or engine/: run npm run build:web' : null;
}

export interface Served {
  url: string;
  stop(): void;
}

/** `hotline-sim serve --port 0`: resolves with the URL it prints. */
export function startServe(): Promise<Served> {
  return new Promise((ok, fail) => {
    const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`serve did not start: ${err}`)), 30_000);
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /http:\/\/[^\s]+\//.exec(out);
      if (m) {
        clearTimeout(timer);
        ok({ url: m[0], stop: () => child.kill() });
      }
    });
    child.stderr!.on('data', (d) => (err += String(d)));
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`serve exited (${code}): ${err}`));
    });
  });
}

export interface Launched {
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

// playwright gives every launch a fresh temporary profile (the --user-data-dir of the guide).
export async function launch(executablePath: string, locale = 'zh-CN'): Promise<Launched> {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ locale, viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  return {
    browser,
    context,
    async close() {
      await browser.close();
    },
  };
}
