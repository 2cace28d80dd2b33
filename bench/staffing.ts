// Staffing benchmark: a Liaocheng-scale week (2.07M requests/year, SOURCES.md), 48 intervals a day,
// 20 candidate shift patterns, simulation-corrected requirement, HiGHS schedule, simulated check.
import { loadScenario, staffScenario } from '../engine/index.ts';

const base = loadScenario(new URL('../scenarios/liaocheng-2024.yaml', import.meta.url).pathname, { horizonHours: 7 * 24, replications: 10 });
const scenario = {
  ...base,
  workforce: {
    ...base.workforce,
    // 20 patterns: 8-hour and 4-hour shifts starting every 2.5 hours, worked every day.
    scheduleOptimisation: { candidates: { startEveryMinutes: 150, lengths: [8], partTime: [4], workDays: 'every-day' as const }, mipRelGap: 0.005, timeLimitSeconds: 10 },
  },
};
const t0 = performance.now();
const study = await staffScenario(scenario, { kind: 'connectionRate', value: 0.95 });
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(
  JSON.stringify({
    name: 'staffing',
    seconds,
    requirementSeconds: study.seconds.requirement,
    scheduleSeconds: study.seconds.schedule,
    ipSolveSeconds: study.schedule.solveSeconds,
    checkSeconds: study.seconds.check,
    patterns: study.schedule.model.candidates,
    solverStatus: study.schedule.solverStatus,
    headcount: study.schedule.headcount,
    rounds: study.requirement.rounds,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
