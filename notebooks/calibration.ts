// Case calibrations: for each case scenario, the question, the cited inputs, the unpublished
// input fitted to the published figure (value, 95% interval), the sensitivity table, the shipped
// file's own reproduction of the figure, and what the calibrated model then says about the head
// count for a 95% connection rate and its budget.
//
//   node --import tsx notebooks/calibration.ts [--only jiangsu,liaocheng] [--no-headcount]
//
// It calls the engine functions the CLI calls - calibrate (hotline-sim calibrate), runScenario
// (hotline-sim run), budgetStudy / minimumHeadcountForTarget (hotline-sim budget --target) - on
// the shipped files with their own horizons (two weeks; a week for Guangzhou; Yongchuan's small
// year), so every figure here is the figure the matching command prints. Sources:
// scenarios/SOURCES.md. Writes output/calibration/ (cleared first: no file of an earlier run stays).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  budgetStudy,
  calibrate,
  escapeHtml,
  fieldLabel,
  fieldName,
  fieldRange,
  fieldValue,
  formatAmount,
  formatDays,
  formatWan,
  formatCalibrationReport,
  formatCi,
  formatValue,
  htmlPage,
  loadScenario,
  minimumHeadcountForTarget,
  parseScenario,
  phonePeople,
  runScenario,
  writeFilesAtomically,
  type CalibrationResult,
  type Estimate,
  type HeadcountForTarget,
  type RunResult,
  type StaffingTarget,
} from '../engine/index.ts';
import { CASES, caseText, type CalibrationCase, type CaseText } from './calibrationCases.ts';
import { heldOut, heldOutHtml } from './calibrationHeldOut.ts';
import { BILINGUAL_CSS, bilingualHtml, freshOutputDir, htmlTable, shown, since, textBlock } from './shared.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'output', 'calibration');
const TARGET: StaffingTarget = { kind: 'connectionRate', value: 0.95 };

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    'no-headcount': { type: 'boolean', default: false },
    // A shorter horizon and fewer replications than the files' own (the page-vs-CLI test: notebooks/pages.test.ts).
    days: { type: 'string' },
    replications: { type: 'string' },
    // Another (new or empty) output folder than output/calibration.
    out: { type: 'string' },
  },
});
const only = args.only ? new Set(args.only.split(',')) : null;
const overrides = {
  ...(args.days !== undefined ? { horizonHours: Number(args.days) * 24 } : {}),
  ...(args.replications !== undefined ? { replications: Number(args.replications) } : {}),
};
if ((args.days !== undefined && !(Number(args.days) > 0)) || (args.replications !== undefined && !(Number.isInteger(overrides.replications) && overrides.replications! >= 2))) {
  process.stderr.write('calibration.ts: --days must be more than 0 and --replications a whole number, 2 or more\n');
  process.exit(2);
}

interface CaseOutcome {
  c: CalibrationCase;
  calibration: CalibrationResult | null;
  /** The shipped file as it is: does it reproduce the published figures? */
  shipped: RunResult;
  /** The shipped file's estimate of each published figure (a service level at the figure's own threshold). */
  published: Record<string, Estimate>;
  headcount: HeadcountForTarget | null;
  /** Of that head count, the people on the phones (the file's payroll section). */
  phoneStaff: number | null;
  /** Outsourced all-in and contract price for that head count, when the file has a cost section. */
  budget: { total: number; contractPrice: number | null } | null;
  seconds: number;
}

const t0 = performance.now();
const outcomes: CaseOutcome[] = [];
for (const c of CASES.filter((x) => !only || only.has(x.id))) {
  const t = performance.now();
  const file = join(root, 'scenarios', c.file);
  const text = readFileSync(file, 'utf8');
  process.stderr.write(`${c.id}: `);
  const calibration = c.fit
    ? calibrate(text, file, {
        fields: [c.fit.field],
        observed: [c.fit.observed],
        ranges: { [c.fit.field]: c.fit.range },
        sensitivity: c.fit.sensitivity,
        overrides,
        onProgress: () => process.stderr.write('.'),
      })
    : null;
  process.stderr.write(' run');
  const shipped = runScenario(loadScenario(file, overrides), { totalsOnly: true });
  // A service level published at another threshold than the file's headline (Jiangsu's 30 s against
  // GB/T 33358's 15 s): the shipped file run at that threshold, as the tests do.
  const published: Record<string, Estimate> = {};
  for (const p of c.published) {
    const run =
      p.seconds !== undefined && p.seconds !== shipped.serviceLevelSeconds
        ? runScenario(parseScenario(text.replace(/^serviceLevelSeconds: *\d+/m, `serviceLevelSeconds: ${p.seconds}`), file, overrides), { totalsOnly: true })
        : shipped;
    published[p.metric + (p.seconds ?? '')] = run.totals[p.metric];
  }
  let headcount: HeadcountForTarget | null = null;
  let budget: CaseOutcome['budget'] = null;
  if (!args['no-headcount']) {
    process.stderr.write(' head count');
    if (c.hasCost) {
      // hotline-sim budget <file> --target connection=0.95 --per horizon (the year's average, as the case files state)
      const study = budgetStudy({ file, target: TARGET, period: 'horizon', overrides });
      headcount = study.target!.result;
      const b = study.target!.budgets.outsourced.budget;
      budget = { total: b.total, contractPrice: b.contractPrice };
    } else {
      headcount = minimumHeadcountForTarget(loadScenario(file, overrides), TARGET, { peoplePerSeat: c.peoplePerSeat, period: 'horizon' });
    }
  }
  const phoneStaff = headcount ? phonePeople(headcount.headcount, loadScenario(file).payroll) : null;
  const seconds = (performance.now() - t) / 1000;
  process.stderr.write(` ${seconds.toFixed(1)} s\n`);
  outcomes.push({ c, calibration, shipped, published, headcount, phoneStaff, budget, seconds });
}

// ------------------------------------------------------------------ formatting
// Chinese first, English beside: titles, headings, field names (engine/text/fieldNames.ts), money in
// 万元 (result.json keeps yuan). Every figure is the engine's, formatted here only.
const pct = (v: number) => formatValue(v, 'ratio');
/** People: whole when whole, else one decimal (a payroll share of a head count). */
const people = (v: number) => formatAmount(v, Number.isInteger(v) ? 0 : 1);
const unitOf = (r: RunResult, id: string) => (r.metrics.find((m) => m.id === id)?.unit ?? 'calls') as Parameters<typeof formatValue>[1];
const nameOf = (r: RunResult, id: string) => {
  const m = r.metrics.find((x) => x.id === id);
  return m ? `${m.zh} ${m.name}` : id;
};
const callTypesOfRun = (o: CaseOutcome) => o.shipped.callTypes ?? undefined;
/** Does the shipped file reproduce a published figure: 是/否 and why, both languages. */
const insideText = (inside: boolean, bySlack: boolean, slack: number) =>
  !inside ? '否 NO' : bySlack ? `是，在公布值的取整范围内 yes, within the figure's rounding (±${(slack * 100).toFixed(1)} pt)` : '是 yes';
/** The shipped file against each published figure: observed, simulated with CI, inside the CI? */
function reproduction(o: CaseOutcome): { rows: string[][]; all: boolean; bySlack: boolean } {
  const figures: CalibrationCase['published'] = o.c.published;
  const r = o.shipped;
  let all = true;
  let bySlack = false;
  const rows = figures.map((f) => {
    const e = o.published[f.metric + (f.seconds ?? '')];
    const slack = f.tolerance ?? 0; // a figure published as "about" x: its own rounding
    const inside = e.ciLow !== null && e.ciHigh !== null && f.value >= e.ciLow - slack && f.value <= e.ciHigh + slack;
    const outsideCi = e.ciLow === null || e.ciHigh === null || f.value < e.ciLow || f.value > e.ciHigh;
    if (!inside) all = false;
    else if (slack > 0 && outsideCi) bySlack = true;
    return [f.label, formatValue(f.value, unitOf(r, f.metric)), formatValue(e.mean, unitOf(r, f.metric)), formatCi(e, unitOf(r, f.metric)), insideText(inside, slack > 0 && outsideCi, slack)];
  });
  return { rows, all, bySlack };
}
/** The command that gives the head count for 95% (and its budget). */
const headcountCommand = (c: CalibrationCase) =>
  c.hasCost ? `hotline-sim budget scenarios/${c.file} --target connection=0.95 --per horizon` : 'minimumHeadcountForTarget (the search hotline-sim budget --target runs; this file has no cost section)';
/** The run's period, as the page states it: "14 天 14 days from 2024-03-04, 10 次重复 replications". */
const periodText = (days: number, start: string | null, replications: number) =>
  `${formatAmount(days, Number.isInteger(days) ? 0 : 1)} 天 ${formatDays(days)}${start ? ` from ${start}` : ''}，${replications} 次重复 replications`;

/** The case's answer in Chinese, from the computed figures only. */
function zhSummary(o: CaseOutcome): string {
  const parts: string[] = [];
  const k = o.calibration;
  if (k) for (const [f, v] of Object.entries(k.fitted)) parts.push(`拟合得到${fieldName(f, callTypesOfRun(o)).zh} ${fieldValue(f, v.value)}（95% 区间 ${fieldRange(f, v.ciLow, v.ciHigh)}）。`);
  const rep = reproduction(o);
  if (rep.rows.length) parts.push(`所附场景文件${rep.all ? (rep.bySlack ? '在公布值的取整范围内复现了' : '在重复运行的95%置信区间内复现了') : '未能复现'}公布的指标（${rep.rows.map((x) => `${x[0]}：公布 ${x[1]}，模拟 ${x[2]}`).join('；')}）。`);
  else {
    const r = o.shipped;
    parts.push(`所附场景文件${r.staffing.headcount === null ? '' : `（${formatAmount(r.staffing.headcount)} 人）`}的模拟接通率为 ${pct(r.totals.connectionRate.mean)}（95% CI ${formatCi(r.totals.connectionRate, 'ratio')}），未公布可复现的指标。`);
  }
  const h = o.headcount;
  if (h) {
    const phones = o.phoneStaff ?? h.headcount;
    parts.push(
      o.c.phonesOnly
        ? `接通率达到95%需要 ${people(phones)} 人接听电话（平均在席 ${formatAmount(h.agentsOnSeat, 1)} 个坐席；拟合的是接听电话人员占比，人员总数无意义）。`
        : `接通率达到95%需要 ${formatAmount(h.headcount)} 人（${phones === h.headcount ? '全部接听电话' : `其中 ${people(phones)} 人接听电话`}，平均在席 ${formatAmount(h.agentsOnSeat, 1)} 个坐席）` +
            (o.budget ? `，外包全成本每年 ${formatWan(o.budget.total)}元` : '') + '。',
    );
  }
  return parts.join('');
}

/** Who takes calls in the shipped run, in Chinese: its payroll's people on the phones (the rule of engine/workforce/staffing.ts). */
function shippedPhonesZh(o: CaseOutcome): string {
  const payroll = loadScenario(join(root, 'scenarios', o.c.file)).payroll;
  const n = o.shipped.staffing.headcount;
  if (!payroll.given || n === null) return '全部人员接听电话';
  return `其中 ${people(phonePeople(n, payroll))} 人接听电话`;
}
/** The run's staffing profile as a planner says it (RunResult.staffing.profile). */
const PROFILE_ZH: Record<string, string> = { demand: '在席人数随来电量变化', flat: '全天固定在席' };
/** A case's prose block, Chinese first and the English below it; both made from the same run. */
const bilingual = (heading: string, zh: CaseText, en: CaseText, run: RunResult) =>
  bilingualHtml(escapeHtml(caseText(zh, { run })), escapeHtml(caseText(en, { run })), heading);

function casePage(o: CaseOutcome): string {
  const { c, calibration: k, shipped: r, headcount: h } = o;
  const ct = callTypesOfRun(o);
  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(c.zh)}<span class="zh" lang="en">${escapeHtml(c.title)}</span></h1>`);
  parts.push(`<div class="summary" lang="zh-CN"><p><strong>结论 Answer.</strong> ${escapeHtml(zhSummary(o))}</p></div>`);
  parts.push(`<p lang="zh-CN"><strong>问题</strong> ${escapeHtml(c.questionZh)}</p><p><strong>Question.</strong> ${escapeHtml(c.question)}</p>`);
  parts.push(`<h2>引用的输入 · Cited inputs</h2><ul>${c.cited.map((x, i) => `<li><span lang="zh-CN">${escapeHtml(c.citedZh[i] ?? '')}</span><br><span class="en">${escapeHtml(x)}</span></li>`).join('')}</ul>`);
  parts.push(`<p class="note">来源 Sources: <code>scenarios/SOURCES.md</code>（按条目名 by entry）. 假设 Assumptions: labelled in <code>scenarios/${escapeHtml(c.file)}</code>.</p>`);
  if (k) {
    parts.push('<h2>拟合的参数 · Fitted (CALIBRATED)</h2>');
    parts.push(
      htmlTable(
        ['参数 Field', '拟合值 Value', '95% 区间 interval', '原值 In the file before', '搜索范围 Searched'],
        Object.entries(k.fitted).map(([f, v]) => [fieldLabel(f, ct), fieldValue(f, v.value), fieldRange(f, v.ciLow, v.ciHigh), v.before === null ? '—' : fieldValue(f, v.before), fieldRange(f, v.range[0], v.range[1])]),
      ),
    );
    parts.push(`<p class="note">命令 Command: <code>${escapeHtml(c.command)}</code>（${escapeHtml(periodText(k.horizonDays, null, k.replications))}，${k.evaluations} 次模拟 simulations）.</p>`);
    parts.push('<h3>敏感性：未拟合假设取其他值时的拟合结果 · Sensitivity: the fit under other values of an unfitted assumption</h3>');
    parts.push(
      htmlTable(
        ['假设 Assumption', '取值 Value', ...k.fields.map((f) => fieldLabel(f, ct))],
        k.sensitivity.map((x) => [fieldLabel(x.field, ct), fieldValue(x.field, x.value), ...k.fields.map((f) => (x.fitted[f] === null ? `无解 no fit (${x.note ?? ''})` : fieldValue(f, x.fitted[f]!)))]),
      ),
    );
    const i = k.implied;
    parts.push(
      `<p>拟合值下 At the fit: 坐席占用率 occupancy ${pct(i.occupancy.mean)}，每个接通来电的坐席时间 agent time per answered call ${formatValue(i.handleSecondsPerAnsweredCall, 'seconds')}，` +
        `平均在席 ${formatAmount(i.agentsOnSeatMean, 1)} 个坐席 agents on seat on average${i.outboundShareOfWork && i.outboundShareOfWork.mean > 0 ? `，回访占工作时间 ${pct(i.outboundShareOfWork.mean)} of work time on return visits` : ''}.</p>`,
    );
    parts.push(textBlock('hotline-sim calibrate 的输出 · The calibration report as hotline-sim calibrate prints it', formatCalibrationReport(k)));
  } else {
    parts.push(`<h2>未校准 · Not calibrated</h2>${bilingual('', c.notCalibratedZh ?? '', c.notCalibrated ?? '', r)}`);
  }
  parts.push(bilingual('合理性 · Plausibility', c.plausibilityZh, c.plausibility, r));
  const rep = reproduction(o);
  parts.push(`<h2>所附场景文件 · The shipped file（${escapeHtml(periodText(r.horizon.days, r.horizon.start, r.replications))}）</h2>`);
  if (rep.rows.length) parts.push(htmlTable(['公布指标 Published figure', '公布值 Observed', '模拟值 Simulated', '95% CI', '公布值在区间内 Observed inside the CI'], rep.rows));
  parts.push(
    htmlTable(
      ['运行指标 Run KPI', '均值 Mean', '95% CI'],
      ['connectionRate', 'serviceLevel', 'asa', 'meanWait', 'occupancy'].filter((id) => r.totals[id]).map((id) => [nameOf(r, id), formatValue(r.totals[id].mean, unitOf(r, id)), formatCi(r.totals[id], unitOf(r, id))]),
    ),
  );
  const held = heldOut(c.id, r);
  if (held) parts.push(heldOutHtml(held));
  parts.push(
    bilingualHtml(
      `${r.staffing.headcount === null ? '—' : formatAmount(r.staffing.headcount)} 人在册，平均在席 ${formatAmount(r.staffing.meanOnSeat, 1)} 个坐席（${r.staffing.minOnSeat}–${r.staffing.maxOnSeat}），${escapeHtml(PROFILE_ZH[r.staffing.profile] ?? r.staffing.profile)}；${shippedPhonesZh(o)}。`,
      `${r.staffing.headcount === null ? '—' : formatAmount(r.staffing.headcount)} people on the payroll, ${formatAmount(r.staffing.meanOnSeat, 1)} on seat on average (${r.staffing.minOnSeat}–${r.staffing.maxOnSeat}), ${escapeHtml(r.staffing.profile)}; ${escapeHtml(r.staffing.payroll ?? 'everyone takes calls')}.`,
      '人员 · Staffing',
    ),
  );
  if (h) {
    const phones = o.phoneStaff ?? h.headcount;
    parts.push('<h2>接通率95%所需人数 · Head count for a 95% connection rate</h2>');
    parts.push(
      `<p>${c.phonesOnly ? '' : `${formatAmount(h.headcount)} 人 people on the payroll，其中 `}${people(phones)} 人接听电话 on the phones（平均在席 ${formatAmount(h.agentsOnSeat, 1)} on seat on average, following demand）；接通率 connection rate ${pct(h.kpi.mean)}（${formatCi(h.kpi, 'ratio')}）` +
        `${h.oneFewer ? `；少一个在席坐席 one agent fewer on seat: ${pct(h.oneFewer.kpi.mean)}` : ''}. 命令 Command: <code>${escapeHtml(headcountCommand(c))}</code>.</p>`,
    );
    if (o.budget)
      parts.push(
        `<p>该人数的预算（外包，场景文件的成本部分）Budget for that head count (outsourced, the file's cost section): 全成本 all-in <strong>${formatWan(o.budget.total)}元/年</strong> a year` +
          `${o.budget.contractPrice !== null ? `，合同价 contract price ${formatWan(o.budget.contractPrice)}元` : ''}.</p>`,
      );
  }
  parts.push(bilingual('本案说明 · What the case says', c.conclusionZh, c.conclusion, r));
  parts.push('<footer>由 <code>notebooks/calibration.ts</code> 生成 Made by notebooks/calibration.ts (hotline-sim); 模拟结果，非观测值 simulated figures, not observations. <a href="index.html">全部案例 All cases</a></footer>');
  return htmlPage(`${c.zh} · ${c.en}`, BILINGUAL_CSS + parts.join('\n'));
}

/** One row of the index: every cell already HTML (escaped here). */
function indexRow(o: CaseOutcome): string[] {
  const k = o.calibration;
  const ct = callTypesOfRun(o);
  const rep = reproduction(o);
  const h = o.headcount;
  const phones = h ? (o.phoneStaff ?? h.headcount) : 0;
  const e = escapeHtml;
  return [
    `<a href="${e(o.c.id)}.html">${e(o.c.zh)}</a><br><small>${e(o.c.en)} · <code>${e(o.c.file)}</code></small>`,
    k ? Object.entries(k.fitted).map(([f, v]) => `${e(fieldLabel(f, ct))}<br><strong>${e(fieldValue(f, v.value))}</strong><br><small>95% 区间 ${e(fieldRange(f, v.ciLow, v.ciHigh))}</small>`).join('<br>') : '未校准 not calibrated',
    rep.rows.length ? rep.rows.map((x) => e(x[0])).join('<br>') : '未公布 none published',
    rep.rows.map((x) => e(x[1])).join('<br>') || '—',
    rep.rows.map((x) => `<strong>${e(x[2])}</strong><br><small>${e(x[3])}</small>`).join('<br>') || '—',
    rep.rows.length ? (rep.all ? (rep.bySlack ? '是，在公布值的取整范围内；不在重复运行的置信区间内 yes, within the figure\'s rounding (calibrate: "not reproduced within the replication CI")' : '是 yes, within the replication CI') : '<strong>否 NO</strong>') : '—',
    h
      ? o.c.phonesOnly
        ? `<strong>${e(people(phones))}</strong> 人接听电话 on the phones<br><small>平均在席 ${e(formatAmount(h.agentsOnSeat, 1))}；人员总数无意义（拟合的是接听电话人员占比） payroll total not meaningful</small>`
        : `<strong>${e(formatAmount(h.headcount))}</strong> 人 people<br><small>${e(people(phones))} 接听电话 on the phones，平均在席 ${e(formatAmount(h.agentsOnSeat, 1))} on seat</small>`
      : '—',
    o.budget ? e(formatWan(o.budget.total)) : '—',
  ];
}

const header = ['案例 Case', '拟合参数 Fitted (95% 区间)', '公布指标 Published figure', '公布值 Observed', '模拟值 Simulated (95% CI)', '复现 Reproduced', '接通率95%所需人数 Head count for 95%', '外包全成本 万元/年 Budget for it (outsourced all-in, 10,000 yuan a year)'];
const periods = [...new Set(outcomes.map((o) => periodText(o.shipped.horizon.days, null, o.shipped.replications)))];
const index = htmlPage(
  'hotline-sim: 案例校准 Case calibrations',
  '<h1>案例校准<span class="zh" lang="en">Case calibrations</span></h1>\n' +
    BILINGUAL_CSS +
    bilingualHtml(
      '每个案例场景都拟合到其公布的指标（来源：<code>scenarios/SOURCES.md</code>）：未公布的输入（如工单话后处理时长）由模拟搜索得出，附95%区间；再用校准后的模型求接通率达到95%所需的人数及其预算。',
      'Each case scenario fitted to its published figures; the unpublished input is searched by simulation, with its 95% interval; the calibrated model then gives the head count for a 95% connection rate and its budget.',
    ) +
    '\n' +
    `<p class="note">模拟时段 Horizons: ${escapeHtml(periods.join('; '))}（场景文件自身的时段：两个普通周；广州一周；永川一年 the files' own: two ordinary weeks; a week for Guangzhou; Yongchuan's year, unless shortened on the command line）。公布值为年度平均，未公布季节性 the published figures are yearly averages; no seasonality is published.</p>\n` +
    htmlTable(header, outcomes.map(indexRow), { align: header.map((_, i) => (i === 7 ? 'right' : 'left')), htmlColumns: header.map((_, i) => i), className: 'wide' }) +
    '\n<footer>由 <code>notebooks/calibration.ts</code> 生成 Made by notebooks/calibration.ts (hotline-sim); 模拟结果，非观测值 simulated figures, not observations.</footer>',
);
const files: Record<string, string> = { 'index.html': index };
for (const o of outcomes) files[`${o.c.id}.html`] = casePage(o);
files['result.json'] = JSON.stringify(
  outcomes.map((o) => ({
    case: o.c.id,
    file: `scenarios/${o.c.file}`,
    fitted: o.calibration?.fitted ?? null,
    observed: o.calibration?.observed ?? null,
    simulated: o.calibration?.simulated ?? null,
    sensitivity: o.calibration?.sensitivity ?? null,
    shipped: Object.fromEntries(['connectionRate', 'serviceLevel', 'asa', 'meanWait', 'occupancy'].map((id) => [id, o.shipped.totals[id]])),
    headcountFor95: o.headcount ? { headcount: o.headcount.headcount, onThePhones: o.phoneStaff, agentsOnSeat: o.headcount.agentsOnSeat, connectionRate: o.headcount.kpi } : null,
    budgetFor95: o.budget,
  })),
  null,
  2,
);
if (args.out === undefined) freshOutputDir(OUT);
const written = writeFilesAtomically(args.out ?? OUT, files, args.out === undefined);

const lines = [
  'Case calibrations 案例校准 (sources: scenarios/SOURCES.md)',
  ...outcomes.map((o) => `  ${o.c.en}: ${zhSummary(o)}`),
  `Wrote ${shown([written[0]])} and ${written.length - 1} more in ${shown([args.out ?? OUT])} (${since(t0)})`,
];
process.stdout.write(lines.join('\n') + '\n');
