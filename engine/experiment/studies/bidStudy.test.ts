// The bidder's view on Liaocheng 2024 (costs only): the floor, evaluation, bond and margin, on one screen.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { budgetStudy } from './budgetStudy.ts';
import { bidMargin, monthlyConnectionSamples } from './bidStudy.ts';
import { formatBidSummary } from '../../report/bidReport.ts';
import { loadStudyScenario } from './scenarioCosting.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe("budget --bid (the bidder's view)", () => {
  const s = budgetStudy({ file: join(root, 'scenarios/liaocheng-2024.yaml'), simulate: false, bid: true });
  const v = s.bid!;
  it('Liaocheng: the cited 16,665,264 is above the lawful floor; SME-reserved, so evaluated = bid; bond 5 % as a guarantee', () => {
    expect(v.floor).not.toBeNull();
    expect(v.floor!.price).toBeLessThan(16_665_264);
    expect(v.belowFloor).toBe(false);
    expect(v.evaluated.price).toBe(16_665_264);
    expect(v.bond.amount).toBeCloseTo(0.05 * 16_665_264, 6);
    expect(v.ceilingPerYear).toBe(16_730_000);
    // margin at the ceiling = ceiling − its taxes − cost at zero profit − bond − agency fee (no deductions without a simulation)
    const m = v.atReported;
    expect(m.expectedMarginPerYear).toBeCloseTo(m.bidPerYear - m.taxesPerYear - m.costPerYear - m.bondPerYear - m.agencyFeePerYear, 6);
    expect(m.deductions).toBeNull();
  });
  it('first screen within 20 lines of 100 columns', () => {
    const text = formatBidSummary(s.at.name, s.at.calendarYear, s.at.headcount, v);
    expect(text.split('\n').length).toBeLessThanOrEqual(20);
    expect(text).toContain('最低合规报价');
  });
  it('deductions enter the margin net of the tax they save', () => {
    const b = s.at.budgets.outsourced.budget;
    const run = { replications: 2, months: [{ byReplication: { connectionRate: [0.9, 0.99] } }] } as unknown as Parameters<typeof monthlyConnectionSamples>[0];
    expect(monthlyConnectionSamples(run)).toEqual([[0.9], [0.99]]);
    const withRun = bidMargin(loadStudyScenario(join(root, 'scenarios/liaocheng-2024.yaml')).spec, b, 237, 16_730_000, 1, run, 0.035, null);
    // rep 1: 5 points below 95 % → 5 % of the month (cap 10 %) × 12 months; rep 2: none → mean 2.5 % of the year
    expect(withRun.deductions!.expectedPerYear).toBeCloseTo(0.025 * 16_730_000, 4);
  });
});

