// Issue #3's acceptance checks for the roster solver, on a small line so they run in seconds.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse.ts';
import { onSeatFromRosterInt } from '../../workforce/roster.ts';
import { runScenario } from '../studies/run.ts';
import { staffScenario } from './staffing.ts';

const DAY = [10, 8, 6, 6, 6, 8, 20, 50, 90, 120, 130, 120, 90, 100, 120, 120, 110, 90, 70, 50, 40, 30, 20, 15];
const yaml = (extra = '') => `name: staffing test line
startDate: 2024-03-04
horizon: { days: 7 }
arrivals: { callsPerHour: [${DAY.join(', ')}] }
talkTime: { distribution: lognormal, mean: 180, cv: 1 }
wrapUpTime: { distribution: deterministic, value: 30 }
patience: { distribution: exponential, mean: 100 }
agents: 1
replications: 20
seed: 5
scheduleOptimisation:
  candidates: { startEveryMinutes: 120, lengths: [8], partTime: false, workDays: every-day }
${extra}`;

const target = { kind: 'connectionRate' as const, value: 0.9 };

describe('staffing: requirement -> roster -> simulation', () => {
  it('gives a roster that meets the target in simulation, and one person fewer on the busiest shift breaks it', async () => {
    const scenario = parseScenario(yaml());
    const study = await staffScenario(scenario, target, { confidence: 0.8 });
    expect(study.schedule.uncovered).toEqual([]);
    // Meets: no interval's 95% CI lies wholly below the target.
    for (const row of study.run.intervals) expect(row.metrics.connectionRate.ciHigh!).toBeGreaterThanOrEqual(target.value);
    expect(study.run.totals.connectionRate.mean).toBeGreaterThanOrEqual(target.value);

    // Minimal: one person fewer on the busiest pattern leaves some interval clearly below the target.
    const [busiest] = Object.entries(study.schedule.peoplePerPattern).sort((a, b) => b[1] - a[1])[0];
    const fewer = { patterns: { ...study.schedule.roster.patterns } };
    const variant = Object.keys(fewer.patterns).find((name) => name === busiest || name.startsWith(`${busiest} |`))!;
    fewer.patterns[variant] -= 1;
    const onSeat = Array.from(onSeatFromRosterInt(fewer, study.schedule.shifts, undefined, { startDate: scenario.startDate, days: 7, intervalMinutes: 30 }));
    const worse = runScenario({ ...scenario, agents: onSeat, replications: 20 });
    const clearlyBelow = worse.intervals.filter((r) => r.metrics.connectionRate.ciHigh! < target.value);
    expect(clearlyBelow.length).toBeGreaterThan(0);
  });

  it('returns a schedule and the uncovered intervals when the requirement cannot be covered', async () => {
    const scenario = parseScenario(yaml('  maxPeoplePerPattern: 1\n'));
    const study = await staffScenario(scenario, target, { confidence: 0.5, replications: 8, checkReplications: 4 });
    expect(Object.keys(study.schedule.peoplePerPattern).length).toBeGreaterThan(0);
    expect(study.schedule.uncovered.length).toBeGreaterThan(0);
    for (const u of study.schedule.uncovered) expect(u.covered).toBeLessThan(u.required);
  });
});
