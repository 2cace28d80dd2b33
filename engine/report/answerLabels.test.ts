// Issue 21: every figure agrees with what it prices, and every label says what was computed
// (staffing form, period, basis, thresholds). Short horizons, few replications, in-process.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetStudy, compareStudy } from '../experiment/studies/budgetStudy.ts';
import { meanAgents, scenarioAtHeadcount } from '../experiment/search/headcountAgents.ts';
import { loadStudyScenario } from '../experiment/studies/scenarioCosting.ts';
import { formatBudgetOutput, formatBudgetSummary } from './budgetReport.ts';
import { formatCompareReport } from './compareReport.ts';
import { formatStaffSummary } from './staffReport.ts';
import { formatAmount, formatDays, formatWithCi } from './format.ts';

const SCENARIOS = new URL('../../scenarios/', import.meta.url).pathname;
const YONGCHUAN = join(SCENARIOS, 'yongchuan-2011.yaml');
const HAIKOU = join(SCENARIOS, 'haikou-2024.yaml');
// 14 days from the scenario's start: inside one calendar month.
const TWO_WEEKS = { horizonHours: 14 * 24, replications: 4 };

describe('--risk is searched in people, in the scenario’s own profile', () => {
  it('never asks for more people than a head count that already passes, and one fewer fails', () => {
    const s = budgetStudy({ file: YONGCHUAN, overrides: TWO_WEEKS, contractKpi: { kind: 'connectionRate', value: 0.95 }, risk: 0.9 });
    const c = s.contract!;
    const r = c.forRisk!;
    if (c.atReported.risk.probabilityAllMonthsMeet >= 0.9) expect(r.headcount).toBeLessThanOrEqual(s.at.headcount);
    expect(r.view.risk.probabilityAllMonthsMeet).toBeGreaterThanOrEqual(0.9);
    expect(r.oneFewer!.headcount).toBe(r.headcount - 1);
    expect(r.oneFewer!.probability).toBeLessThan(0.9);
    // the on-seat figure is the one of that head count's own staffing
    const st = loadStudyScenario(YONGCHUAN, TWO_WEEKS);
    expect(r.agentsOnSeat).toBeCloseTo(meanAgents(scenarioAtHeadcount(st.scenario, r.headcount, st.peoplePerSeat!)), 9);
    expect(formatBudgetSummary(s)).toContain(`needs ${formatAmount(r.headcount)} people`);
  });
});

describe('the head-count row of a target', () => {
  const s = budgetStudy({ file: YONGCHUAN, overrides: TWO_WEEKS, target: { kind: 'serviceLevel', value: 0.8, seconds: 20 } });
  const t = s.target!.result;
  const text = formatBudgetSummary(s);
  const row = text.split('\n').find((l) => l.startsWith('demand profile'))!;

  it('takes its On seat from the row’s own head count', () => {
    const st = loadStudyScenario(YONGCHUAN, TWO_WEEKS);
    expect(t.agentsOnSeat).toBeCloseTo(meanAgents(scenarioAtHeadcount(st.scenario, t.headcount, st.peoplePerSeat!)), 9);
    expect(row).toContain(` ${t.agentsOnSeat.toFixed(1)} `);
  });

  it('says a month target on a horizon inside one month is the horizon average', () => {
    expect(t.period).toBe('month');
    expect(row).toMatch(/^demand profile, horizon avg \(14 d\)/);
    expect(row).not.toContain('every month');
    // staff's question line says so too, from the same row
    const staff = formatStaffSummary({ scenario: 'Yongchuan', target: { kind: 'serviceLevel', value: 0.8, seconds: 20 }, period: 'month', intervalMinutes: 30, serviceLevelSeconds: 20, answers: [t], roster: null });
    expect(staff.replace(/\n\s+/g, ' ')).toContain('in every calendar month (here horizon avg (14 d))');
  });

  it('prints the target’s own KPI, at its threshold, in both columns', () => {
    expect(text).toMatch(/SL 20 s 服务水平 \(95% CI\)\s+Worst/);
    expect(row).toContain(formatWithCi(t.kpis.serviceLevel, 'ratio'));
    expect(row).not.toContain(formatWithCi(t.kpis.connectionRate, 'ratio'));
    expect(t.kpis.serviceLevelSeconds).toBe(20);
  });
});

describe('compare: paired differences, like with like', () => {
  it('gives exactly 0 ± 0 for a scenario against itself (common random numbers)', () => {
    const c = compareStudy({ files: [YONGCHUAN, YONGCHUAN], overrides: TWO_WEEKS });
    if (c.kind !== 'scenarios') throw new Error('expected a scenario comparison');
    for (const d of c.kpiDifferences) {
      expect(d.basis).toBe('paired-crn');
      expect(d.difference).toBe(0);
      if (d.halfWidth !== null) expect(d.halfWidth).toBe(0);
    }
    const text = formatCompareReport(c);
    expect(text).toMatch(/Connection rate\s+接通率.*0\.00 pts ± 0\.00/);
    expect(text).toContain('B − A: paired by replication, same seed (CRN).');
  });

  it('does not subtract service levels measured at different thresholds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hs-compare-'));
    const b = join(dir, 'yongchuan-30s.yaml');
    writeFileSync(b, readFileSync(YONGCHUAN, 'utf8').replace(/^serviceLevelSeconds: 15/m, 'serviceLevelSeconds: 30'));
    const c = compareStudy({ files: [YONGCHUAN, b], overrides: TWO_WEEKS });
    if (c.kind !== 'scenarios') throw new Error('expected a scenario comparison');
    const sl = c.kpiDifferences.find((d) => d.metric === 'serviceLevel')!;
    expect(sl.basis).toBe('not-comparable');
    expect(Number.isNaN(sl.difference)).toBe(true);
    expect(formatCompareReport(c)).toMatch(/Service level \(15 s \/ 30 s\)\s+服务水平.*—/);
  });
});

describe('lines that agree with themselves', () => {
  const s = budgetStudy({ file: HAIKOU, overrides: { horizonHours: 48, replications: 2 }, budgetYuan: 129e6 });
  const text = formatBudgetOutput(s, { detail: true });
  const priced = s.at.budgets.outsourced.budget.headcounts.total;

  it('names the staffing that was priced, the people priced and both cost divisors', () => {
    expect(s.at.pricing.staffing!.source).toContain('following demand');
    expect(text).not.toContain('around the clock');
    expect(text).toContain('on seat following demand');
    expect(text).toContain(`At ${formatAmount(s.at.headcount)} people, ${formatAmount(priced)} priced`);
    const b = s.at.budgets.outsourced.budget;
    expect(text).toMatch(new RegExp(`每话务员月成本\\s+${formatAmount(b.total / b.headcounts.operator / 12)}`));
    expect(text).toMatch(new RegExp(`人均月成本\\(全员\\)\\s+${formatAmount(b.total / b.headcounts.total / 12)}`));
  });

  it('gives the full-cost head count and the people priced the same way on both screens', () => {
    const m = s.inversion!.models.outsourced;
    const first = formatBudgetSummary(s);
    expect(first).toContain(`outsourced ${formatAmount(m.fullCost.operators)} (${formatAmount(m.priced.budget.headcounts.total)} priced)`);
    expect(text).toContain(`head count ${formatAmount(m.fullCost.operators)} (${formatAmount(m.priced.budget.headcounts.operator)} take calls, ${formatAmount(m.priced.budget.headcounts.total)} people priced`);
    expect(text).not.toMatch(/\d operators\)/);
  });
});

describe('durations read as a reader says them', () => {
  it('says "1 day", never "1 days"', () => {
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(14)).toBe('14 days');
    expect(formatDays(2.5)).toBe('2.5 days');
  });
});
