// The Guangzhou staff command end to end, as a planner runs it (the bundled CLI, 2 workers):
//   hotline-sim staff scenarios/guangzhou-2023.yaml --target connection=0.95
// Prints one JSON line: wall and CPU seconds (all threads), peak RSS, load average, the answer lines.
// Extra arguments are passed to the command (e.g. --horizon 3d while developing).
import { execFileSync, spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const extra = process.argv.slice(2);
// The bundle, so the command runs as installed (not through tsx).
execFileSync(process.execPath, [new URL('../cli/build.mjs', import.meta.url).pathname]);
const args = ['staff', 'scenarios/guangzhou-2023.yaml', '--target', 'connection=0.95', '--workers', '2', ...extra];
const load = loadavg()[0];
const t0 = performance.now();
const r = spawnSync(process.execPath, ['--import', new URL('./cpuAtExit.mjs', import.meta.url).pathname, 'cli/hotline-sim.js', ...args], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 << 20,
});
const seconds = (performance.now() - t0) / 1000;
if (r.status !== 0) throw new Error(`staff failed (exit ${r.status}): ${r.stderr}`);
const m = /CPU-AT-EXIT (\{.*\})/.exec(r.stderr);
const usage = m ? JSON.parse(m[1]) : { cpuSeconds: NaN, peakRssMB: NaN };
const answer = r.stdout.split('\n').filter((l) => /^(Answer|roster|demand profile)/.test(l));
process.stdout.write(JSON.stringify({ command: `hotline-sim ${args.join(' ')}`, seconds, ...usage, loadBefore: load, loadAfter: loadavg()[0], answer }) + '\n');
