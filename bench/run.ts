// npm run bench: each case in its own process (so peak RSS is its own), one replication, timings on stderr-free stdout.
import { execFileSync } from 'node:child_process';
import { BENCH_CASES } from './cases.ts';

const only = process.argv.slice(2);
const names = only.length ? only.filter((n) => n !== 'staffing' && n !== 'calibration') : Object.keys(BENCH_CASES);
const withStaffing = only.length === 0 || only.includes('staffing');
const withCalibration = only.length === 0 || only.includes('calibration');
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
