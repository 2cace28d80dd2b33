// npm run bench -- startup: how long a short command takes as a whole process, the way a planner
// runs it (`hotline-sim erlang ...`: Node's start, loading the bundle, the work, exit). Issue #19's
// target: erlang ≤ 0.2 s. Each command runs N times (default 15; STARTUP_RUNS=N): wall time per run
// (median and min), and CPU time of the process and all its threads, from the children's rusage
// that Linux keeps in /proc/self/stat (in 10 ms ticks, so as a mean over the runs).
// CPU time is the figure to compare on a shared machine: other programs inflate wall time, not it.
// STARTUP_COMPARE=/path/to/another/checkout (built, with its node_modules) runs the same commands
// there too, alternating run by run, for a paired before/after.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = 'cli/hotline-sim.js'; // from each checkout's root
const ROOTS = [ROOT, ...(process.env.STARTUP_COMPARE ? [process.env.STARTUP_COMPARE] : [])];
const RUNS = Number(process.env.STARTUP_RUNS ?? 15);

const COMMANDS: { name: string; args: string[] }[] = [
  { name: 'node -e 0 (Node alone)', args: ['-e', '0'] },
  { name: 'hotline-sim --help', args: [CLI, '--help'] },
  { name: 'erlang --calls-per-hour 200 --talk 180 --patience 300 --agents 12..16', args: [CLI, 'erlang', '--calls-per-hour', '200', '--talk', '180', '--patience', '300', '--agents', '12..16'] },
  { name: 'run liaocheng-2024 --horizon 1d --replications 1 --workers 1', args: [CLI, 'run', 'scenarios/liaocheng-2024.yaml', '--horizon', '1d', '--replications', '1', '--workers', '1', '--quiet'] },
  { name: 'run liaocheng-2024 --horizon 1d (10 replications, 2 workers)', args: [CLI, 'run', 'scenarios/liaocheng-2024.yaml', '--horizon', '1d', '--workers', '2', '--quiet'] },
];

/** CPU seconds of this process's waited-for children so far (Linux), or null. */
function childrenCpu(): number | null {
  try {
    // Fields after the command's name: cutime and cstime are the 14th and 15th of them (proc(5)).
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Measure what users run: the bundle, built now from the current sources.
execFileSync(process.execPath, [join(ROOT, 'cli', 'build.mjs')]);
const results: { name: string; root: string; wallSeconds: number; minWallSeconds: number; cpuSeconds: number | null }[] = [];
console.log(`startup: whole processes, ${RUNS} runs each (wall: median, min) — load average before ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
for (const c of COMMANDS) {
  const wall = ROOTS.map(() => [] as number[]);
  const cpu = ROOTS.map(() => 0);
  for (let i = 0; i < RUNS; i++) {
    ROOTS.forEach((root, k) => {
      const cpu0 = childrenCpu() ?? NaN;
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, c.args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
      wall[k].push(Number(process.hrtime.bigint() - t0) / 1e9);
      cpu[k] += (childrenCpu() ?? NaN) - cpu0;
      if (r.status !== 0) throw new Error(`${c.name} in ${root}: exit ${r.status}: ${r.stderr}`);
    });
  }
  console.log(`  ${c.name}`);
  ROOTS.forEach((root, k) => {
    const cpuSeconds = Number.isNaN(cpu[k]) ? null : cpu[k] / RUNS;
    const r = { name: c.name, root, wallSeconds: median(wall[k]), minWallSeconds: Math.min(...wall[k]), cpuSeconds };
    results.push(r);
    console.log(
      `    ${ROOTS.length > 1 ? `${root}: ` : ''}wall ${r.wallSeconds.toFixed(3)} s (min ${r.minWallSeconds.toFixed(3)}) | CPU ${cpuSeconds === null ? 'n/a' : `${cpuSeconds.toFixed(3)} s (mean)`}`,
    );
  });
}
const load = loadavg();
console.log(`  load average after ${load.map((x) => x.toFixed(1)).join(' ')}; target: erlang ≤ 0.2 s wall on a quiet machine (CPU time ≈ wall when nothing else runs)`);
console.log(JSON.stringify({ runs: RUNS, loadAfter: load, results }));
