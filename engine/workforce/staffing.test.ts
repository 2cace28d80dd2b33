import { describe, expect, it } from 'vitest';
import { EVERYONE_ON_PHONES, type Payroll } from './payroll.ts';
import {
  agentsForHeadcount,
  demandProfile,
  describePayroll,
  floorAddedPeople,
  floorHeadcount,
  headcountForOnSeatMean,
  minimumHeadcountForAgents,
  minimumHeadcountInProfile,
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

/** A small scenario on a day's call curve, with the given agents section (and anything after it). */
function dayCurveScenario(days: number, dailyCalls: number, agents: string): string {
  return `
name: d
horizon: { days: ${days} }
arrivals: { dailyCalls: ${dailyCalls}, intradayShape: [1, 1, 1, 1, 1, 1, 2, 4, 8, 9, 9, 8, 6, 7, 8, 8, 7, 5, 4, 3, 2, 2, 1, 1] }
talkTime: { distribution: exponential, mean: 150 }
patience: { distribution: exponential, mean: 120 }
agents: ${agents}
`;
}

describe('agents following demand', () => {
  it('the scenario and the budget search spread a head count by the same rule', async () => {
    const { parseScenario } = await import('../scenario/parse.ts');
    const { scenarioAtHeadcount } = await import('../experiment/studies/budgetStudy.ts');
    const s = parseScenario(dayCurveScenario(2, 3000, '{ headcount: 90, peoplePerSeat: 5, profile: demand, minOnSeat: 2 }\npayroll: { phoneShare: 0.8 }'));
    expect(scenarioAtHeadcount(s, 90, 5).agents).toEqual(s.agents);
    const mean = s.agents.reduce((a, b) => a + b, 0) / s.agents.length;
    expect(Math.abs(mean - (90 * 0.8) / 5)).toBeLessThanOrEqual(0.5 / s.agents.length); // 14.4 on average: the seat-hours kept
    expect(Math.min(...s.agents)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...s.agents)).toBeGreaterThan(25); // the peak gets about twice the average
  });
});

/** A seeded linear congruential generator (the property tests are reproducible). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

describe('the demand profile keeps the seat-hours (#21 item 3)', () => {
  it('over random profiles: the total is round(mean × n), no interval is below the floor, each is its water-filled share rounded down or up', () => {
    const rnd = lcg(21);
    for (let trial = 0; trial < 400; trial++) {
      const n = 1 + Math.floor(rnd() * 200);
      const min = Math.floor(rnd() * 4);
      // some intervals without calls, some identical (ties), the rest anything
      const base = rnd() * 50;
      const rates = Array.from({ length: n }, () => (rnd() < 0.15 ? 0 : rnd() < 0.3 ? base : rnd() * 100));
      const mean = min + rnd() * 20;
      const out = demandProfile(mean, rates, min);
      expect(out.length).toBe(n);
      expect(out.reduce((a, b) => a + b, 0)).toBe(Math.round(mean * n));
      expect(Math.min(...out)).toBeGreaterThanOrEqual(min);
      expect(out.every(Number.isInteger)).toBe(true);
      // the continuous profile Σ max(min, c·rᵢ) = mean × n: each whole number is within one seat of it
      if (rates.some((r) => r > 0)) {
        const exact = (c: number) => rates.map((r) => Math.max(min, c * r));
        let lo = 0;
        let hi = 1e6;
        for (let k = 0; k < 80; k++) {
          const c = (lo + hi) / 2;
          if (exact(c).reduce((a, b) => a + b, 0) < mean * n) lo = c;
          else hi = c;
        }
        const worst = Math.max(...exact(hi).map((x, i) => Math.abs(out[i] - x)));
        expect(worst).toBeLessThan(1 + 1e-6);
      }
    }
  });

  it('a busier interval never gets fewer agents than a quieter one', () => {
    const rnd = lcg(7);
    for (let trial = 0; trial < 100; trial++) {
      const rates = Array.from({ length: 48 }, () => rnd() * 30);
      const out = demandProfile(1 + rnd() * 10, rates, 1);
      const byRate = rates.map((r, i) => [r, out[i]]).sort((a, b) => a[0] - b[0]);
      expect(byRate.every(([, a], k) => k === 0 || a >= byRate[k - 1][1])).toBe(true);
    }
  });

  it('identical days share their extra seats evenly over the horizon, not at its start', () => {
    const day = [1, 1, 1, 1, 1, 1, 2, 4, 8, 9, 9, 8, 6, 7, 8, 8, 7, 5, 4, 3, 2, 2, 1, 1];
    const days = 28;
    const out = demandProfile(3.3, Array.from({ length: 24 * days }, (_, k) => day[k % 24]), 1);
    const perDay = Array.from({ length: days }, (_, d) => out.slice(d * 24, d * 24 + 24).reduce((a, b) => a + b, 0));
    const firstHalf = perDay.slice(0, days / 2).reduce((a, b) => a + b, 0);
    const secondHalf = perDay.slice(days / 2).reduce((a, b) => a + b, 0);
    expect(Math.abs(firstHalf - secondHalf)).toBeLessThanOrEqual(2);
    expect(Math.max(...perDay) - Math.min(...perDay)).toBeLessThanOrEqual(2);
  });

  it('Yongchuan-sized lines: 10 people at 6 per seat are 10/6 on seat on average, 8 are 8/6 (were 1.9 and 1.6)', () => {
    const day = [0.8, 0.5, 0.4, 0.3, 0.3, 0.4, 0.8, 2.0, 4.5, 7.0, 7.5, 6.5, 4.5, 5.0, 6.8, 7.0, 6.3, 5.0, 3.5, 3.0, 2.6, 2.0, 1.5, 1.1];
    const rates = Array.from({ length: 48 * 365 }, (_, k) => day[Math.floor((k % 48) / 2)]);
    for (const people of [8, 10, 12]) {
      const out = onSeatForHeadcount(people, 6, EVERYONE_ON_PHONES, 'demand', 1, rates);
      expect(out.reduce((a, b) => a + b, 0)).toBe(Math.round((people / 6) * rates.length));
      expect(Math.min(...out)).toBe(1);
    }
  });

  it('a head count too small for the floor: the floor is on seat, and the people it needs are added to the priced head count', async () => {
    const rates = [1, 2, 5, 9, 5, 2];
    // 4 people at 6 per seat = 0.67 on seat on average, below the floor of 1
    expect(demandProfile(4 / 6, rates, 1)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(floorHeadcount(1, 6, EVERYONE_ON_PHONES)).toBe(6);
    expect(floorAddedPeople(4, 6, EVERYONE_ON_PHONES, 'demand', 1)).toBe(2);
    expect(floorAddedPeople(6, 6, EVERYONE_ON_PHONES, 'demand', 1)).toBe(0);
    expect(floorAddedPeople(4, 6, EVERYONE_ON_PHONES, 'flat', 1)).toBe(0);
    // with people off the phones, the floor's people are those on the phones plus them
    expect(floorHeadcount(2, 6, roles)).toBe(12 + 28);
    const { parseScenario } = await import('../scenario/parse.ts');
    const s = parseScenario(dayCurveScenario(1, 40, '{ headcount: 4, peoplePerSeat: 6, profile: demand, minOnSeat: 1 }'));
    expect(new Set(s.agents)).toEqual(new Set([1]));
    expect(s.staffing.floorAdded).toBe(2);
    expect(studyHeadcount(s.staffing, 1, undefined)).toEqual({ headcount: 6, peoplePerSeat: 6, implied: false });
    // a search never answers below the floor's head count
    expect(minimumHeadcountInProfile(1, 6, s.staffing)).toBe(6);
    expect(minimumHeadcountInProfile(0, 6, s.staffing)).toBe(6);
    expect(minimumHeadcountInProfile(2, 6, s.staffing)).toBe(minimumHeadcountForAgents(2, 6));
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
    expect(s.staffing).toEqual({ form: 'headcount', headcount: 64, peoplePerSeat: 5, payroll: roles, profile: 'flat', minOnSeat: 1, roster: null, floorAdded: 0 });
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
    // the same seat-hours as 14.6 on seat all day: 14.6 × 24 = 350.4 → 350
    expect(s.agents.reduce((a, b) => a + b, 0)).toBe(350);
    expect(s.staffing.floorAdded).toBe(0);
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
