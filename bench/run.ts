// npm run bench: each case in its own process (so peak RSS is its own), one replication, timings on stderr-free stdout.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { BENCH_CASES } from './cases.ts';
import { effectiveCores } from './cpuControl.ts';

const PARALLEL = ['pool', 'sweep'];

const only = process.argv.slice(2);
const names = only.length ? only.filter((n) => n in BENCH_CASES) : Object.keys(BENCH_CASES);
const withStaffing = only.length === 0 || only.includes('staffing');
const withCalibration = only.length === 0 || only.includes('calibration');
const parallel = only.length === 0 ? PARALLEL : PARALLEL.filter((p) => only.includes(p));
console.log(`hotline-sim benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
const wall: Record<string, number> = {};
const cpu: Record<string, number> = {};
for (const name of names) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', new URL('./case.ts', import.meta.url).pathname, name], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop()!);
  wall[name] = r.seconds;
  cpu[name] = r.cpuSeconds;
  console.log(`${name}: ${BENCH_CASES[name].description} [${r.path} path]`);
  console.log(
    `  wall ${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds.toFixed(2)} s) | ${(r.calls / 1e6).toFixed(2)}M calls, ${(r.calls / r.seconds / 1e6).toFixed(2)}M calls/s | ` +
      `${(r.events / r.seconds / 1e6).toFixed(1)}M events/s | peak RSS ${r.peakRssMB.toFixed(0)} MB | ` +
      `connection ${(r.connectionRate * 100).toFixed(2)}%, occupancy ${(r.occupancy * 100).toFixed(1)}%\n`,
  );
}

if (wall.standard && wall['standard-events']) {
  console.log(
    `event-driven / fast path, standard year: ${(wall['standard-events'] / wall.standard).toFixed(2)}× wall, ` +
      `${(cpu['standard-events'] / cpu.standard).toFixed(2)}× CPU (target ≤ 2×)\n`,
  );
}

if (withStaffing) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', new URL('./staffing.ts', import.meta.url).pathname], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop()!);
  console.log('staffing: Liaocheng-scale week, 48 intervals a day, 20 shift patterns, target connection rate 95% per interval');
  console.log(
    `  wall ${r.seconds.toFixed(2)} s = requirement ${r.requirementSeconds.toFixed(2)} s (${r.rounds} simulation rounds) + ` +
      `schedule ${r.scheduleSeconds.toFixed(2)} s (integer programme in HiGHS ${r.ipSolveSeconds.toFixed(2)} s, ${r.patterns} patterns, ${r.solverStatus}) + ` +
      `check ${r.checkSeconds.toFixed(2)} s | head count ${r.headcount.people} people, ${r.headcount.fte.toFixed(1)} FTE | peak RSS ${r.peakRssMB.toFixed(0)} MB\n`,
  );
}

if (withCalibration) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', new URL('./calibration.ts', import.meta.url).pathname], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop()!);
  console.log('calibration: Liaocheng-scale year (1.76M calls, on seat following demand), wrap-up mean fitted to connection 95%, 5 replications a simulation (target < 30 s)');
  console.log(
    `  wall ${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds.toFixed(2)} s) | ${r.evaluations} simulations | fitted ${r.value.toFixed(1)} s ` +
      `(95% CI ${r.ciLow.toFixed(1)}–${r.ciHigh.toFixed(1)}), simulated connection ${(r.simulated * 100).toFixed(2)}% | peak RSS ${r.peakRssMB.toFixed(0)} MB\n`,
  );
}

// The fast path against a bare event calendar (bench/prototype.ts), issue #19: the standard year at
// ≤ 0.7× the prototype's time. Paired runs, alternating, each in its own process (a fresh JIT, its own
// heap), so a neighbour's load falls on both alike; medians of wall and of CPU time.
if (only.includes('prototype')) {
  const PAIRS = 5;
  const one = (file: string, ...args: string[]) =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', new URL(file, import.meta.url).pathname, ...args], { encoding: 'utf8' }).trim().split('\n').pop()!);
  const load0 = loadavg()[0];
  const runs = { prototype: [] as { seconds: number; cpuSeconds: number }[], standard: [] as { seconds: number; cpuSeconds: number }[] };
  for (let i = 0; i < PAIRS; i++) {
    // Alternate which goes first, so neither always runs on a machine the other just warmed.
    const order = i % 2 === 0 ? (['prototype', 'standard'] as const) : (['standard', 'prototype'] as const);
    for (const which of order) runs[which].push(which === 'prototype' ? one('./prototype.ts') : one('./case.ts', 'standard'));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const m = (which: keyof typeof runs, key: 'seconds' | 'cpuSeconds') => median(runs[which].map((r) => r[key]));
  console.log(`prototype: the standard year, fast path (all statistics) against a bare event calendar (answered/abandoned counts only), ${PAIRS} pairs`);
  console.log(
    `  fast path median wall ${m('standard', 'seconds').toFixed(2)} s, CPU ${m('standard', 'cpuSeconds').toFixed(2)} s | prototype wall ${m('prototype', 'seconds').toFixed(2)} s, CPU ${m('prototype', 'cpuSeconds').toFixed(2)} s`,
  );
  console.log(
    `  ratio ${(m('standard', 'seconds') / m('prototype', 'seconds')).toFixed(2)}× wall, ${(m('standard', 'cpuSeconds') / m('prototype', 'cpuSeconds')).toFixed(2)}× CPU (target ≤ 0.7×) | load average ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}\n`,
  );
}

// The Guangzhou staff command end to end (issue #19: ≤ 15 s): only when asked for, as it takes minutes of CPU.
if (only.includes('staffing-guangzhou')) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', new URL('./staffCommand.ts', import.meta.url).pathname], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop()!);
  console.log(`staffing-guangzhou: ${r.command} (target ≤ 15 s)`);
  console.log(
    `  wall ${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds.toFixed(1)} s, all threads) | peak RSS ${r.peakRssMB.toFixed(0)} MB | load average ${r.loadBefore.toFixed(1)} → ${r.loadAfter.toFixed(1)}`,
  );
  for (const l of r.answer) console.log(`  ${l}`);
  console.log('');
}

// Calibration intervals' coverage and the alternatives/tornado timing (issue #18): `npm run bench
// coverage alternatives`; in a full run too (several minutes each).
if (only.length === 0 || only.includes('coverage')) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', new URL('./coverage.ts', import.meta.url).pathname], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const r = JSON.parse(out.trim().split('\n').pop()!);
  console.log('coverage: 95% calibration intervals against a known true share of the payroll on the phones (target: about 95%)');
  for (const x of r.results) {
    console.log(
      `  ${x.name}: ${x.covered} of ${x.seeds} intervals cover (${(x.coverage * 100).toFixed(0)}%) | width median ${x.medianWidth.toFixed(4)} ` +
        `(${x.minWidth.toFixed(4)}–${x.maxWidth.toFixed(4)}) | ${x.seconds.toFixed(0)} s`,
    );
  }
  console.log('');
}
if (only.length === 0 || only.includes('alternatives')) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', new URL('./alternatives.ts', import.meta.url).pathname], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop()!);
  console.log('alternatives: liaocheng-2024.yaml (2 weeks, 10 replications), calibrate --alternatives and budget --sensitivity (target < 120 s each)');
  console.log(`  calibrate --alternatives ${r.alternativesSeconds.toFixed(1)} s | budget --sensitivity ${r.sensitivitySeconds.toFixed(1)} s`);
  for (const l of [...r.alternatives, ...r.sensitivity]) console.log(`    ${l}`);
  console.log('');
}

// Parallel cases: one process per measurement, on the bundled worker (built here, so it is current).
if (parallel.length) execFileSync(process.execPath, [new URL('../cli/build.mjs', import.meta.url).pathname]);
function parallelRun(...args: string[]) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', new URL('./parallel.ts', import.meta.url).pathname, ...args], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}
/**
 * What 2 free cores would give, from CPU time (which other programs on a shared machine do not
 * inflate): the 1-thread run's CPU seconds against the busier of the main thread (its share and
 * the folding) and the busiest worker thread.
 */
function cpuEstimate(one: { cpuSeconds: number }, two: { threads: { main: number; others: number[] } | null }): string {
  if (!two.threads) return 'per-thread CPU not available (Linux only)';
  // The main thread simulates its share and folds between its replications: the slower of it and the busiest worker.
  const busiest = two.threads.others[0] ?? 0;
  const wall = Math.max(busiest, two.threads.main);
  return (
    `CPU: 1 thread ${one.cpuSeconds.toFixed(1)} s; with 2, main thread ${two.threads.main.toFixed(1)} s, busiest threads ` +
    `${two.threads.others.slice(0, 2).map((x) => x.toFixed(1)).join(' and ')} s → on 2 free cores about ${wall.toFixed(1)} s, speed-up ${(one.cpuSeconds / wall).toFixed(2)}`
  );
}
const machine = async () => `load average ${loadavg()[0].toFixed(1)}, cores free by a control loop ${(await effectiveCores()).toFixed(2)} of 2`;

if (parallel.includes('pool')) {
  console.log('pool: 10 replications of the standard year (above), on 1 thread and on 2 (this one and a worker); then piscina on 2 workers');
  console.log(`  machine before: ${await machine()}`);
  const one = parallelRun('year', '1');
  const two = parallelRun('year', '2');
  const pis = parallelRun('year', '2', 'piscina');
  console.log(`  machine after: ${await machine()}`);
  if (one.connectionRate !== two.connectionRate || one.connectionRate !== pis.connectionRate) throw new Error('results differ between worker counts');
  const R = 10;
  // Projection to more cores: T(n) = serial + ceil(R / n) × one replication, from CPU time (the
  // main thread's, in the 1-worker run), which other programs sharing the machine do not inflate.
  const ran = one.threads ? one.threads.main / one.seconds : 1; // share of the wall time the thread had a core
  const serial = (one.foldSeconds + one.finishSeconds) * ran;
  const perRep = ((one.threads?.main ?? one.seconds) - serial) / R;
  const single = serial + R * perRep;
  const projected = (n: number) => serial + Math.ceil(R / n) * perRep;
  console.log(
    `  1 thread ${one.seconds.toFixed(2)} s | 2 threads ${two.seconds.toFixed(2)} s (speed-up ${(one.seconds / two.seconds).toFixed(2)}, target 1.8) | ` +
      `piscina 2 workers ${pis.seconds.toFixed(2)} s | peak RSS ${one.peakRssMB.toFixed(0)} / ${two.peakRssMB.toFixed(0)} / ${pis.peakRssMB.toFixed(0)} MB`,
  );
  console.log(`  ${cpuEstimate(one, two)}`);
  console.log(
    `  CPU per replication ${perRep.toFixed(2)} s, serial part (folding in order + summary) ${serial.toFixed(2)} s: on free cores ` +
      `${single.toFixed(1)} s on 1, ${projected(8).toFixed(1)} s on 8 (${(single / projected(8)).toFixed(1)}x: 2 rounds of replications), ` +
      `${projected(16).toFixed(1)} s on 16 (${(single / projected(16)).toFixed(1)}x: 10 replications use only 10 cores)\n`,
  );
}

if (parallel.includes('sweep')) {
  console.log('sweep: Liaocheng scenario, 100 head counts (agents.headcount=150..348:2) x 10 replications of one week');
  console.log(`  machine before: ${await machine()}`);
  const runs = [1, 2, 3].map((w) => parallelRun('sweep', String(w)));
  console.log(`  machine after: ${await machine()}`);
  if (new Set(runs.map((r) => r.checksum)).size !== 1) throw new Error('sweep results differ between worker counts');
  console.log(
    `  1 worker ${runs[0].seconds.toFixed(2)} s | 2 workers ${runs[1].seconds.toFixed(2)} s (speed-up ${(runs[0].seconds / runs[1].seconds).toFixed(2)}, target 1.8) | ` +
      `checking the grid ${runs[0].planSeconds.toFixed(2)} s of it`,
  );
  console.log(`  ${cpuEstimate(runs[0], runs[1])}`);
  console.log(
    `  peak RSS ${runs.map((r) => r.peakRssMB.toFixed(0)).join(' / ')} MB with 1 (no worker thread) / 2 / 3 workers: ` +
      `about ${(runs[2].peakRssMB - runs[1].peakRssMB).toFixed(0)} MB per worker thread\n`,
  );
}

// Start-up of short commands, whole processes (bench/startup.ts; npm run bench -- startup).
if (only.length === 0 || only.includes('startup')) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', new URL('./startup.ts', import.meta.url).pathname], { encoding: 'utf8' });
  console.log(out.trimEnd().split('\n').slice(0, -1).join('\n') + '\n');
}

// The workbench page (bench/web.ts): only when asked for (npm run bench -- web), as it needs Chromium.
if (only.includes('web')) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', new URL('./web.ts', import.meta.url).pathname], { encoding: 'utf8' });
  console.log(out.trimEnd());
}
