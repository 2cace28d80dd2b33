// Calibration benchmark: a Liaocheng-scale year (1,759,160 calls, 48 intervals a day, agents on
// seat following demand), one unknown (the work-order wrap-up mean) fitted to a connection rate,
// 5 replications a simulation. Target: under 30 s on a 2-core machine.
import { calibrate } from '../engine/index.ts';

const DAY = [0.8, 0.5, 0.4, 0.3, 0.3, 0.4, 0.8, 2.0, 4.5, 7.0, 7.5, 6.5, 4.5, 5.0, 6.8, 7.0, 6.3, 5.0, 3.5, 3.0, 2.6, 2.0, 1.5, 1.1];
const yaml = `
name: Liaocheng-scale calibration (benchmark)
startDate: 2024-01-01
horizon: { days: 366 }
arrivals: { annualCalls: 1759160, weekdayShape: [1.15, 1.05, 1.0, 1.0, 1.0, 0.85, 0.80], intradayShape: [${DAY.join(', ')}] }
talkTime: { distribution: lognormal, mean: 150, cv: 1.0 }
wrapUpTime: { distribution: gamma, mean: 60, cv: 0.5 }
patience: { distribution: exponential, mean: 120 }
agents: { headcount: 110, peoplePerSeat: 4, profile: demand, minOnSeat: 2 }
seed: 2024
replications: 5
`;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const r = calibrate(yaml, 'bench:calibration', { fields: ['wrapUpTime.mean'], observed: [{ metric: 'connectionRate', value: 0.95 }], sensitivity: [] });
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const f = r.fitted['wrapUpTime.mean'];
process.stdout.write(
  JSON.stringify({
    name: 'calibration',
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    evaluations: r.evaluations,
    value: f.value,
    ciLow: f.ciLow,
    ciHigh: f.ciHigh,
    simulated: r.simulated.connectionRate.mean,
    calls: r.run.simulatedCalls,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
