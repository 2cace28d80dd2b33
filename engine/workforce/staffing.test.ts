import { describe, expect, it } from 'vitest';
import { EVERYONE_ON_PHONES, type Payroll } from './payroll.ts';
import {
  agentsForHeadcount,
  demandProfile,
  describePayroll,
  headcountForOnSeatMean,
  minimumHeadcountForAgents,
  onSeatForHeadcount,
  payrollHeadcount,
  phonePeople,
  staffingAtHeadcount,
  studyHeadcount,
} from './staffing.ts';

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
    const { parseScenario } = await import('../scenario/parse.ts');
    const { scenarioAtHeadcount } = await import('../experiment/studies/budgetStudy.ts');
    const s = parseScenario(`
name: d
horizon: { days: 2 }
arrivals: { dailyCalls: 3000, intradayShape: [1, 1, 1, 1, 1, 1, 2, 4, 8, 9, 9, 8, 6, 7, 8, 8, 7, 5, 4, 3, 2, 2, 1, 1] }
talkTime: { distribution: exponential, mean: 150 }
patience: { distribution: exponential, mean: 120 }
agents: { headcount: 90, peoplePerSeat: 5, profile: demand, minOnSeat: 2 }
payroll: { phoneShare: 0.8 }
`);
    expect(scenarioAtHeadcount(s, 90, 5).agents).toEqual(s.agents);
    const mean = s.agents.reduce((a, b) => a + b, 0) / s.agents.length;
    expect(Math.abs(mean - (90 * 0.8) / 5)).toBeLessThan(1); // 14.4 on average, each interval rounded
    expect(Math.min(...s.agents)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...s.agents)).toBeGreaterThan(25); // the peak gets about twice the average
  });
});

describe('the Staffing value a resolved scenario carries', () => {
  const BASE = `
name: s
horizon: { days: 1 }
intervalMinutes: 60
arrivals: { dailyCalls: 2400, intradayShape: [1, 1, 1, 1, 1, 1, 2, 4, 8, 9, 9, 8, 6, 7, 8, 8, 7, 5, 4, 3, 2, 2, 1, 1] }
talkTime: { distribution: exponential, mean: 150 }
patience: { distribution: exponential, mean: 120 }
`;
  const roles: Payroll = { phoneShare: null, offPhone: { dispatcher: 3, trainer: 1 }, given: true };

  it('head count, flat: resolve and staffingAtHeadcount give the same agents, and the value round-trips', async () => {
    const { parseScenario } = await import('../scenario/parse.ts');
    const s = parseScenario(BASE + 'agents: { headcount: 64, peoplePerSeat: 5 }\npayroll: { offPhone: { dispatcher: 3, trainer: 1 } }\n');
    expect(s.staffing).toEqual({ form: 'headcount', headcount: 64, peoplePerSeat: 5, payroll: roles, profile: 'flat', minOnSeat: 1, roster: null });
    expect(s.headcount).toBe(s.staffing.headcount);
    expect(new Set(s.agents)).toEqual(new Set([12])); // (64 − 4) / 5
    expect(staffingAtHeadcount(s.staffing, 64, 5, s.callsPerHour).agents).toEqual(s.agents);
    // head count → agents → the fewest people who put them on seat → the same agents
    for (let h = 5; h <= 200; h += 7) {
      const n = agentsForHeadcount(h, 5, roles);
      const back = minimumHeadcountForAgents(n, 5, roles);
      expect(back).toBeLessThanOrEqual(h);
      expect(agentsForHeadcount(back, 5, roles)).toBe(n);
    }
  });

  it('head count, following demand: the unrounded mean spread by the calls, never below minOnSeat', async () => {
    const { parseScenario } = await import('../scenario/parse.ts');
    const s = parseScenario(BASE + 'agents: { headcount: 73, peoplePerSeat: 5, profile: demand, minOnSeat: 5 }\n');
    expect(s.staffing.profile).toBe('demand');
    expect(s.agents).toEqual(demandProfile(73 / 5, s.callsPerHour, 5));
    expect(onSeatForHeadcount(73, 5, s.payroll, 'demand', 5, s.callsPerHour)).toEqual(s.agents);
    expect(Math.min(...s.agents)).toBe(5); // the quiet hours alone would get 4
    expect(Math.max(...s.agents)).toBe(32);
  });

  it('a roster: agents from its shifts, head count = its people + the payroll off the phones; a study supplies people per seat', async () => {
    const { parseScenario } = await import('../scenario/parse.ts');
    const s = parseScenario(
      BASE +
        'payroll: { offPhone: { dispatcher: 3, trainer: 1 } }\nshifts:\n  白: { start: "08:00", lengthHours: 8 }\n  夜: { start: "20:00", lengthHours: 12 }\nroster:\n  patterns: { 白: 9, 夜: 4 }\n',
    );
    expect(s.staffing.form).toBe('roster');
    expect(s.staffing.roster?.people).toBe(13);
    expect(s.staffing.headcount).toBe(17);
    expect(s.staffing.peoplePerSeat).toBeNull();
    expect(s.workforce.rosterHeadcount).toEqual(s.staffing.roster);
    expect(studyHeadcount(s.staffing, 5, 4)).toEqual({ headcount: 17, peoplePerSeat: 4, implied: false });
    // at another head count the roster gives way to the head-count form, the payroll kept
    const at = staffingAtHeadcount(s.staffing, 44, 4, s.callsPerHour);
    expect(at.staffing).toMatchObject({ form: 'headcount', headcount: 44, peoplePerSeat: 4, roster: null, payroll: roles });
    expect(new Set(at.agents)).toEqual(new Set([10]));
  });

  it('agents given directly: no head count unless a study gives people per seat, then the fewest who put the mean on seat', async () => {
    const { parseScenario } = await import('../scenario/parse.ts');
    const s = parseScenario(BASE + 'agents: 12\npayroll: { phoneShare: 0.8 }\n');
    expect(s.staffing).toMatchObject({ form: 'agents', headcount: null, peoplePerSeat: null });
    expect(studyHeadcount(s.staffing, 12, undefined)).toEqual({ headcount: null, peoplePerSeat: null, implied: false });
    const implied = studyHeadcount(s.staffing, 12, 6);
    expect(implied).toEqual({ headcount: minimumHeadcountForAgents(12, 6, s.payroll), peoplePerSeat: 6, implied: true });
    expect(agentsForHeadcount(implied.headcount!, 6, s.payroll)).toBe(12);
    expect(headcountForOnSeatMean(12.5, 6, s.payroll)).toBe(payrollHeadcount(75, s.payroll));
  });
});
