import { describe, expect, it } from 'vitest';
import { describePayroll, EVERYONE_ON_PHONES, payrollHeadcount, phonePeople, type Payroll } from './payroll.ts';
import { agentsForHeadcount, minimumHeadcountForAgents } from '../experiment/studies/budgetStudy.ts';

const share: Payroll = { phoneShare: 0.85, offPhone: null, given: true };
const roles: Payroll = { phoneShare: null, offPhone: { dispatcher: 12, qualityInspector: 6, teamLeader: 8, trainer: 2 }, given: true };

describe('payroll: who takes calls', () => {
  it('a phone share scales the head count', () => {
    expect(phonePeople(237, share)).toBeCloseTo(201.45, 10);
    expect(payrollHeadcount(201.45, share)).toBe(237);
    // 237 × 0.85 / 3 = 67.15 → 67 on seat
    expect(agentsForHeadcount(237, 3, share)).toBe(67);
  });
  it('off-phone roles are subtracted, and added back', () => {
    expect(phonePeople(237, roles)).toBe(209);
    expect(payrollHeadcount(209, roles)).toBe(237);
    expect(agentsForHeadcount(237, 6, roles)).toBe(35); // 209 / 6 = 34.8
  });
  it('the minimum head count for a number on seat inverts agentsForHeadcount', () => {
    for (const p of [EVERYONE_ON_PHONES, share, roles]) {
      for (const n of [1, 7, 25, 40, 67]) {
        const h = minimumHeadcountForAgents(n, 3, p);
        expect(agentsForHeadcount(h, 3, p)).toBe(n);
        expect(agentsForHeadcount(h - 1, 3, p)).toBeLessThan(n);
      }
    }
  });
  it('says what it assumed', () => {
    expect(describePayroll(EVERYONE_ON_PHONES)).toMatch(/everyone/);
    expect(describePayroll(share, 237)).toBe('201.4 of 237 take calls (phone share 85% of the payroll)');
    expect(describePayroll(roles, 237)).toMatch(/209 of 237 take calls; off the phones: 12 dispatcher 派单员/);
  });
});

describe('agents following demand', () => {
  it('the scenario and the budget search spread a head count by the same rule', async () => {
    const { parseScenario } = await import('../scenario/load.ts');
    const { withFlatHeadcount } = await import('../experiment/studies/budgetStudy.ts');
    const s = parseScenario(`
name: d
horizon: { days: 2 }
arrivals: { dailyCalls: 3000, intradayShape: [1, 1, 1, 1, 1, 1, 2, 4, 8, 9, 9, 8, 6, 7, 8, 8, 7, 5, 4, 3, 2, 2, 1, 1] }
talkTime: { distribution: exponential, mean: 150 }
patience: { distribution: exponential, mean: 120 }
agents: { headcount: 90, peoplePerSeat: 5, profile: demand, minOnSeat: 2 }
payroll: { phoneShare: 0.8 }
`);
    expect(withFlatHeadcount(s, 90, 5).agents).toEqual(s.agents);
    const mean = s.agents.reduce((a, b) => a + b, 0) / s.agents.length;
    expect(Math.abs(mean - (90 * 0.8) / 5)).toBeLessThan(1); // 14.4 on average, each interval rounded
    expect(Math.min(...s.agents)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...s.agents)).toBeGreaterThan(25); // the peak gets about twice the average
  });
});
