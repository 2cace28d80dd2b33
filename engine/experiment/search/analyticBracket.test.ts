import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse.ts';
import { analyticAgentsOnSeat } from './analyticBracket.ts';
import { minimumHeadcountForTarget } from './headcountSearch.ts';

// A day shaped like a hotline's (quiet night, busy morning), every distribution exponential, so
// Erlang A per interval is close to the simulation and the bracket's spread is what is tested.
const DAY = [20, 12, 10, 8, 8, 10, 20, 50, 110, 170, 180, 160, 110, 120, 165, 170, 150, 120, 85, 75, 65, 50, 36, 26];
const scenario = (profile: 'demand' | 'flat') =>
  parseScenario(`name: bracket test
horizon: { days: 1 }
arrivals: { callsPerHour: [${DAY.join(', ')}] }
talkTime: { distribution: exponential, mean: 240 }
patience: { distribution: exponential, mean: 120 }
agents: { headcount: 100, peoplePerSeat: 5, profile: ${profile}, minOnSeat: 1 }
replications: 4
seed: 5
`);

describe('the analytic bracket of the head-count search', () => {
  it('spreads the agents as the scenario does: following demand needs far fewer on average than flat', () => {
    const target = { kind: 'connectionRate', value: 0.95 } as const;
    const demand = analyticAgentsOnSeat(scenario('demand'), target).agentsOnSeat;
    const flat = analyticAgentsOnSeat(scenario('flat'), target).agentsOnSeat;
    // Flat agents must cover the 180 calls/h peak (~12 agents at 240 s); the mean load is ~6.
    expect(demand).toBeLessThan(0.8 * flat);
  });

  it('starts the demand-profile search next to its simulated answer, so few staffings are simulated', () => {
    const s = scenario('demand');
    const r = minimumHeadcountForTarget(s, { kind: 'connectionRate', value: 0.95 }, { peoplePerSeat: 5, period: 'horizon' });
    expect(r.kpi.mean).toBeGreaterThanOrEqual(0.95);
    // Within two agents on seat (Erlang A is near exact with exponential times; the day starts empty).
    expect(Math.abs(r.analytic.agentsOnSeat - r.agentsOnSeat)).toBeLessThanOrEqual(2);
    // The bracket (±1, ±2) and bisection on agents, then on the head count between n − 1 and n agents.
    expect(r.evaluations.length).toBeLessThanOrEqual(8);
  });
});
