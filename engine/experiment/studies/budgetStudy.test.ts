import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentsNeeded } from '../../analytic/staffing.ts';
import { parseScenario } from '../../scenario/parse.ts';
import { loadScenario } from '../../scenario/load.ts';
import { agentsForHeadcount, minimumHeadcountForAgents } from '../../workforce/staffing.ts';
import {
  analyticAgentsOnSeat,
  budgetStudy,
  compareStudy,
  contractView,
  minimumHeadcountForTarget,
  loadStudyScenario,
  RunCache,
  scenarioAtHeadcount,
  meanAgents,
} from './budgetStudy.ts';
import { runScenario } from './run.ts';
import { annualBudget } from '../../cost/budget.ts';
import { withOperatorWage } from '../../cost/inversions.ts';
import { formatBudgetReport } from '../../report/budgetReport.ts';

const SCENARIOS = new URL('../../../scenarios/', import.meta.url).pathname;
const LIAOCHENG = join(SCENARIOS, 'liaocheng-2024.yaml');
const HAIKOU = join(SCENARIOS, 'haikou-2024.yaml');
// SOURCES.md: Liaocheng 2024 winning bid 16,665,264 yuan, 1 year, 237 operators (seeds 001–003).
const LIAOCHENG_BID = 16_665_264;
// SOURCES.md: Haikou 129M yuan ceiling for three years; the citizen's 7,000 yuan a month (seed 003).
const HAIKOU_CEILING = 129_000_000;

const dir = mkdtempSync(join(tmpdir(), 'hotline-budget-'));
/** A small constant-rate line with a cost section: fast to simulate. */
const SMALL = join(dir, 'small.yaml');
writeFileSync(
  SMALL,
  `name: Small line
horizon: { hours: 48 }
arrivals: { callsPerHour: 120 }
talkTime: { distribution: exponential, mean: 180 }
patience: { distribution: exponential, mean: 90 }
agents: { headcount: 48, peoplePerSeat: 6 }
replications: 5
seed: 11
cost: { roles: { operator: { monthlyWage: 4000 } } }
`,
);
const FAST = { horizonHours: 24 * 7, replications: 3 };

describe('head count ↔ agents on seat (flat assumption)', () => {
  it('follows the scenario loader: round(head count / people per seat)', () => {
    // The shipped Liaocheng file follows demand; its flat form is the rule under test here.
    const flat = readFileSync(LIAOCHENG, 'utf8').replace(/profile: demand, minOnSeat: \d+/, 'profile: flat');
    for (const h of [234, 236, 237, 240, 243]) {
      const s = parseScenario(flat, LIAOCHENG, { headcount: h, horizonHours: 24 });
      // Liaocheng's payroll puts 29 supervisors off the phones: round((h − 29) / 6)
      expect(agentsForHeadcount(h, 6, s.payroll)).toBe(s.agents[0]);
      expect(scenarioAtHeadcount(parseScenario(flat, LIAOCHENG, { horizonHours: 24 }), h, 6).agents[0]).toBe(s.agents[0]);
    }
  });

  it('finds the smallest head count for a number on seat (237 / 6 = 39.5 → 40)', () => {
    expect(minimumHeadcountForAgents(40, 6)).toBe(237);
    expect(minimumHeadcountForAgents(25, 6)).toBe(147);
    expect(minimumHeadcountForAgents(0, 6)).toBe(0);
    for (const pps of [6, 5.5, 2, 4.38]) {
      for (let n = 1; n < 80; n++) {
        const h = minimumHeadcountForAgents(n, pps);
        expect(agentsForHeadcount(h, pps)).toBe(n);
        expect(agentsForHeadcount(h - 1, pps)).toBeLessThan(n);
      }
    }
  });
});

describe('minimumHeadcountForTarget', () => {
  it('the Erlang A bracket of a constant-rate line is the exact Erlang A staffing', () => {
    const s = loadScenario(SMALL);
    for (const value of [0.9, 0.95, 0.99]) {
      const a = analyticAgentsOnSeat(s, { kind: 'connectionRate', value });
      expect(a.agentsOnSeat).toBe(agentsNeeded({ callsPerHour: 120, handleSeconds: 180, patienceSeconds: 90, serviceLevelSeconds: 15 }, { kind: 'connectionRate', value }));
    }
  });

  it('returns the smallest simulated head count meeting the target, checked against one agent fewer', () => {
    const s = loadScenario(SMALL);
    const r = minimumHeadcountForTarget(s, { kind: 'connectionRate', value: 0.95 }, { peoplePerSeat: 6 });
    expect(r.kpi.mean).toBeGreaterThanOrEqual(0.95);
    expect(r.oneFewer).not.toBeNull();
    expect(r.oneFewer!.meets).toBe(false);
    expect(r.oneFewer!.kpi.mean).toBeLessThan(0.95);
    expect(r.headcount).toBe(minimumHeadcountForAgents(r.agentsOnSeat, 6));
    expect(Math.abs(r.agentsOnSeat - r.analytic.agentsOnSeat)).toBeLessThanOrEqual(2);
    expect(r.kpis.replications).toBe(5);
    // the service-level target with its own threshold runs the scenario at that threshold
    const sl = minimumHeadcountForTarget(s, { kind: 'serviceLevel', value: 0.8, seconds: 20 }, { peoplePerSeat: 6 });
    expect(sl.kpis.serviceLevelSeconds).toBe(20);
    expect(sl.kpi.mean).toBeGreaterThanOrEqual(0.8);
    // the whole-CI criterion never needs fewer agents than the mean
    const ci = minimumHeadcountForTarget(s, { kind: 'connectionRate', value: 0.95 }, { peoplePerSeat: 6, criterion: 'ciLow' });
    expect(ci.agentsOnSeat).toBeGreaterThanOrEqual(r.agentsOnSeat);
    expect(ci.kpi.ciLow!).toBeGreaterThanOrEqual(0.95);
  });

  it('handles "at most" targets (abandonment, ASA)', () => {
    const s = loadScenario(SMALL);
    const ab = minimumHeadcountForTarget(s, { kind: 'abandonment', value: 0.05 }, { peoplePerSeat: 6 });
    expect(ab.kpi.mean).toBeLessThanOrEqual(0.05);
    expect(ab.oneFewer!.kpi.mean).toBeGreaterThan(0.05);
    const asa = minimumHeadcountForTarget(s, { kind: 'asa', seconds: 10 }, { peoplePerSeat: 6 });
    expect(asa.kpi.mean).toBeLessThanOrEqual(10);
    expect(asa.oneFewer!.kpi.mean).toBeGreaterThan(10);
  });
});

describe('contract-year risk', () => {
  it('P(every month meets the KPI) from the replications, with a Wilson interval', () => {
    // from 1 January (the shipped file runs two weeks of March)
    const text = readFileSync(LIAOCHENG, 'utf8').replace(/^startDate: .*$/m, 'startDate: 2024-01-01');
    const s = parseScenario(text, LIAOCHENG, { horizonHours: 24 * 62, replications: 4, headcount: 147 });
    const run = runScenario(s, { totalsOnly: true });
    const v = contractView(run, { kind: 'connectionRate', value: 0.95 }, 147, 25);
    // a tender assesses whole calendar months: March (2 days simulated) is left out
    expect(v.months.map((m) => m.month)).toEqual(['2024-01', '2024-02']);
    expect(v.months.map((m) => m.days)).toEqual([31, 29]);
    expect(v.partialMonthsExcluded).toEqual([{ month: '2024-03', days: 2 }]);
    expect(v.risk.monthlyPassRate).toHaveLength(2);
    expect(v.risk.replications).toBe(4);
    expect(v.risk.wilson95.lower).toBeLessThanOrEqual(v.risk.probabilityAllMonthsMeet);
    expect(v.fullYear).toBe(false);
    const ab = contractView(run, { kind: 'abandonment', value: 0.5 }, 147, 25);
    expect(ab.risk.probabilityAllMonthsMeet).toBe(1);
    expect(ab.metric.direction).toBe('atMost');
  });
});

describe('budgetStudy', () => {
  it('prices the scenario head count for both models with its simulated KPIs', () => {
    const s = budgetStudy({ file: LIAOCHENG, overrides: FAST });
    expect(s.at.headcount).toBe(237);
    expect(s.at.agentsOnSeat).toBeCloseTo(208 / 6, 0); // 237 people, 29 off the phones: 208 / 6 on average, following demand
    expect(s.at.budgets.outsourced.budget.headcounts.operator).toBe(208);
    expect(s.at.budgets.outsourced.budget.headcounts.total).toBe(237);
    for (const m of ['outsourced', 'inhouse'] as const) {
      const p = s.at.budgets[m];
      expect(p.budget.total).toBeGreaterThan(0);
      expect(p.costPerAnsweredCall!.mean).toBeCloseTo(p.budget.total / s.at.kpis!.answeredPerYear.mean, 9);
      expect(p.costPerConnectionPoint!.mean).toBeCloseTo(p.budget.total / (s.at.kpis!.connectionRate.mean * 100), 9);
      expect(p.costPerAnsweredCall!.ciLow!).toBeLessThanOrEqual(p.costPerAnsweredCall!.mean);
    }
    expect(s.at.budgets.outsourced.budget.contractPrice).not.toBeNull();
    expect(s.at.budgets.inhouse.budget.total).toBeLessThan(s.at.budgets.outsourced.budget.total);
    expect(s.simulations).toBe(1);
  });

  it('Liaocheng: 16,665,264 / 237 = 70,317 yuan per operator-year, and the gross wage it pays', () => {
    const s = budgetStudy({ file: LIAOCHENG, overrides: FAST, budgetYuan: LIAOCHENG_BID, years: 1, simulate: false });
    const inv = s.inversion!;
    expect(Math.floor(inv.perReportedOperatorYear)).toBe(70_317);
    expect(inv.perReportedOperatorYear / 12).toBeCloseTo(5_859.8, 1);
    const w = inv.models.outsourced.affordableWage;
    expect(w.feasible).toBe(true);
    // far below the scenario's assumed 4,000 — the bid does not pay 237 operators a legal full cost at that wage
    expect(w.monthlyWage).toBeGreaterThan(1_500);
    expect(w.monthlyWage).toBeLessThan(4_000);
    expect(inv.models.inhouse.affordableWage.monthlyWage).toBeGreaterThan(w.monthlyWage);
    expect(inv.naive.floor).toBe(347); // 16,665,264 / 12 / 4,000 = 347.2
    expect(inv.models.outsourced.fullCost.operators).toBeLessThan(237);
  });

  it("Liaocheng: the affordable wage at the cited 16,665,264 is always shown, and checks by hand", () => {
    const s = budgetStudy({ file: LIAOCHENG, overrides: FAST, simulate: false });
    const c = s.citedAffordable!;
    expect(c.yuanPerYear).toBe(16_665_264);
    expect(c.headcount).toBe(237);
    expect(c.operators).toBe(208);
    const w = c.wage.outsourced.monthlyWage;
    // By hand: below the contribution floor the contract price is affine in the operator wage,
    // P(w) = a + b·w; two budgets fix a and b, and the wage that makes P = 16,665,264 follows.
    const st = loadStudyScenario(LIAOCHENG, FAST);
    const ctx = s.at.pricing;
    const price = (wage: number) =>
      annualBudget(withOperatorWage(st.spec, 'outsourced', wage), { headcount: 237, payroll: ctx.payroll, staffing: ctx.staffing! }, 'outsourced').contractPrice!;
    const [w1, w2] = [2_400, 2_800];
    const b = (price(w2) - price(w1)) / (w2 - w1);
    const a = price(w1) - b * w1;
    expect(w).toBeCloseTo((16_665_264 - a) / b, 3);
    expect(w).toBeGreaterThan(2_000); // the 2,100–3,200 band the audit found, near the minimum wage
    expect(w).toBeLessThan(3_200);
    expect(formatBudgetReport(s)).toContain(`a gross operator wage of ${Math.round(w).toLocaleString('en-US')} outsourced`);
  });

  it('Haikou: naive 511 (512 nearest; the citizen 515), full cost lower for both models, every step shown', () => {
    const s = budgetStudy({ file: HAIKOU, overrides: FAST, budgetYuan: HAIKOU_CEILING, years: 3, naiveWage: 7000, simulate: false });
    const inv = s.inversion!;
    expect(inv.naive.exact).toBeCloseTo(511.905, 3);
    expect(inv.naive.floor).toBe(511);
    expect(inv.naiveNearest).toBe(512);
    expect(inv.citizen.monthlyBudgetUsed).toBe(3_600_000);
    expect(inv.citizen.headcount).toBe(515);
    for (const m of ['outsourced', 'inhouse'] as const) {
      const x = inv.models[m];
      expect(x.fullCost.operators).toBeGreaterThan(0);
      expect(x.fullCost.operators).toBeLessThan(511);
      expect(x.fullCostAtNaiveWage!).toBeLessThan(x.fullCost.operators); // 7,000 gross is dearer than the scenario's 4,500
      // the waterfall starts at the naive quotient and ends exactly at the full-cost head count
      expect(x.waterfall[0].running).toBeCloseTo(inv.naive.exact, 9);
      expect(x.waterfall.at(-1)!.running).toBeCloseTo(x.fullCost.operators, 6);
      expect(x.waterfall.map((w) => w.key)).toContain('wage');
      expect(x.waterfall.map((w) => w.key)).toContain('socialInsurance');
      expect(x.priced.budget.lines).toHaveLength(m === 'outsourced' ? 39 : 32);
      for (const l of x.priced.budget.lines) expect(Number.isFinite(l.yuan)).toBe(true);
    }
    expect(inv.models.outsourced.waterfall.map((w) => w.key)).toEqual(expect.arrayContaining(['feeAndProfit', 'tax']));
    expect(inv.models.inhouse.waterfall.map((w) => w.key)).not.toContain('tax');
    expect(inv.models.inhouse.fullCost.operators).toBeGreaterThan(inv.models.outsourced.fullCost.operators);
  });

  it('budget → head count → simulated connection rate, end to end', () => {
    const s = budgetStudy({ file: HAIKOU, overrides: { horizonHours: 24 * 7, replications: 3 }, budgetYuan: HAIKOU_CEILING, years: 3 });
    const inv = s.inversion!;
    const out = inv.models.outsourced.simulated!;
    expect(out.headcount).toBe(inv.models.outsourced.fullCost.operators);
    // on seat: what that head count's own staffing (following demand) puts there, not the flat rounding
    const st = loadStudyScenario(HAIKOU, { horizonHours: 24 * 7, replications: 3 });
    expect(out.agentsOnSeat).toBeCloseTo(meanAgents(scenarioAtHeadcount(st.scenario, out.headcount, 6)), 9);
    expect(Math.abs(out.agentsOnSeat - agentsForHeadcount(out.headcount, 6))).toBeLessThan(1);
    expect(out.kpis.connectionRate.mean).toBeGreaterThan(0);
    expect(out.kpis.connectionRate.mean).toBeLessThanOrEqual(1);
    // more operators on seat than the reported 300 answer at least as many calls (common random numbers)
    expect(out.headcount).toBeGreaterThan(300);
    expect(out.kpis.connectionRate.mean).toBeGreaterThanOrEqual(s.at.kpis!.connectionRate.mean);
    expect(inv.models.outsourced.priced.costPerAnsweredCall!.mean).toBeGreaterThan(0);
    expect(s.simulations).toBe(3);
  });

  it('target KPI → minimum head count → budget for both models; contract risk with --risk', () => {
    const s = budgetStudy({
      file: LIAOCHENG,
      overrides: FAST,
      target: { kind: 'connectionRate', value: 0.95 },
      contractKpi: { kind: 'connectionRate', value: 0.95 },
      risk: 0.9,
    });
    const t = s.target!;
    expect(t.result.kpi.mean).toBeGreaterThanOrEqual(0.95);
    expect(t.result.oneFewer!.kpi.mean).toBeLessThan(0.95);
    expect(t.result.headcount).toBeLessThan(237);
    expect(t.budgets.inhouse.budget.total).toBeLessThan(t.budgets.outsourced.budget.total);
    // the head count is people: Liaocheng's supervisors are inside it (payroll.offPhone)
    expect(t.budgets.outsourced.budget.headcounts.total).toBe(t.result.headcount);
    expect(t.budgets.outsourced.budget.headcounts.operator).toBe(t.result.headcount - 29);
    const c = s.contract!;
    expect(c.atReported.headcount).toBe(237);
    expect(c.atReported.risk.replications).toBe(3);
    expect(c.forRisk!.view.risk.probabilityAllMonthsMeet).toBeGreaterThanOrEqual(0.9);
    expect(c.forRisk!.oneFewer!.probability).toBeLessThan(0.9);
    expect(c.forRisk!.headcount).toBeGreaterThanOrEqual(t.result.headcount);
    expect(s.warnings.some((w) => /contract-year view covers only|covers no whole calendar month/.test(w))).toBe(true);
  });

  it('explains missing inputs with RangeErrors (one-line user errors)', () => {
    expect(() => budgetStudy({ file: LIAOCHENG, years: 0 })).toThrow(RangeError);
    expect(() => budgetStudy({ file: LIAOCHENG, overrides: FAST, risk: 0.9, simulate: false })).toThrow(/--risk needs --contract-kpi/);
    const agentsOnly = join(dir, 'agents.yaml');
    writeFileSync(agentsOnly, 'name: A\nhorizon: { hours: 4 }\narrivals: { callsPerHour: 60 }\ntalkTime: { distribution: exponential, mean: 180 }\nagents: 5\n');
    expect(() => budgetStudy({ file: agentsOnly, simulate: false })).toThrow(/--people-per-seat/);
    const implied = budgetStudy({ file: agentsOnly, overrides: { peoplePerSeat: 6 }, simulate: false });
    // The fewest people the head-count rule puts 5 on seat with (27 / 6 = 4.5, rounded: 5), as budget --target and sweep count.
    expect(implied.at.headcount).toBe(27);
    expect(implied.at.headcountSource).toBe('implied');
    expect(implied.warnings.some((w) => /no cost section/.test(w))).toBe(true);
  });

  it('works on every scenario in scenarios/ (a day, two replications)', () => {
    const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));
    expect(files).toContain('liaocheng-2024.yaml');
    for (const f of files) {
      // Changzhou publishes no head count: its agents on seat need people per seat to be priced.
      const pps = f === 'changzhou-2021.yaml' ? { peoplePerSeat: 5 } : {};
      const s = budgetStudy({ file: join(SCENARIOS, f), overrides: { horizonHours: 24, replications: 2, ...pps }, budgetYuan: 1e7, years: 1 });
      expect(s.at.budgets.outsourced.budget.total, f).toBeGreaterThan(0);
      expect(s.at.kpis!.connectionRate.mean, f).toBeGreaterThan(0);
      expect(s.inversion!.models.outsourced.fullCost.operators, f).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('compareStudy', () => {
  it('two scenarios side by side, with differences', () => {
    const c = compareStudy({ files: [LIAOCHENG, HAIKOU], overrides: { horizonHours: 24, replications: 3 } });
    if (c.kind !== 'scenarios') throw new Error('expected a scenario comparison');
    expect(c.a.headcount).toBe(237);
    expect(c.b.headcount).toBe(300);
    const conn = c.kpiDifferences.find((d) => d.metric === 'connectionRate')!;
    expect(conn.difference).toBeCloseTo(c.b.kpis!.connectionRate.mean - c.a.kpis!.connectionRate.mean, 12);
    expect(conn.halfWidth).not.toBeNull();
  });

  it('in-house vs outsourced of one scenario: line by line', () => {
    const c = compareStudy({ files: [LIAOCHENG], models: true, simulate: false });
    if (c.kind !== 'models') throw new Error('expected a model comparison');
    const sum = c.lines.reduce((a, l) => a + l.difference, 0);
    expect(sum).toBeCloseTo(c.scenario.budgets.inhouse.budget.total - c.scenario.budgets.outsourced.budget.total, 4);
    expect(c.lines.find((l) => l.item === 'VAT')!.inhouse).toBeNull();
    expect(c.lines.find((l) => l.item === 'In-house overhead')!.outsourced).toBeNull();
    expect(() => compareStudy({ files: [LIAOCHENG] })).toThrow(RangeError);
  });
});

describe('RunCache', () => {
  it('simulates a staffing once', () => {
    const s = loadScenario(SMALL, { horizonHours: 4, replications: 2 });
    const cache = new RunCache();
    const a = cache.flat(s, 8, 48, 6, '');
    const b = cache.flat(s, 8, 48, 6, '');
    expect(a).toBe(b);
    expect(cache.scenario(s, '')).toBe(a); // the scenario is flat with 8 on seat
    expect(cache.size).toBe(1);
  });
});
