// The pages against the CLI: each notebook is rendered at a short horizon into a temporary folder,
// and the figures its page shows are recomputed with the functions the matching command calls
// (`hotline-sim run`, `budget --budget`, `budget --target`, `calibrate`), on the same settings, and
// found on the page as the page formats them. A page that drifts from the engine (its own
// arithmetic, a missing payroll or staffing, a figure typed in) fails here. Cited figures on the
// pages name their SOURCES.md entry, and the entry exists.
// Cost: four notebooks at 1 day × 2 replications, each figure recomputed once (see notebooks/README.md).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetStudy } from '../engine/experiment/studies/budgetStudy.ts';
import { loadStudyScenario } from '../engine/experiment/studies/scenarioCosting.ts';
import { costPerHeadcountMonth } from '../engine/report/budgetParts.ts';
import { escapeHtml, formatAmount, formatCi, formatTrimmed, formatValue, formatWan } from '../engine/report/index.ts';
import { calibrate } from '../engine/experiment/calibrate/calibrate.ts';
import { minimumHeadcountForTarget } from '../engine/experiment/search/headcountSearch.ts';
import { runScenario } from '../engine/experiment/studies/run.ts';
import { loadScenario } from '../engine/scenario/load.ts';
import { phonePeople } from '../engine/workforce/staffing.ts';
import { fieldLabel, fieldRange, fieldValue } from '../engine/text/fieldNames.ts';
import { CASES, calibratedComment, caseTitleZh, fileValue } from './calibrationCases.ts';

const root = new URL('..', import.meta.url).pathname;
const scenario = (f: string) => join(root, 'scenarios', f);
const DAYS = 1;
const REPLICATIONS = 2;
const short = { horizonHours: DAYS * 24, replications: REPLICATIONS };
const pct = (x: number) => formatValue(x, 'ratio');

/** Renders a notebook into a fresh temporary folder; its exit status, stderr and the folder. */
function render(notebook: string, args: string[]): { status: number | null; stderr: string; out: string } {
  const out = mkdtempSync(join(tmpdir(), `hs-${notebook}-`));
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'notebooks', `${notebook}.ts`), ...args, '--out', out], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, out };
}
const html = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const);

/** SOURCES.md's entries: its ### headings. */
const ENTRIES = readFileSync(join(root, 'scenarios', 'SOURCES.md'), 'utf8').match(/^### .+$/gm)!.map((h) => h.slice(4).trim());
/** Every "SOURCES.md: X" names an entry; no bare "(SOURCES.md)"; no path outside the project. */
function expectCitationsResolve(page: string, what: string) {
  expect(page, `${what}: a bare (SOURCES.md) names no entry`).not.toMatch(/\(SOURCES\.md\)/);
  expect(page, `${what}: cites ../shared`).not.toMatch(/\.\.\/shared|shared\/reference/);
  for (const m of page.matchAll(/SOURCES\.md: ([^<)\n]+)/g)) {
    const cited = m[1];
    expect(ENTRIES.some((e) => cited.startsWith(e)), `${what}: "SOURCES.md: ${cited.slice(0, 60)}" names no entry of scenarios/SOURCES.md`).toBe(true);
  }
}

describe('notebooks/cases.ts: every figure is the CLI’s', () => {
  const { status, stderr, out } = render('cases', ['--max-days', String(DAYS), '--replications', String(REPLICATIONS)]);

  it('renders, and each case’s price, inversion, wage and KPI equal budgetStudy’s on the same settings', () => {
    expect(status, stderr).toBe(0);
    const [head, ...rows] = readFileSync(join(out, 'cases.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    const col = (row: string[], name: string) => row[head.indexOf(name)];
    expect(rows.length).toBe(5);
    for (const row of rows) {
      const file = join(root, col(row, 'scenario'));
      const amount = (Number(col(row, 'budget_yuan')) / Number(col(row, 'term_years'))) * Number(col(row, 'contract_years'));
      const s = budgetStudy({ file, years: Number(col(row, 'contract_years')), budgetYuan: amount, overrides: short });
      const inv = s.inversion!;
      const what = `${col(row, 'case')}`;
      expect(Number(col(row, 'headcount')), what).toBe(s.at.headcount);
      expect(Number(col(row, 'connection_rate')), what).toBe(s.at.kpis!.connectionRate.mean);
      expect(Number(col(row, 'model_outsourced_total')), what).toBe(s.at.budgets.outsourced.budget.total);
      expect(Number(col(row, 'model_inhouse_total')), what).toBe(s.at.budgets.inhouse.budget.total);
      expect(Number(col(row, 'model_outsourced_per_headcount_month')), what).toBe(costPerHeadcountMonth(s.at.budgets.outsourced, s.at.headcount));
      expect(Number(col(row, 'budget_buys_outsourced')), what).toBe(inv.models.outsourced.fullCost.operators);
      expect(Number(col(row, 'budget_buys_inhouse')), what).toBe(inv.models.inhouse.fullCost.operators);
      expect(Number(col(row, 'affordable_wage_outsourced')), what).toBe(inv.models.outsourced.affordableWage.monthlyWage);
      expect(Number(col(row, 'per_operator_month')), what).toBe(inv.perReportedOperatorYear / 12);
      // the page's cost table shows the same figures, formatted
      expect(page, what).toContain(`${formatAmount(inv.models.outsourced.fullCost.operators)} / ${formatAmount(inv.models.inhouse.fullCost.operators)}`);
      expect(page, what).toContain(formatWan(s.at.budgets.outsourced.budget.total));
      // the Chinese run sentence, shown first, quotes the same connection rate
      const conn = s.at.kpis!.connectionRate.mean;
      expect(page, what).toContain(`${formatAmount(s.at.headcount)}人${conn >= 0.95 ? '可' : '只能'}接通模拟来电的 ${pct(conn)}`);
      // the scenario's Chinese title, from the calibration case table (one place), heads its finding
      expect(page, what).toContain(`<em lang="zh-CN">${escapeHtml(caseTitleZh(file)!)}</em>`);
    }
    expectCitationsResolve(page, 'cases/index.html');
  });

  it('draws the connection axis from 0, so no case falls off it', () => {
    const svg = readFileSync(join(out, 'chart-connection.svg'), 'utf8');
    expect(svg).toMatch(/>0%</);
  });
});

describe('notebooks/liaocheng.ts: the head-count page and the run report are hotline-sim run’s', () => {
  const file = scenario('liaocheng-2024.yaml');
  const { status, stderr, out } = render('liaocheng', ['--days', String(DAYS), '--replications', String(REPLICATIONS)]);

  it('each head count’s KPIs equal runScenario’s (hotline-sim run --headcount N) on the same settings', () => {
    expect(status, stderr).toBe(0);
    const page = readFileSync(join(out, 'headcount.html'), 'utf8');
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    for (const headcount of [120, 160, 200, 237]) {
      const r = runScenario(loadScenario(file, { headcount, ...short }), { totalsOnly: true });
      const t = r.totals;
      const row = page.split('<tr').find((x) => x.includes(`<td class="num">${headcount}</td>`));
      expect(row, `a row for ${headcount}`).toBeDefined();
      for (const id of ['connectionRate', 'serviceLevel']) {
        expect(row, `${headcount} ${id}`).toContain(`<strong>${pct(t[id].mean)}</strong>`);
        expect(row, `${headcount} ${id} CI`).toContain(escapeHtml(formatCi(t[id], 'ratio')));
      }
      expect(row, `${headcount} abandoned`).toContain(pct(t.abandonmentRate.mean));
      expect(row, `${headcount} on seat`).toContain(`<td class="num">${Math.round(r.staffing.meanOnSeat * 10) / 10}</td>`);
      // the cited price scaled by head count, marked as the assumption it is (the footnote says so)
      expect(row, `${headcount} price`).toContain(formatWan((headcount * 16_665_264) / 237));
      if (headcount === 237) for (const id of ['connectionRate', 'serviceLevel', 'occupancy']) expect(report, `report ${id}`).toContain(formatValue(t[id].mean, 'ratio'));
    }
    expect(page).toMatch(/scaled linearly with head count, which is an assumption/);
    expect(page, 'the axis is people, not establishment posts').not.toMatch(/在编|人员编制/);
  });

  it('every page names the SOURCES.md entries it rests on', () => {
    const pages = html(out);
    for (const [name, page] of pages) expectCitationsResolve(page, `liaocheng/${name}`);
    const report = pages.find(([n]) => n === 'report.html')![1];
    for (const s of loadScenario(file).sources!) expect(report).toContain(escapeHtml(s));
    expect(pages.map(([, p]) => p).join('')).not.toMatch(/\b1 days\b/);
  });
});

describe('notebooks/haikou.ts: the case page is hotline-sim budget’s', () => {
  const file = scenario('haikou-2024.yaml');
  const { status, stderr, out } = render('haikou', ['--days', String(DAYS), '--replications', String(REPLICATIONS)]);

  it('the inversion, the signed contract, the KPIs of the 300 and the comparison with Liaocheng equal the engine’s', () => {
    expect(status, stderr).toBe(0);
    const page = readFileSync(join(out, 'report.html'), 'utf8');
    // hotline-sim budget scenarios/haikou-2024.yaml --budget 129e6 --years 3 --naive-wage 7000
    const s = budgetStudy({ file, budgetYuan: 129_000_000, years: 3, naiveWage: 7_000, overrides: short });
    const inv = s.inversion!;
    expect(page).toContain(`<strong>${inv.models.outsourced.fullCost.operators}</strong> operators outsourced or <strong>${inv.models.inhouse.fullCost.operators}</strong> in-house`);
    expect(page).toContain(`<strong>${inv.naive.exact.toFixed(1)}</strong>`);
    expect(page).toContain(`<strong>${inv.citizen.headcount}</strong>`);
    expect(page).toContain(escapeHtml(inv.naive.explanation));
    expect(page).toContain(`÷ 7,000 = ${formatTrimmed(inv.naive.exact, 2)} → ${inv.naive.headcount}`);
    expect(page).toContain(`<strong>${pct(s.at.kpis!.connectionRate.mean)}</strong> of calls`);
    expect(page).toContain(`(15-s service level ${pct(s.at.kpis!.serviceLevel.mean)})`);
    // the check against the input (answered calls a day vs the accepted cases it was built from), in both languages
    const answeredPerDay = formatAmount(s.at.kpis!.answered.mean / s.at.kpis!.countedDays);
    expect(page).toContain(`模型每天接通 ${answeredPerDay} 个来电`);
    expect(page).toContain(`the model answers ${answeredPerDay} calls a day`);
    // hotline-sim budget scenarios/haikou-2024.yaml --budget 126.78e6 --years 3 --no-simulate
    const signed = budgetStudy({ file, budgetYuan: 126_780_000, years: 3, simulate: false, overrides: short }).inversion!;
    expect(page).toContain(`The signed contract (${formatWan(126_780_000)}元) buys ${signed.models.outsourced.fullCost.operators} / ${signed.models.inhouse.fullCost.operators}`);
    // the Chinese summary above each English item quotes the same figures
    expect(page).toContain(`可支付外包 <strong>${inv.models.outsourced.fullCost.operators}</strong> 名或自营 <strong>${inv.models.inhouse.fullCost.operators}</strong> 名话务员`);
    expect(page).toContain(`的接通率为 <strong>${pct(s.at.kpis!.connectionRate.mean)}</strong>（15秒服务水平 ${pct(s.at.kpis!.serviceLevel.mean)}）`);
    expect(page).toContain(`已签合同（${formatWan(126_780_000)}元）可支付 ${signed.models.outsourced.fullCost.operators} / ${signed.models.inhouse.fullCost.operators} 名`);
    expect(page).toContain(`外包时合同可支付每人每月工资总额 ${formatAmount(signed.models.outsourced.affordableWage.monthlyWage)} 元`);
    expect(page, 'money in 万元, not "M"').not.toMatch(/\b(129|126\.78|121\.794|3\.6)M\b/);
    expect(page).toContain(`It pays a gross wage of ${formatAmount(signed.models.outsourced.affordableWage.monthlyWage)} a month outsourced`);
    // Like with like: yuan per person on the phones a month, each from its scenario's payroll.
    const haikou = 126_780_000 / 36 / phonePeople(300, loadScenario(file).payroll);
    const liaochengPhones = phonePeople(237, loadScenario(scenario('liaocheng-2024.yaml')).payroll);
    const liaocheng = 16_665_264 / 12 / liaochengPhones;
    expect(page).toContain(`${(haikou / liaocheng).toFixed(1)} times Liaocheng 2024's ${formatAmount(liaocheng)} per person on the phones (16,665,264 / ${liaochengPhones} / 12`);
    expect(page).toContain(`是聊城2024年接听电话人员每人每月 ${formatAmount(liaocheng)} 元的 ${(haikou / liaocheng).toFixed(1)} 倍`);
    expect(page).not.toMatch(/twice Liaocheng/);
    // the minimum wage is the cost model's, with its entry
    const minimum = loadStudyScenario(file).spec.city.minimumMonthlyWage!;
    expect(page).toMatch(new RegExp(`Haikou minimum monthly wage 2024 \\(SOURCES.md: Haikou minimum wage 2024\\)</td><td class="num">${formatAmount(minimum)}<`));
  });

  it('every page names the SOURCES.md entries it rests on; the run report of the 300 lists them', () => {
    const pages = html(out);
    for (const [name, page] of pages) expectCitationsResolve(page, `haikou/${name}`);
    const run = pages.find(([n]) => n === 'run-300.html')![1];
    for (const s of loadScenario(file).sources!) expect(run).toContain(escapeHtml(s));
    // its title: the case's Chinese title (the calibration case table's) first, the scenario's name beside
    expect(run).toContain(`<h1 lang="zh-CN">${escapeHtml(caseTitleZh('haikou-2024.yaml')!)}<span class="zh" lang="en">${escapeHtml(loadScenario(file).name)}`);
    expect(pages.map(([, p]) => p).join('')).not.toMatch(/\b1 days\b/);
  });
});

describe('notebooks/calibration.ts: the fit, the reproduction and the head count are calibrate’s and budget’s', () => {
  // One case with a fit and a search without a cost section (Nanning 2019: phone share), one with a
  // cost section and no fit (Haikou 2024: budget --target).
  const ids = ['nanning-2019', 'haikou-2024'];
  const { status, stderr, out } = render('calibration', ['--only', ids.join(','), '--days', String(DAYS), '--replications', String(REPLICATIONS)]);
  const target = { kind: 'connectionRate', value: 0.95 } as const;

  it('Nanning 2019: the fitted share, its interval, the sensitivity and the head count on the phones equal calibrate’s and the search’s', () => {
    expect(status, stderr).toBe(0);
    const c = CASES.find((x) => x.id === 'nanning-2019')!;
    const page = readFileSync(join(out, `${c.id}.html`), 'utf8');
    const file = scenario(c.file);
    const k = calibrate(readFileSync(file, 'utf8'), file, { fields: [c.fit!.field], observed: [c.fit!.observed], ranges: { [c.fit!.field]: c.fit!.range }, sensitivity: c.fit!.sensitivity, overrides: short });
    const f = c.fit!.field;
    const v = k.fitted[f];
    const ct = k.run.callTypes ?? undefined;
    expect(page).toContain(`<td>${escapeHtml(fieldLabel(f, ct))}</td><td class="num">${escapeHtml(fieldValue(f, v.value))}</td><td class="num">${escapeHtml(fieldRange(f, v.ciLow, v.ciHigh))}</td>`);
    for (const s of k.sensitivity) expect(page, s.field).toContain(`<td>${escapeHtml(fieldLabel(s.field, ct))}</td><td class="num">${escapeHtml(fieldValue(s.field, s.value))}</td>`);
    expect(page, 'no raw field path or "60.000..3600.0" range').not.toMatch(/<td>payroll\.phoneShare<|<td>callTypes\.|\d\.\d{3}\.\.\d/);
    const shipped = runScenario(loadScenario(file, short), { totalsOnly: true });
    expect(page).toContain(`<td class="num">${pct(shipped.totals.connectionRate.mean)}</td><td class="num">${escapeHtml(formatCi(shipped.totals.connectionRate, 'ratio'))}</td>`);
    const scen = loadScenario(file, short);
    const h = minimumHeadcountForTarget(scen, target, { peoplePerSeat: c.peoplePerSeat, period: 'horizon' });
    const phones = phonePeople(h.headcount, scen.payroll);
    expect(page).toContain(`${formatAmount(phones, Number.isInteger(phones) ? 0 : 1)} 人接听电话 on the phones（平均在席 ${formatAmount(h.agentsOnSeat, 1)}`);
    expect(page).toContain(`接通率 connection rate ${pct(h.kpi.mean)}`);
    // the case's words quote the run and the files, not typed-in figures
    expect(page).toContain(`the shipped file simulates ${pct(shipped.totals.connectionRate.mean)}`);
    expect(page).toContain(`keeps the fitted share on the phones (${formatAmount(fileValue(c.file, f) * 100, 1)}%)`);
    // and so do their Chinese versions, shown first
    expect(page).toContain(`所附场景文件的模拟接通率为 ${pct(shipped.totals.connectionRate.mean)}（公布值约30%）`);
    expect(page).toContain(`保持拟合出的接听电话人员占比（${formatAmount(fileValue(c.file, f) * 100, 1)}%）`);
    expect(page.indexOf('<strong>合理性</strong>'), 'Chinese before English').toBeLessThan(page.indexOf('<strong>Plausibility.</strong>'));
  });

  it('Haikou 2024: the head count for 95% and its budget in 万元 equal budget --target --per horizon', () => {
    const c = CASES.find((x) => x.id === 'haikou-2024')!;
    const page = readFileSync(join(out, `${c.id}.html`), 'utf8');
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    const s = budgetStudy({ file: scenario(c.file), target, period: 'horizon', overrides: short });
    const h = s.target!.result;
    const total = s.target!.budgets.outsourced.budget.total;
    expect(page).toContain(`接通率达到95%需要 ${formatAmount(h.headcount)} 人`);
    expect(page).toContain(`全成本 all-in <strong>${formatWan(total)}元/年</strong>`);
    expect(index).toContain(`<strong>${formatAmount(h.headcount)}</strong> 人 people`);
    expect(index).toContain(formatWan(total));
    const k = calibratedComment('haikou-2020.yaml', 'callTypes.1.wrapUpTime.mean');
    expect(page).toContain(`transferred from haikou-2020.yaml (${formatAmount(k.value, 1)} s, 95% CI ${formatAmount(k.ciLow, 1)}-${formatAmount(k.ciHigh, 1)})`);
    expect(page).toContain(`沿用 haikou-2020.yaml 的拟合值（${formatAmount(k.value, 1)} 秒，95%置信区间 ${formatAmount(k.ciLow, 1)}–${formatAmount(k.ciHigh, 1)}）`);
    expect(page, 'cited money in 万元').toContain(`三年合同${formatWan(126_780_000)}元`);
  });

  it('reads Chinese first: case titles, no raw field paths, every citation resolves', () => {
    const pages = html(out);
    const index = pages.find(([n]) => n === 'index.html')![1];
    for (const id of ids) {
      const c = CASES.find((x) => x.id === id)!;
      expect(index).toContain(`<a href="${id}.html">${escapeHtml(c.zh)}</a><br><small>${escapeHtml(c.en)}`);
    }
    for (const [name, page] of pages) {
      expectCitationsResolve(page, `calibration/${name}`);
      expect(page, name).not.toMatch(/\b1 days\b/);
      expect(page, name).toMatch(/<h1>[\u4e00-\u9fff]/);
    }
  });
});
