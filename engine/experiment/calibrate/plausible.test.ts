import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse.ts';
import { ScenarioError } from '../../scenario/errors.ts';
import { alternatives } from './alternatives.ts';
import { plausibleRanges } from './plausible.ts';
import { sensitivityStudy, sensitivityVariants, sensitivityCsv } from './sensitivity.ts';
import type { DownstreamAnswer } from './answers.ts';

const small = (wrap: number) => `
name: small
horizon: { days: 1 }
arrivals: { callsPerHour: 120 }
talkTime: { distribution: lognormal, mean: 150, cv: 1 }
# PLAUSIBLE wrapUpTime.mean 20..200 s, central 60: a test range
#   continued here
wrapUpTime: { distribution: gamma, mean: ${wrap}, cv: 0.5 }
# PLAUSIBLE: prose, not a range
# PLAUSIBLE patience.mean 30..600 s: another
patience: { distribution: exponential, mean: 120 }
# PLAUSIBLE agents.peoplePerSeat 4..8: people per seat
# SETTLED BY: the head count
agents: { headcount: 48, peoplePerSeat: 6 }
seed: 3
replications: 3
`;

describe('PLAUSIBLE ranges', () => {
  it('reads field, range, unit, central and the reasoning with its continuation; prose is ignored', () => {
    const r = plausibleRanges(small(60), 'small.yaml');
    expect(r.map((p) => p.field)).toEqual(['wrapUpTime.mean', 'patience.mean', 'agents.peoplePerSeat']);
    expect(r[0]).toMatchObject({ low: 20, high: 200, unit: 's', central: 60, why: 'a test range continued here', line: 6 });
    expect(r[2]).toMatchObject({ low: 4, high: 8, unit: '', central: null });
  });

  it('refuses a malformed or backwards range in one line naming the file and line', () => {
    const bad = (line: string) => () => plausibleRanges(`name: x\n${line}\n`, 'x.yaml');
    expect(bad('# PLAUSIBLE patience.mean 600..30 s: backwards')).toThrow(/must go upwards/);
    expect(bad('# PLAUSIBLE patience.mean 30..600 s, central 900: out')).toThrow(/central value 900 lies outside/);
    expect(bad('# PLAUSIBLE patience.mean 30 to 600 s: words')).toThrow(ScenarioError);
    try {
      bad('# PLAUSIBLE patience.mean 30 to 600 s: words')();
    } catch (e) {
      expect(String(e)).toMatch(/^x\.yaml:2: PLAUSIBLE: write it as/);
    }
  });

  it('every shipped case states ranges that give valid scenarios at both ends', () => {
    const dir = new URL('../../../scenarios/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    for (const f of files) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      const ranges = plausibleRanges(text, f);
      expect(ranges.length, f).toBeGreaterThanOrEqual(3);
      for (const v of sensitivityVariants(text, f)) expect(() => parseScenario(v.text, f), `${f} ${v.range.field} ${v.end}`).not.toThrow();
    }
  });
});

describe('alternative explanations and sensitivity', () => {
  it('fits each candidate from the central values; the true one lands inside its range', () => {
    const published = 0.93;
    const rows = alternatives(small(60), 'small.yaml', { observed: [{ metric: 'connectionRate', value: published }] });
    expect(rows.map((r) => r.label)).toEqual(['after-call time', 'patience', 'people per seat']);
    for (const r of rows) {
      if (!r.fitted) {
        expect(r.note).toMatch(/out of reach/);
        continue;
      }
      expect(r.fitted.ciLow).toBeLessThanOrEqual(r.fitted.value);
      expect(r.fitted.ciHigh).toBeGreaterThanOrEqual(r.fitted.value);
      expect(r.inside).toBe(r.fitted.value >= r.plausible!.low && r.fitted.value <= r.plausible!.high);
      // the explanation's scenario reproduces the figure, with the others at their central values
      const s = parseScenario(r.text!);
      if (r.field !== 'wrapUpTime.mean') expect(s.wrapUpTime).toMatchObject({ mean: 60 });
    }
    expect(rows.some((r) => r.fitted)).toBe(true);
  }, 60_000);

  it('orders the tornado by the largest change in head count', () => {
    const base: DownstreamAnswer = { headcount: 100, agentsOnSeat: 16, kpi: { mean: 0.95, ciLow: 0.94, ciHigh: 0.96 }, outsourced: 1e7, inhouse: 9e6, calendarYear: 2024, years: 1 };
    const s = sensitivityStudy(small(60), 'small.yaml', base, (t) => {
      const sc = parseScenario(t);
      const mean = (d: unknown) => (d as { mean: number }).mean;
      const hc = 100 + (mean(sc.wrapUpTime) - 60) * 0.5 + (mean(sc.patience) === 30 ? 5 : 0);
      return { ...base, headcount: hc, outsourced: hc * 1e5 };
    });
    expect(s.rows.map((r) => r.field)).toEqual(['wrapUpTime.mean', 'patience.mean', 'agents.peoplePerSeat']);
    expect(s.rows[0].atLow!.headcount).toBe(80);
    expect(s.rows[0].atHigh!.headcount).toBe(170);
    expect(sensitivityCsv(s).split('\n')[1]).toMatch(/^"as the scenario gives it",,,base,,100,/);
  });
});
