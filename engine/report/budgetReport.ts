// The budget report (hotline-sim budget) as text: the first screen, the whole report and the
// notes behind each line item. Its tables are in budgetParts.ts, its CSV files in budgetCsv.ts.
import { describeParameters } from '../cost/budget.ts';
import type { Model } from '../cost/labour.ts';
import { OPERATING_MODELS, type BudgetStudy, type PricedBudget } from '../experiment/studies/budgetStudy.ts';
import { checkedOnPartMonths, describeAskedPeriod } from '../experiment/search/targetPeriod.ts';
import {
  budgetLinesTable,
  budgetSummaryRows,
  citedAffordableLine,
  contractLines,
  headcountLine,
  headcountSourceText,
  inhousePresetLines,
  kpiBlock,
  kpiUnit,
  modelHeader,
  peopleLine,
  staffingShape,
} from './budgetParts.ts';
import { describeKpiTarget, formatAmount, formatPercent, formatSigned, formatWithCi, operatingModelNames, textTable, wrapText } from './format.ts';
import { headcountAnswerLines } from './staffReport.ts';

/** Summary, then with `detail` the whole report (line items, presets, searches, months). */
export function formatBudgetOutput(s: BudgetStudy, options: { detail?: boolean } = {}): string {
  const summary = formatBudgetSummary(s);
  if (!options.detail) return summary + '\n(--detail: every line item, in-house presets, the searches; --explain: each rule; --out DIR: CSV)';
  return summary + '\n\n' + formatBudgetReport(s);
}

export { staffingShape } from './budgetParts.ts';

/** "At 300 people", or "At 300 people, 340 priced" when roles are added on top of the head count. */
function atPeople(headcount: number, priced: number): string {
  return Math.abs(priced - headcount) > 1e-9 ? `At ${formatAmount(headcount)} people, ${formatAmount(priced, Number.isInteger(priced) ? 0 : 1)} priced` : `At ${formatAmount(headcount)} people`;
}

/** "364 (415 priced)": the full-cost head count, and everyone priced when roles are added on top. */
function fullCostPeople(x: NonNullable<BudgetStudy['inversion']>['models'][Model]): string {
  const total = x.priced.budget.headcounts.total;
  return `${formatAmount(x.fullCost.operators)}${Math.abs(total - x.fullCost.operators) > 1e-9 ? ` (${formatAmount(total)} priced)` : ''}`;
}

const yearsText = (y: number) => `${formatAmount(y, 2).replace(/\.00$/, '')} year${y === 1 ? '' : 's'}`;

/** The first screen of `budget`: the price in-house vs outsourced, per year and over the term, and the answer to the question asked. */
export function formatBudgetSummary(s: BudgetStudy): string {
  const out: string[] = [];
  const at = s.at;
  const T = at.kpis?.serviceLevelSeconds ?? 15;
  out.push(...wrapText(at.name));
  const src = at.pricing.staffing?.source ?? '';
  const shape = staffingShape(src);
  const seat = `${formatAmount(at.agentsOnSeat, Number.isInteger(at.agentsOnSeat) ? 0 : 1)} on seat ${shape}`;
  out.push(...wrapText(`Staffing: ${peopleLine(at.headcount, at.budgets.outsourced.budget, headcountSourceText(at, 'implied'))}; ${seat}; cost year ${at.calendarYear}`));
  const termFrom = { option: 'as given', citedContract: "the scenario's cited contract", default: 'no contract cited: one year' }[at.term.source];
  out.push(`Contract term: ${yearsText(s.years)} (${termFrom}); money in yuan`);
  const o = at.budgets.outsourced;
  const i = at.budgets.inhouse;
  const rows = [
    ['All-in per year', '年度总成本', formatAmount(o.budget.total), formatAmount(i.budget.total)],
    [`Whole term, ${yearsText(s.years)}`, '合同期总额', formatAmount(o.budget.total * s.years), formatAmount(i.budget.total * s.years)],
    ['Contract price per year, VAT incl.', '合同价(含税)', o.budget.contractPrice === null ? '—' : formatAmount(o.budget.contractPrice), '—'],
    ['Cost per answered call', '每通接通成本', o.costPerAnsweredCall ? formatAmount(o.costPerAnsweredCall.mean, 2) : '—', i.costPerAnsweredCall ? formatAmount(i.costPerAnsweredCall.mean, 2) : '—'],
  ];
  // the citizen's arithmetic needs the room: the unit cost stays in --detail
  if (s.inversion?.twoAnswers) rows.pop();
  out.push(textTable([atPeople(at.headcount, o.budget.headcounts.total), '项目', modelHeader('outsourced'), modelHeader('inhouse')], rows, ['left', 'left', 'right', 'right']));
  const asked = s.target !== null || s.inversion !== null || s.contract !== null;
  out.push(...costBasisLines(o.budget));
  const pi = at.inhouseByPreset.publicInstitution;
  if (!asked) {
    const staffKind = pi.inhouseTerms?.includes('编制内') ? '编制内, 8% annuity' : '编外 staff, no annuity';
    out.push(
      ...wrapText(
        `In-house on public-institution terms (事业单位, ${staffKind}; assumed: HF 12%, overhead 8%, 3,000 a hire): ` +
          `${formatAmount(pi.total)} a year, ${formatSigned(((pi.total - o.budget.total) / o.budget.total) * 100, 1)}% vs outsourced`,
      ),
    );
  }
  if (at.kpis) {
    const k = at.kpis;
    out.push(
      ...wrapText(
        `KPIs (${formatAmount(k.countedDays, Number.isInteger(k.countedDays) ? 0 : 2)} d × ${k.replications} reps): ` +
          `接通率 ${formatWithCi(k.connectionRate, 'ratio')}, SL ${k.serviceLevelSeconds} s ${formatPercent(k.serviceLevel.mean)}, occupancy ${formatPercent(k.occupancy.mean, 0)}`,
      ),
    );
  }
  if (at.citedContract && s.citedAffordable && !s.inversion?.twoAnswers) {
    const cited = at.citedContract.yuan / at.citedContract.years;
    const modelled = o.budget.contractPrice;
    const c = s.citedAffordable;
    const gap = modelled === null ? '' : `; modelled ${formatAmount(modelled)} (${modelled >= cited ? `${formatAmount((modelled / cited - 1) * 100, 0)}% more` : `${formatAmount((1 - modelled / cited) * 100, 0)}% less`})`;
    const mw = c.minimumMonthlyWage;
    out.push(
      ...wrapText(
        `Cited contract${at.headcountSource === 'override' && at.scenarioHeadcount !== null ? ` (for the scenario's ${formatAmount(at.scenarioHeadcount)})` : ''} ${formatAmount(cited)}/yr${gap}; ` +
          `pays ${at.headcountSource === 'override' ? `${formatAmount(at.headcount)} people ` : ''}a gross ` +
          `${c.wage.outsourced.feasible ? formatAmount(c.wage.outsourced.monthlyWage) : 'nothing'}/month` +
          (mw !== null ? ` (min ${formatAmount(mw)})` : ''),
      ),
    );
  }
  if (s.target) {
    const t = s.target.result;
    const checked = t.mode === 'roster' ? undefined : t.periodText;
    // The roster hint gives way to what a short horizon checked (the line stays one line).
    const hint = t.mode === 'roster' || checkedOnPartMonths(t.period, checked) ? '' : ' (--roster: by shifts)';
    out.push(...wrapText(`Target: ${describeKpiTarget(t.target, T)}, ${describeAskedPeriod(t.period, at.intervalMinutes, checked)}${hint}`));
    out.push(...headcountAnswerLines([t]));
    const tb = s.target.budgets;
    out.push(
      ...wrapText(
        `Price at ${formatAmount(t.headcount)} people${t.fte !== undefined && Math.abs(t.fte - t.headcount) > 1e-9 ? ` (${formatAmount(t.fte, 1)} FTE: part-timers paid by the hour)` : ''}: outsourced ${formatAmount(tb.outsourced.budget.total)}/yr (${formatAmount(tb.outsourced.budget.total * s.years)} over the term), ` +
          `in-house ${formatAmount(tb.inhouse.budget.total)}/yr`,
      ),
    );
  }
  if (s.inversion && !s.inversion.twoAnswers) {
    const inv = s.inversion;
    out.push(
      ...wrapText(
        `Budget ${formatAmount(inv.budgetYuan)} for ${yearsText(inv.years)}: naive ${formatAmount(inv.naive.exact, 1)} operators at ${formatAmount(inv.naiveWage)} a month; ` +
          `at full cost a head count of ${OPERATING_MODELS.map((m) => `${operatingModelNames[m].en.toLowerCase()} ${fullCostPeople(inv.models[m])}`).join(', ')}`,
      ),
    );
  }
  if (s.inversion?.twoAnswers) {
    out.push(...citizenLines(s));
  }
  if (s.contract) {
    const r = s.contract.atReported.risk;
    out.push(
      ...wrapText(
        `Contract KPI ${describeKpiTarget(s.contract.kpi, T)} in every month at ${formatAmount(at.headcount)} people: P = ${formatPercent(r.probabilityAllMonthsMeet, 1)} ` +
          `(Wilson 95%: ${formatPercent(r.wilson95.lower, 1)} – ${formatPercent(r.wilson95.upper, 1)})` +
          (s.contract.forRisk ? `; P ≥ ${formatPercent(s.contract.forRisk.probability, 0)} needs ${formatAmount(s.contract.forRisk.headcount)} people` : ''),
      ),
    );
  }
  // notes fill what is left of the first screen (19 lines and the footer); the warning always shows
  const warning = s.warnings.length ? wrapText(`Warning: ${s.warnings[0]}${s.warnings.length > 1 ? ` (+${s.warnings.length - 1} more: --detail)` : ''}`) : [];
  for (const n of at.readingNotes.slice(0, asked ? 1 : 2)) {
    const lines = wrapText(`Note: ${n}`);
    const used = out.join('\n').split('\n').length; // a table is one entry of several lines
    if (used + lines.length + warning.length <= 19) out.push(...lines);
  }
  out.push(...warning);
  return out.join('\n');
}

/**
 * The citizen's arithmetic and what each head count pays (Haikou's "515"): the division as the
 * citizen did it, then for the budget and the signed contract side by side the naive count, the
 * people priced at the citizen's wage and at the scenario's, and the wage behind the reported
 * head count — operators and the people priced with them.
 */
export function citizenLines(s: BudgetStudy): string[] {
  const inv = s.inversion!;
  const t = inv.twoAnswers!;
  const c = inv.citizen;
  const out = wrapText(
    `市民算法 ${formatAmount(c.headcount)}: ${formatAmount(inv.budgetYuan)} / ${formatAmount(inv.years * 12)} months = ${formatAmount(c.monthlyBudget)} ≈ ` +
      `${formatAmount(c.monthlyBudgetUsed / 1e6, 1)}M ÷ ${formatAmount(inv.naiveWage)} = ${formatAmount(c.exact, 1)} → ${formatAmount(c.headcount)} (gross wage only)`,
  );
  const signed = t.naiveAtCitedContract;
  const ca = s.citedAffordable;
  const o = inv.models.outsourced;
  const people = s.at.budgets.outsourced.budget.headcounts;
  const col = (x: number | null | undefined, d = 0) => (x === null || x === undefined ? '—' : formatAmount(x, d));
  const rows = [
    [`naive ÷ ${formatAmount(inv.naiveWage)} a month`, col(inv.naive.exact, 1), col(signed?.exact, 1)],
    [`people priced at a gross ${formatAmount(t.naiveWage)}`, col(t.atNaiveWage.budget.outsourced), col(t.atNaiveWage.citedContract?.outsourced)],
    [
      `people priced at a gross ${formatAmount(o.modelWage)} (scenario)`,
      `${col(o.fullCost.operators)} (in-house ${col(inv.models.inhouse.fullCost.operators)})`,
      t.citedAtScenarioWage ? `${col(t.citedAtScenarioWage.outsourced)} (in-house ${col(t.citedAtScenarioWage.inhouse)})` : '—',
    ],
    [
      `gross wage for ${formatAmount(people.operator)} operators (${formatAmount(people.total)} people)`,
      o.affordableWage.feasible ? col(o.affordableWage.monthlyWage) : 'none',
      ca && signed ? (ca.wage.outsourced.feasible ? col(ca.wage.outsourced.monthlyWage) : 'none') : '—',
    ],
  ];
  out.push(
    textTable(
      ['Outsourced 外包', `Budget ${formatAmount(inv.budgetYuan / 1e6, 2)}M`, signed ? `Signed ${formatAmount(signed.yuan / 1e6, 2)}M` : 'Signed —'],
      rows,
      ['left', 'right', 'right'],
    ),
  );
  return out;
}

/**
 * Two lines for the first screen: the parameter row used (and any fallback), the minimum wage
 * and its class; then the practice defaults that are in the price (each an ASSUMPTION, --explain).
 */
export function costBasisLines(b: PricedBudget['budget']): string[] {
  const p = b.parameters;
  const mw = p.minimumMonthlyWage;
  const mwText = mw.value === null ? 'minimum wage not known' : `minimum wage ${formatAmount(mw.value)}${mw.note ? ` (${mw.note})` : mw.origin === 'scenario' ? " (the scenario's)" : ''}`;
  const out = wrapText(`Parameter rows: ${p.region.province ? p.region.row : 'no region: national defaults'}; ${mwText}`);
  if (b.assumptions.length) out.push(...wrapText(`In the price (assumed): ${b.assumptions.join(', ')}`));
  return out;
}

export function formatBudgetReport(s: BudgetStudy): string {
  const out: string[] = [];
  const at = s.at;
  const T = at.kpis?.serviceLevelSeconds ?? 15;
  out.push(at.name);
  out.push(headcountLine(at, s.years));
  out.push('');
  out.push(`Annual budget at a head count of ${formatAmount(at.headcount)} (年度预算)`);
  out.push(budgetLinesTable(at.budgets));
  if (at.citedContract) {
    const cited = at.citedContract.yuan / at.citedContract.years;
    const modelled = at.budgets.outsourced.budget.contractPrice;
    out.push(
      `Cited contract (合同实际金额): ${formatAmount(cited)} yuan a year${at.citedContract.source ? ` (${at.citedContract.source})` : ''}` +
        (modelled !== null
          ? `; the modelled contract price is ${formatAmount(modelled)}, ${modelled >= cited ? `${formatAmount((modelled / cited - 1) * 100, 0)}% more` : `${formatAmount((1 - modelled / cited) * 100, 0)}% less`} ` +
            `— the gap is what the scenario's wage, contribution and fee assumptions do not explain.`
          : '.'),
    );
  }
  if (s.citedAffordable) out.push(citedAffordableLine(s.citedAffordable));
  out.push('');
  out.push(...inhousePresetLines(at));
  if (at.kpis) {
    out.push('');
    out.push(kpiBlock(`Simulated KPIs at ${formatAmount(at.headcount)} people`, at.kpis));
  }

  if (s.inversion) {
    const inv = s.inversion;
    const months = inv.years * 12;
    out.push('');
    out.push(
      `Budget → head count (预算反推人数): ${formatAmount(inv.budgetYuan)} yuan for ${formatAmount(inv.years, 2).replace(/\.00$/, '')} year${inv.years === 1 ? '' : 's'} = ` +
        `${formatAmount(inv.annualBudget)} a year; for the outsourced model the budget pays the ${inv.covers === 'contract' ? 'contract price' : 'all-in total'}`,
    );
    out.push(
      `Naive: ${formatAmount(inv.budgetYuan)} / ${formatAmount(months)} months = ${formatAmount(inv.naive.monthlyBudget)} a month; / ${formatAmount(inv.naiveWage)} yuan ` +
        `(${inv.naiveWageSource === 'option' ? 'the given wage' : "the scenario's gross wage"}) = ${formatAmount(inv.naive.exact, 1)} → ` +
        `${formatAmount(inv.naive.floor)} operators (${formatAmount(inv.naiveNearest)} to the nearest).`,
    );
    // The shortcut a Haikou citizen used (the month rounded to 100,000, the result rounded up):
    // shown when a naive wage is given, i.e. when someone's arithmetic is being checked.
    if (inv.naiveWageSource === 'option') {
      out.push(
        `  The Haikou citizen's shortcut, the month rounded to ${formatAmount(inv.citizen.monthlyBudgetUsed)} and the result rounded up: ` +
          `${formatAmount(inv.citizen.monthlyBudgetUsed)} / ${formatAmount(inv.naiveWage)} = ${formatAmount(inv.citizen.exact, 1)} → ${formatAmount(inv.citizen.headcount)}.`,
      );
    }
    out.push('  This divides by the gross wage only: no supervisors, employer contributions, bonus, premiums, seats, fee, profit or tax.');
    out.push(
      `Full cost: ${OPERATING_MODELS.map((m) => `${operatingModelNames[m].en.toLowerCase()} head count ${formatAmount(inv.models[m].fullCost.operators)} (${formatAmount(inv.models[m].priced.budget.headcounts.operator)} take calls, ${formatAmount(inv.models[m].priced.budget.headcounts.total)} people priced; ${formatAmount(inv.models[m].fullCost.coveredCost / Math.max(1, inv.models[m].fullCost.operators))} yuan per person-year, gross wage ${formatAmount(inv.models[m].modelWage)})`).join('; ')}.`,
    );
    if (inv.twoAnswers) {
      const t = inv.twoAnswers;
      const per = (r: Record<Model, number>) => OPERATING_MODELS.map((m) => `${operatingModelNames[m].en.toLowerCase()} ${formatAmount(r[m])}`).join(', ');
      out.push('');
      out.push(`Two answers to "${formatAmount(t.naiveWage)} a month buys ${formatAmount(inv.naive.exact, 1)} operators" (两种解读):`);
      out.push(
        `  1. If ${formatAmount(t.naiveWage)} is the gross wage: after employer contributions, supervisors, premiums, fee, profit and tax the budget pays ` +
          `a head count of ${per(t.atNaiveWage.budget)}` +
          (t.atNaiveWage.citedContract ? `; the signed contract ${formatAmount(t.allIn.yuan)} pays ${per(t.atNaiveWage.citedContract)}` : '') +
          '.',
      );
      out.push(
        `  2. If ${formatAmount(t.naiveWage)} was meant all-in: the real all-in cost is ${formatAmount(t.allIn.yuan)} / ${formatAmount(t.allIn.years * 12)} months / ` +
          `${formatAmount(t.allIn.headcount)} people = ${formatAmount(t.allIn.perPersonMonth)} a person-month (${formatAmount(t.allIn.ratioToNaiveWage, 2)}× the ${formatAmount(t.naiveWage)}).`,
      );
      if (t.naiveAtCitedContract) {
        out.push(
          `  The division used the ${formatAmount(inv.budgetYuan)} ceiling, not the signed ${formatAmount(t.naiveAtCitedContract.yuan)} contract: ` +
            `${formatAmount(inv.naive.exact, 1)} vs ${formatAmount(t.naiveAtCitedContract.exact, 1)} naive operators (${formatAmount(inv.naive.exact - t.naiveAtCitedContract.exact, 1)} more).`,
        );
      }
    } else {
      if (OPERATING_MODELS.some((m) => inv.models[m].fullCostAtNaiveWage !== null)) {
        out.push(
          `  Paying operators the naive ${formatAmount(inv.naiveWage)} yuan gross instead: ` +
            OPERATING_MODELS.map((m) => `${operatingModelNames[m].en.toLowerCase()} ${formatAmount(inv.models[m].fullCostAtNaiveWage ?? inv.models[m].fullCost.operators)}`).join(', ') +
            ' operators.',
        );
      }
      out.push('');
      out.push('Where the naive operators go (operators)');
      const o = inv.models.outsourced.waterfall;
      const i = inv.models.inhouse.waterfall;
      const keys = [...new Set([...o.map((w) => w.key), ...i.map((w) => w.key)])];
      const rows = keys.map((k) => {
        const wo = o.find((w) => w.key === k);
        const wi = i.find((w) => w.key === k);
        const w = (wo ?? wi)!;
        const cell = (x: typeof wo) => (!x ? '—' : k === 'naive' ? formatAmount(x.heads, 1) : formatSigned(x.heads, 1));
        const wages = [...new Set(OPERATING_MODELS.map((m) => formatAmount(inv.models[m].modelWage)))].join(' / ');
        const en =
          k === 'naive'
            ? `naive: ${formatAmount(inv.annualBudget)} / 12 / ${formatAmount(inv.naiveWage)}`
            : k === 'wage'
              ? `the scenario's gross wage ${wages}, not ${formatAmount(inv.naiveWage)}`
              : w.en;
        return [en, w.zh, cell(wo), cell(wi)];
      });
      rows.push(['= full-cost head count', '全成本人数', ...OPERATING_MODELS.map((m) => formatAmount(inv.models[m].fullCost.operators))]);
      out.push(textTable(['Step', '项目', modelHeader('outsourced'), modelHeader('inhouse')], rows, ['left', 'left', 'right', 'right']));
    }
    out.push('');
    out.push('Full-cost budgets: every line at the full-cost head count');
    const priced = { outsourced: inv.models.outsourced.priced, inhouse: inv.models.inhouse.priced };
    out.push(
      budgetLinesTable(priced, {
        outsourced: ` (${formatAmount(inv.models.outsourced.fullCost.operators)})`,
        inhouse: ` (${formatAmount(inv.models.inhouse.fullCost.operators)})`,
      }),
    );
    out.push(
      `Budget per year ${formatAmount(inv.annualBudget)}; covered cost ` +
        OPERATING_MODELS.map((m) => `${operatingModelNames[m].en.toLowerCase()} ${formatAmount(inv.models[m].fullCost.coveredCost)} (${m === 'outsourced' && inv.covers === 'contract' ? 'the contract price' : 'all-in'}, ${formatAmount(inv.models[m].fullCost.headroom)} left over)`).join(', ') +
        '; one more operator would not fit.',
    );
    out.push('');
    const minWage = inv.minimumMonthlyWage;
    out.push(
      `The budget for the reported ${formatAmount(inv.reportedHeadcount)} people: ${formatAmount(inv.perReportedOperatorYear, 2)} yuan per person-year ` +
        `(${formatAmount(inv.perReportedOperatorYear / 12)} a month, all-in). It pays a gross monthly wage of ` +
        OPERATING_MODELS.map((m) => {
          const w = inv.models[m].affordableWage;
          if (!w.feasible) return `nothing (${operatingModelNames[m].en.toLowerCase()}: fixed costs exceed the budget)`;
          const below = minWage !== null && w.monthlyWage < minWage ? ` — below the minimum wage ${formatAmount(minWage)}` : '';
          return `${formatAmount(w.monthlyWage)} yuan ${operatingModelNames[m].en.toLowerCase()}${below}`;
        }).join(', ') +
        '.',
    );
    const sims = OPERATING_MODELS.filter((m) => inv.models[m].simulated);
    if (sims.length || at.kpis) {
      out.push('');
      out.push(`Simulated KPIs of these head counts (on seat ${staffingShape(at.pricing.staffing?.source ?? '')}, as the scenario)`);
      const rowsSim: string[][] = [];
      for (const m of OPERATING_MODELS) {
        const x = inv.models[m].simulated;
        if (x) rowsSim.push([`Full cost, ${operatingModelNames[m].en.toLowerCase()}`, formatAmount(x.headcount), formatAmount(x.agentsOnSeat, 1), formatWithCi(x.kpis.connectionRate, 'ratio'), formatWithCi(x.kpis.serviceLevel, 'ratio')]);
      }
      if (at.kpis) rowsSim.push(['Reported (the scenario)', formatAmount(at.headcount), formatAmount(at.agentsOnSeat, Number.isInteger(at.agentsOnSeat) ? 0 : 1), formatWithCi(at.kpis.connectionRate, 'ratio'), formatWithCi(at.kpis.serviceLevel, 'ratio')]);
      out.push(textTable(['Head count', 'People', 'On seat', 'Connection 接通率', `Service level 服务水平 (${T} s)`], rowsSim));
    }
  }

  if (s.target) {
    const t = s.target.result;
    const u = kpiUnit(t.metric.metricId);
    out.push('');
    out.push(
      `Minimum budget for ${describeKpiTarget(t.target, T)} (目标反推预算), ${t.criterion === 'mean' ? 'mean over replications' : 'whole 95% CI'}`,
    );
    if (t.evaluations.length === 0) {
      // A roster solution: the requirement is per interval, so the head count comes from shifts.
      out.push(`Method: ${t.method}. Erlang A/C per interval needs up to ${t.analytic.peakIntervalAgents ?? '—'} on seat at the busiest interval.`);
    } else {
      out.push(
        `Erlang A estimate: ${formatAmount(t.analytic.agentsOnSeat)} on seat (${formatAmount(t.analytic.headcount)} people)` +
          (t.analytic.peakIntervalAgents !== null ? `; the busiest interval alone would need ${t.analytic.peakIntervalAgents} on seat` : '') +
          `. Searched by simulation (${formatAmount(t.peoplePerSeat, 2).replace(/\.00$/, '')} people per seat):`,
      );
      out.push(
        textTable(
          ['On seat', 'People', 'KPI mean (95% CI)', 'Meets'],
          [...t.evaluations].sort((a, b) => a.agentsOnSeat - b.agentsOnSeat).map((e) => [formatAmount(e.agentsOnSeat), formatAmount(e.headcount), Number.isNaN(e.kpi.mean) ? 'queue unbounded' : formatWithCi(e.kpi, u), e.meets ? 'yes' : 'no']),
        ),
      );
    }
    out.push(
      `Minimum: ${formatAmount(t.headcount)} people (${formatAmount(t.agentsOnSeat, Number.isInteger(t.agentsOnSeat) ? 0 : 1)} on seat${t.evaluations.length === 0 ? ' on average' : ''}): ${formatWithCi(t.kpi, u)}` +
        (t.oneFewer ? `; ${t.oneFewer.agentsOnSeat} on seat (${formatAmount(t.oneFewer.headcount)} people) ${t.oneFewer.meets ? 'also meets it (noise)' : 'does not'}` : '') +
        '.',
    );
    out.push(textTable(['Budget at the minimum (yuan per year)', '项目', modelHeader('outsourced'), modelHeader('inhouse')], budgetSummaryRows(s.target.budgets), ['left', 'left', 'right', 'right']));
  }

  if (s.contract) {
    const c = s.contract;
    out.push('');
    out.push(...contractLines(`Contract-year view (合同年度考核) at ${formatAmount(at.headcount)} people`, c.atReported, T));
    if (c.forRisk) {
      const r = c.forRisk;
      out.push('');
      out.push(
        `Smallest head count with P(every month meets it) ≥ ${formatPercent(r.probability, 0)}: ${formatAmount(r.headcount)} people (${formatAmount(r.agentsOnSeat, 1)} on seat), ` +
          `P = ${formatPercent(r.view.risk.probabilityAllMonthsMeet, 1)} (Wilson 95%: ${formatPercent(r.view.risk.wilson95.lower, 1)} – ${formatPercent(r.view.risk.wilson95.upper, 1)})` +
          (r.oneFewer ? `; ${formatAmount(r.oneFewer.headcount)} people (${formatAmount(r.oneFewer.agentsOnSeat, 1)} on seat): P = ${formatPercent(r.oneFewer.probability, 1)}` : '') +
          '.',
      );
      out.push(textTable(['Price at that head count (yuan per year)', '项目', modelHeader('outsourced'), modelHeader('inhouse')], budgetSummaryRows(r.budgets), ['left', 'left', 'right', 'right']));
    }
  }

  if (s.notes.length || s.warnings.length) {
    out.push('');
    for (const n of s.notes) out.push(`Note: ${n}.`);
    for (const w of s.warnings) out.push(`Warning: ${w}.`);
  }
  return out.join('\n');
}

/** The arithmetic behind each line item (the notes), model by model. */
export function formatBudgetNotes(b: Record<Model, PricedBudget>): string {
  const out: string[] = [];
  const o = b.outsourced.budget;
  out.push('Who is priced (人员构成):');
  out.push(`  ${o.staff.explanation}`);
  out.push(`  Hours: ${o.hoursSource === 'staffing' ? 'from the staffing' : o.hoursSource === 'input' ? 'given' : 'FALLBACK (no staffing given)'}; seats: ${o.seatsSource}.`);
  out.push('Parameters and where each comes from (参数来源):');
  for (const l of describeParameters(o.parameters)) out.push(`  ${l}`);
  if (b.inhouse.budget.inhouseTerms) out.push(`In-house terms: ${b.inhouse.budget.inhouseTerms}.`);
  for (const m of OPERATING_MODELS) {
    out.push(`How each line is computed, ${operatingModelNames[m].en.toLowerCase()} (${operatingModelNames[m].zh}):`);
    for (const l of b[m].budget.lines) out.push(`  ${l.item}: ${l.note}`);
  }
  return out.join('\n');
}
