// Runs one benchmark case in this process and prints one JSON line (the parent collects them).
import { parseScenario, runScenario } from '../engine/index.ts';
import { BENCH_CASES } from './cases.ts';

const name = process.argv[2];
const c = BENCH_CASES[name];
if (!c) throw new Error(`unknown bench case ${name}`);
const scenario = parseScenario(c.yaml(), `bench:${name}`);
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
// All of the report's statistics: per-interval counters, the four service levels, waits, occupancy, and the per-interval rows.
const result = runScenario(scenario, { path: c.path ?? 'auto' });
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
// CPU time of this process as well: on a shared machine wall time also measures the neighbours.
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(
  JSON.stringify({
    name,
    seconds,
    cpuSeconds,
    calls: result.simulatedCalls,
    events: result.simulatedEvents,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    connectionRate: result.totals.connectionRate.mean,
    occupancy: result.totals.occupancy.mean,
    intervals: result.intervals.length,
    path: result.path,
  }) + '\n',
);
