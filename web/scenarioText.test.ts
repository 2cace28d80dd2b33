// The page's scenario YAML: the five numbers read from and written into every case (comments
// kept), and a new hotline the engine's own loader accepts.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../engine/scenario/parse.ts';
import { applyFiveNumbers, CASES, hasOnlineChannel, citations, moreInputs, NEW_HOTLINE_DEFAULTS, newHotlineText, readFiveNumbers, stampTerm } from './src/scenarioText.ts';

describe('the five numbers in a scenario text', () => {
  it('every case: unchanged numbers leave the text byte for byte; changed ones read back', () => {
    for (const c of CASES) {
      const f = readFiveNumbers(c.text);
      expect(applyFiveNumbers(c.text, f, f.headcount), c.id).toBe(c.text);
      const changed = { ...f, requests: Math.round(f.requests * 1.1), phoneShare: 0.75, monthlyWage: f.monthlyWage + 300, province: 'Hainan', city: '三亚' };
      const text = applyFiveNumbers(c.text, changed, 199);
      const back = readFiveNumbers(text);
      expect(back.headcount, c.id).toBe(199);
      expect(back.monthlyWage).toBe(changed.monthlyWage);
      expect(back.province).toBe('Hainan');
      expect(back.city).toBe('三亚');
      // phone calls and online requests are whole numbers in the file: the total moves by rounding only;
      // a case with no online channel models the phone calls alone
      const online = hasOnlineChannel(c.text);
      expect(Math.abs(back.requests - changed.requests * (online ? 1 : 0.75)) / changed.requests, c.id).toBeLessThan(0.001);
      expect(Math.abs(back.phoneShare - (online ? 0.75 : 1)), c.id).toBeLessThan(0.001);
      expect(text).toContain('# CITED'); // the sources stay with the figures
      const s = parseScenario(text, `${c.id}.yaml`);
      expect(s.headcount).toBe(199);
      expect(s.cost?.region?.province).toBe('Hainan');
      expect(citations(text)).toEqual(citations(c.text));
    }
  });

  it('a new hotline: the template case with the five numbers, no cited contract, loadable by the engine', () => {
    const f = { ...NEW_HOTLINE_DEFAULTS, requests: 2_000_000, phoneShare: 0.8, monthlyWage: 5000, province: '', city: '' };
    const text = newHotlineText(f, 150);
    const s = parseScenario(text, 'new.yaml');
    expect(s.headcount).toBe(150);
    expect(s.cost?.citedContract).toBeUndefined();
    expect(s.cost?.region).toBeUndefined(); // national defaults
    const back = readFiveNumbers(text);
    // online requests are whole numbers a day: 400,000 / 365 = 1,095.9 → 1,096 a day
    expect(back.requests).toBe(1_600_000 + 1096 * 365);
    expect(back.phoneShare).toBeCloseTo(0.8, 4);
    expect(back.monthlyWage).toBe(5000);
    // the other roles keep their ratio to the operator's wage (Liaocheng: manager 2 × operator)
    expect(text).toMatch(/manager:\n\s+monthlyWage: 10000/);
    expect(text.split('\n')[0]).toMatch(/^# A new 12345 hotline/);
  });

  it('the contract term travels in the first line, with the command that prices it', () => {
    const liaocheng = CASES.find((c) => c.id === 'liaocheng-2024')!;
    expect(readFiveNumbers(liaocheng.text).years).toBe(1); // its cited contract's
    const once = stampTerm(liaocheng.text, 3);
    const twice = stampTerm(once, 2.5);
    expect(twice.split('\n')[0]).toBe('# workbench: priced for a 2.5-year contract term: hotline-sim budget <this file> --no-simulate --years 2.5');
    expect(twice.split('\n').slice(1).join('\n')).toBe(liaocheng.text);
    expect(readFiveNumbers(twice).years).toBe(2.5);
  });

  it('"more" shows each default with the comment that sources it', () => {
    const liaocheng = CASES.find((c) => c.id === 'liaocheng-2024')!;
    const more = Object.fromEntries(moreInputs(liaocheng.text).map((m) => [m.key, m]));
    expect(more.patience.value).toBe(120);
    expect(more.patience.source).toMatch(/ASSUMPTION: exponential patience, mean 120 s/);
    expect(more.wrapOrder.source).toMatch(/CALIBRATED/);
    expect(more.managementFee.source).toMatch(/ASSUMPTION/);
  });
});
