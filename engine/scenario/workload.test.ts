// The workload fields through the scenario format: parsed, resolved, and simulated.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../experiment/studies/run.ts';
import { parseScenario } from './parse.ts';
import { loadScenario } from './load.ts';

const BASE = `
name: t
startDate: 2024-09-30
horizon: { days: 7 }
arrivals: { dailyCalls: 4800 }
talkTime: { distribution: exponential, mean: 150 }
patience: { distribution: exponential, mean: 120 }
agents: 12
replications: 2
`;

describe('workload fields in scenarios', () => {
  it('special days and statutory holidays multiply their days', () => {
    const plain = parseScenario(BASE, 'x.yaml');
    const s = parseScenario(
      BASE.replace('{ dailyCalls: 4800 }', '{ dailyCalls: 4800, statutoryHolidayFactor: 0.5, specialDays: [{ name: storm, date: 2024-09-30, factor: 1.55 }] }'),
      'x.yaml',
    );
    const day = (r: number[], d: number) => r.slice(d * 48, (d + 1) * 48).reduce((a, b) => a + b, 0) / 2;
    expect(day(s.callsPerHour, 0)).toBeCloseTo(day(plain.callsPerHour, 0) * 1.55, 6); // 30 Sept: the storm
    expect(day(s.callsPerHour, 1)).toBeCloseTo(day(plain.callsPerHour, 1) * 0.5, 6); // 1 Oct: National Day
    expect(day(s.callsPerHour, 3)).toBeCloseTo(day(plain.callsPerHour, 3) * 0.5, 6); // 3 Oct, the last statutory day
    expect(day(s.callsPerHour, 4)).toBeCloseTo(day(plain.callsPerHour, 4), 6); // 4 Oct: a rest day moved by the calendar, not statutory
  });

  it('refuses what it cannot mean, naming the field', () => {
    const bad: [string, RegExp][] = [
      [BASE.replace('{ dailyCalls: 4800 }', '{ dailyCalls: 4800, specialDays: [{ name: x, date: 2024-02-30, factor: 2 }] }'), /arrivals\.specialDays\[0\]\.date: .*calendar date/],
      [BASE + 'outbound: { daily: { tasks: 10, deadline: "24 h" }, talkTime: { distribution: exponential, mean: 175 }, window: { from: "09:15", to: "21:00" } }\n', /outbound\.window\.from: .*interval boundaries/],
      [BASE + 'outbound: { talkTime: { distribution: exponential, mean: 175 } }\n', /outbound: give fromAnswered, daily, or both/],
      [BASE.replace('talkTime: { distribution: exponential, mean: 150 }\n', ''), /talkTime: give talkTime \(or callTypes\)/],
      [BASE + 'callTypes: [{ name: a, share: 1, talkTime: { distribution: exponential, mean: 100 } }]\n', /talkTime: give talkTime or callTypes, not both/],
      [BASE + 'payroll: { phoneShare: 1.2 }\n', /payroll\.phoneShare/],
      [BASE + 'ivr: { selfServiceShare: -0.1 }\n', /ivr\.selfServiceShare/],
    ];
    for (const [text, message] of bad) {
      let error: unknown;
      try {
        parseScenario(text, 'x.yaml');
      } catch (e) {
        error = e;
      }
      expect(String(error)).toMatch(message);
    }
  });

  it('the shipped example uses every workload field and runs on the event path', () => {
    const s = loadScenario(new URL('../../scenarios/changzhou-2021.yaml', import.meta.url).pathname, { horizonHours: 48, replications: 2 });
    expect(s.callTypes?.length).toBe(2);
    expect(s.outbound && s.online && s.redial && s.lines && s.ivrSelfServiceShare > 0 && s.dayToDayCv > 0 && s.payroll.offPhone).toBeTruthy();
    const r = runScenario(s);
    expect(r.path).toBe('events');
    for (const id of ['personConnectionRate', 'blockedRate', 'ivrCompleted', 'outboundDone', 'onlineWithinTarget']) {
      expect(r.totals[id], id).toBeDefined();
    }
    expect(r.callTypes!.map((t) => t.zh)).toEqual(['咨询', '工单']);
    expect(r.attempts![0].peopleAnswered.mean).toBeGreaterThan(0);
    expect(r.workload.join(' ')).toMatch(/回访/);
  });
});
