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
  formatAmount,
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
import { CASES, type CalibrationCase } from './calibrationCases.ts';
import { heldOut, heldOutHtml } from './calibrationHeldOut.ts';
import { freshOutputDir, htmlTable, shown, since, textBlock } from './shared.ts';

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
const pct = (v: number) => formatValue(v, 'ratio');
/** People: whole when whole, else one decimal (a payroll share of a head count). */
const people = (v: number) => formatAmount(v, Number.isInteger(v) ? 0 : 1);
const num = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(1) : Math.abs(v) >= 1 ? v.toFixed(3) : v.toPrecision(4));
const unitOf = (r: RunResult, id: string) => (r.metrics.find((m) => m.id === id)?.unit ?? 'calls') as Parameters<typeof formatValue>[1];
const nameOf = (r: RunResult, id: string) => {
  const m = r.metrics.find((x) => x.id === id);
  return m ? `${m.name} ${m.zh}` : id;
};
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
    if (!inside) all = false;
    else if (slack > 0 && (f.value < e.ciLow! || f.value > e.ciHigh!)) bySlack = true;
    return [f.label, formatValue(f.value, unitOf(r, f.metric)), formatValue(e.mean, unitOf(r, f.metric)), formatCi(e, unitOf(r, f.metric)), inside ? (slack > 0 && (f.value < e.ciLow! || f.value > e.ciHigh!) ? `yes, within the figure's rounding (±${(slack * 100).toFixed(1)} pt)` : 'yes') : 'NO'];
  });
  return { rows, all, bySlack };
}

function casePage(o: CaseOutcome): string {
  const { c, calibration: k, shipped: r, headcount: h } = o;
  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(c.title)}</h1>`);
  parts.push(`<p><strong>Question.</strong> ${escapeHtml(c.question)}</p>`);
  parts.push(`<h2>Cited inputs</h2><ul>${c.cited.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`);
  parts.push(`<p class="note">Sources: <code>scenarios/SOURCES.md</code>. Assumptions are labelled in <code>scenarios/${escapeHtml(c.file)}</code>.</p>`);
  if (k) {
    parts.push('<h2>Fitted (CALIBRATED)</h2>');
    parts.push(
      htmlTable(
        ['Field', 'Value', '95% interval', 'In the file before', 'Searched'],
        Object.entries(k.fitted).map(([f, v]) => [f, num(v.value), `${num(v.ciLow)} – ${num(v.ciHigh)}`, v.before === null ? '—' : num(v.before), `${num(v.range[0])}..${num(v.range[1])}`]),
      ),
    );
    parts.push(`<p>Command: <code>${escapeHtml(c.command)}</code> (${k.horizonDays} days, ${k.replications} replications, ${k.evaluations} simulations).</p>`);
    parts.push('<h3>Sensitivity: the fit under other values of an unfitted assumption</h3>');
    parts.push(
      htmlTable(
        ['Assumption', 'Value', ...k.fields],
        k.sensitivity.map((s) => [s.field, num(s.value), ...k.fields.map((f) => (s.fitted[f] === null ? `no fit (${s.note ?? ''})` : num(s.fitted[f]!)))]),
      ),
    );
    const i = k.implied;
    parts.push(
      `<p>Implied at the fit: occupancy ${pct(i.occupancy.mean)}, agent time per answered call ${formatValue(i.handleSecondsPerAnsweredCall, 'seconds')}, ` +
        `${i.agentsOnSeatMean.toFixed(1)} agents on seat on average${i.outboundShareOfWork ? `, ${pct(i.outboundShareOfWork.mean)} of work time on return visits` : ''}.</p>`,
    );
    parts.push(textBlock('The calibration report as hotline-sim calibrate prints it', formatCalibrationReport(k)));
  } else {
    parts.push(`<h2>Not calibrated</h2><p>${escapeHtml(c.notCalibrated ?? '')}</p>`);
  }
  parts.push(`<p><strong>Plausibility.</strong> ${escapeHtml(c.plausibility)}</p>`);
  const rep = reproduction(o);
  parts.push(`<h2>The shipped file (${r.horizon.days} days from ${r.horizon.start}, ${r.replications} replications)</h2>`);
  if (rep.rows.length) parts.push(htmlTable(['Published figure', 'Observed', 'Simulated', '95% CI', 'Observed inside the CI'], rep.rows));
  parts.push(
    htmlTable(
      ['Run KPI', 'Mean', '95% CI'],
      ['connectionRate', 'serviceLevel', 'asa', 'meanWait', 'occupancy'].filter((id) => r.totals[id]).map((id) => [nameOf(r, id), formatValue(r.totals[id].mean, unitOf(r, id)), formatCi(r.totals[id], unitOf(r, id))]),
    ),
  );
  const held = heldOut(c.id, r);
  if (held) parts.push(heldOutHtml(held));
  parts.push(`<p>Staffing: ${r.staffing.headcount ?? '—'} people on the payroll, ${r.staffing.meanOnSeat.toFixed(1)} on seat on average (${r.staffing.minOnSeat}–${r.staffing.maxOnSeat}), ${r.staffing.profile}; ${escapeHtml(r.staffing.payroll ?? 'everyone takes calls')}.</p>`);
  if (h) {
    parts.push('<h2>Head count for a 95% connection rate</h2>');
    parts.push(
      `<p>${formatAmount(h.headcount)} people on the payroll, ${people(o.phoneStaff ?? h.headcount)} of them on the phones (${((o.phoneStaff ?? h.headcount) / h.peoplePerSeat).toFixed(1)} on seat on average, following demand); connection rate ${pct(h.kpi.mean)} (${formatCi(h.kpi, 'ratio')})` +
        `${h.oneFewer ? `; one agent fewer on seat gives ${pct(h.oneFewer.kpi.mean)}` : ''}. Command: <code>${escapeHtml(c.hasCost ? `hotline-sim budget scenarios/${c.file} --target connection=0.95 --per horizon` : `minimumHeadcountForTarget (the search hotline-sim budget --target runs; this file has no cost section)`)}</code>.</p>`,
    );
    if (o.budget) parts.push(`<p>Budget for that head count (outsourced, the file's cost section): ${formatAmount(Math.round(o.budget.total))} yuan a year all-in${o.budget.contractPrice !== null ? `, contract price ${formatAmount(Math.round(o.budget.contractPrice))}` : ''}.</p>`);
  }
  parts.push(`<p><strong>What the case says.</strong> ${escapeHtml(c.conclusion)}</p>`);
  return htmlPage(c.title, parts.join('\n'));
}

function summaryRow(o: CaseOutcome): string[] {
  const k = o.calibration;
  const fitted = k ? Object.entries(k.fitted).map(([f, v]) => `${f} = ${num(v.value)} (${num(v.ciLow)}–${num(v.ciHigh)})`).join('; ') : 'not calibrated';
  const rep = reproduction(o);
  return [
    o.c.id,
    fitted,
    rep.rows.length ? rep.rows.map((x) => `${x[0]}: ${x[1]} vs ${x[2]} (${x[3]})`).join('; ') : 'no published rate',
    rep.rows.length ? (rep.all ? (rep.bySlack ? 'yes, within the published figure\'s rounding; outside the replication CI (calibrate: "not reproduced")' : 'yes, within the replication CI') : 'NO') : '—',
    o.headcount
      ? o.c.phonesOnly
        ? `${people(o.phoneStaff ?? o.headcount.headcount)} on the phones, ${formatAmount(o.headcount.agentsOnSeat, 1)} on seat on average (payroll total not meaningful: fitted phone share)`
        : `${formatAmount(o.headcount.headcount)} (${people(o.phoneStaff ?? o.headcount.headcount)} on the phones, ${formatAmount(o.headcount.agentsOnSeat, 1)} on seat on average)`
      : '—',
    o.budget ? formatAmount(Math.round(o.budget.total)) : '—',
  ];
}

const header = ['case', 'fitted (95% CI)', 'published vs simulated (shipped file, 95% CI)', 'reproduced', 'head count for 95%', 'budget for it (yuan/yr, outsourced all-in)'];
const index = htmlPage(
  'hotline-sim: case calibrations',
  '<h1>Case calibrations</h1>\n' +
    '<p>Each case scenario fitted to its published figures (sources: <code>scenarios/SOURCES.md</code>). ' +
    'Horizons are the files\' own (two ordinary weeks; a week for Guangzhou; Yongchuan\'s year): the published figures are yearly averages and no seasonality is published.</p>\n' +
    htmlTable(header, outcomes.map(summaryRow), { align: header.map((_, i) => (i < 4 ? 'left' : 'right')) }) +
    '\n<ul>' + outcomes.map((o) => `<li><a href="${o.c.id}.html">${escapeHtml(o.c.title)}</a></li>`).join('') + '</ul>',
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
  'Case calibrations (sources: scenarios/SOURCES.md)',
  ...outcomes.map((o) => {
    const [id, fitted, published, ok, hc] = summaryRow(o);
    return `  ${id.padEnd(13)} ${fitted}\n  ${''.padEnd(13)} ${published} - reproduced: ${ok}; head count for 95%: ${hc}`;
  }),
  `Wrote ${shown([written[0]])} and ${written.length - 1} more in ${shown([args.out ?? OUT])} (${since(t0)})`,
];
process.stdout.write(lines.join('\n') + '\n');
