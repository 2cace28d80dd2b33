// npm run bench -- web: the workbench page in headless Chromium (Debian's, through playwright-core).
//   1. an input change → the redrawn answer (KPIs, head count, budget): median of 50 (target ≤ 100 ms);
//   2. Liaocheng's two weeks, 10 replications: 模拟验证 in Web Workers vs `hotline-sim run` (target ≤ 1.5×);
//   3. the page's bundle, gzipped.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CLI, findChromium, launch, ROOT, startServe } from '../web/test/browser.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dist = join(ROOT, 'dist', 'web');
if (!existsSync(join(dist, 'index.html'))) {
  console.log('web: the page is not built (npm run build:web)');
  process.exit(1);
}
const chromium = findChromium();
if (!chromium) {
  console.log('web: skipped, no Chromium (apt-get install -y chromium fonts-noto-cjk)');
  process.exit(0);
}

console.log(`web: the workbench page in headless Chromium (load average ${loadavg()[0].toFixed(1)})`);
const files = ['index.html', 'app.js', 'sim-worker.js', 'style.css'];
const sizes = files.map((f) => {
  const b = readFileSync(join(dist, f));
  return { f, raw: b.length, gz: gzipSync(b, { level: 9 }).length };
});
const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
console.log(
  `  bundle: ${kb(sizes.reduce((s, x) => s + x.gz, 0))} gzipped (${kb(sizes.reduce((s, x) => s + x.raw, 0))} raw): ` +
    sizes.map((x) => `${x.f} ${kb(x.gz)}`).join(', '),
);

const served = await startServe();
const browser = await launch(chromium, 'zh-CN');
try {
  const page = await browser.context.newPage();
  // One change: set the field, fire its input event (the page recomputes synchronously), then
  // wait for the next frame to be painted. Charts redraw 150 ms after the last change and are not counted.
  const changes = async (hash: string, field: string, values: number[]) => {
    await page.goto(`${served.url}#${hash}`);
    await page.waitForSelector('#results:not(.stale)');
    return page.evaluate(
      async ({ field, values }) => {
        // runs in the page (the bench is type-checked without the DOM library)
        const { document, requestAnimationFrame } = globalThis as any;
        const input = document.querySelector(`#f-${field}`);
        const times: number[] = [];
        for (const v of values) {
          const t0 = performance.now();
          input.value = String(v);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
          if (!document.querySelector('#kpi-connection')) throw new Error('no answer');
          times.push(performance.now() - t0);
        }
        return times;
      },
      { field, values },
    );
  };
  const fifty = (from: number, step: number) => Array.from({ length: 50 }, (_, i) => from + (i % 2 ? -1 : 1) * step * (1 + (i % 7)));
  const cases: [string, string, string, number[]][] = [
    ['Liaocheng case, head count changed', 'v=1&src=liaocheng-2024', 'headcount', fifty(237, 3)],
    ['new hotline, "find it": wage changed (head-count search each time)', 'v=1&src=new&hc=find', 'monthlyWage', fifty(4000, 50)],
    ['new hotline, "find it": calls changed', 'v=1&src=new&hc=find', 'requests', fifty(1_000_000, 20_000)],
  ];
  for (const [label, hash, field, values] of cases) {
    const t = await changes(hash, field, values);
    console.log(`  input → redrawn answer, ${label}: median ${median(t).toFixed(1)} ms, max ${Math.max(...t).toFixed(1)} ms over ${t.length} changes (target ≤ 100 ms)`);
  }

  // Liaocheng two weeks, 10 replications: the page (Web Workers, one per core) against the CLI (worker threads, every core)
  const browserRuns: number[] = [];
  const cliRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.goto(`${served.url}#v=1&src=liaocheng-2024`);
    await page.waitForSelector('#results:not(.stale)');
    const t0 = Date.now();
    await page.click('#simulate');
    await page.waitForSelector('.badge.confirmed', { timeout: 300_000 });
    browserRuns.push((Date.now() - t0) / 1000);
    const c0 = Date.now();
    execFileSync(process.execPath, [CLI, 'run', join(ROOT, 'scenarios', 'liaocheng-2024.yaml'), '--json'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'ignore'] });
    cliRuns.push((Date.now() - c0) / 1000);
  }
  // the CLI's own start (loading the bundle and its packages), measured on a command that does nothing else
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s0 = Date.now();
    execFileSync(process.execPath, [CLI, '--version'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'ignore'] });
    starts.push((Date.now() - s0) / 1000);
  }
  const start = median(starts);
  const workers = await page.evaluate(() => (globalThis as any).navigator.hardwareConcurrency as number);
  const b = median(browserRuns);
  const c = median(cliRuns);
  console.log(
    `  Liaocheng two weeks × 10 replications: browser ${b.toFixed(2)} s (${workers} Web Workers), CLI ${c.toFixed(2)} s (hotline-sim run, process start included): ` +
      `${(b / c).toFixed(2)}× (target ≤ 1.5×); medians of 3 (browser ${browserRuns.map((x) => x.toFixed(2)).join(', ')}; CLI ${cliRuns.map((x) => x.toFixed(2)).join(', ')})`,
  );
  console.log(
    `    without the CLI's start (hotline-sim --version: ${start.toFixed(2)} s): CLI ${(c - start).toFixed(2)} s, browser ${(b / (c - start)).toFixed(2)}× ` +
      '(the browser time counts from the click: the page has parsed the scenario already)',
  );
} finally {
  await browser.close();
  served.stop();
}
