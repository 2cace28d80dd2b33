// From the page's inputs to its answer: the scenario text, the engine's analytic KPIs, the head
// count for the target and the cost study. Pure but for the engine's in-memory file store; the
// view only renders what this returns.
import {
  analyticKpis,
  averageDay,
  costStudy,
  headcountCurve,
  headcountForConnection,
  loadText,
  meanOnSeat,
  phoneStaff,
  ScenarioError,
  type AnalyticKpis,
  type BudgetStudy,
  type CurvePoint,
  type HeadcountForTarget,
  type Scenario,
} from './engine.ts';
import { applyFiveNumbers, newHotlineText, setNumber, stampTerm, MORE_PATHS, type FiveNumbers } from './scenarioText.ts';

export interface Inputs {
  /** 'new', a shipped case id, or 'file' (a YAML the planner opened). */
  source: string;
  /** The text of the case or file opened (unused for 'new'). */
  baseText: string;
  form: FiveNumbers;
  /** "more" inputs changed from the scenario's values, by key. */
  more: Record<string, number>;
  /** Budget or ceiling for the whole term, yuan; null: the case's cited contract, if any. */
  budgetYuan: number | null;
}

/** A field the planner typed that cannot be used, with the message shown beside it. */
export interface FieldError {
  field: string;
  message: { zh: string; en: string };
}

export interface Answer {
  text: string;
  scenario: Scenario;
  headcount: number;
  peoplePerSeat: number;
  phonePeople: number;
  onSeat: number;
  kpis: AnalyticKpis;
  forTarget: HeadcountForTarget | null;
  study: BudgetStudy;
  budgetYuan: number | null;
  budgetSource: 'input' | 'citedContract' | null;
  curve: CurvePoint[];
  day: { minute: number; callsPerHour: number; agents: number }[];
  cli: string;
}

export type Outcome = { ok: true; answer: Answer } | { ok: false; errors: FieldError[] };

const BOUNDS: Record<string, [number, number]> = {
  requests: [1, 1e9],
  phoneShare: [0.01, 1],
  headcount: [1, 200_000],
  monthlyWage: [500, 100_000],
  years: [0.25, 100],
  target: [0.5, 0.999],
  budgetYuan: [1, 1e12],
};

export function checkInputs(i: Inputs): FieldError[] {
  const errors: FieldError[] = [];
  const f = i.form;
  const check = (field: string, v: number | null, scale = 1, integer = false) => {
    if (v === null) return;
    const [lo, hi] = BOUNDS[field];
    if (!Number.isFinite(v)) errors.push({ field, message: { zh: '请输入数字', en: 'give a number' } });
    else if (v < lo || v > hi) errors.push({ field, message: { zh: `应在 ${lo * scale} 与 ${(hi * scale).toLocaleString('zh-CN')} 之间`, en: `must be between ${lo * scale} and ${(hi * scale).toLocaleString('en-US')}` } });
    else if (integer && !Number.isInteger(v)) errors.push({ field, message: { zh: '应为整数', en: 'must be a whole number' } });
  };
  check('requests', f.requests);
  if (f.callsPer === 'day' && f.requests > 3e6) errors.push({ field: 'requests', message: { zh: '每天最多 3,000,000', en: 'at most 3,000,000 a day' } });
  check('phoneShare', f.phoneShare, 100);
  check('headcount', f.headcount, 1, true);
  check('monthlyWage', f.monthlyWage);
  check('years', f.years);
  check('target', f.target, 100);
  check('budgetYuan', i.budgetYuan);
  return errors;
}

function yamlFieldOf(e: ScenarioError): string {
  const path = e.path;
  const joined = path.join('.');
  const more = MORE_PATHS.find((m) => m.path.join('.') === joined);
  if (more) return `more.${more.key}`;
  if (joined.startsWith('agents.headcount')) return 'headcount';
  if (joined.startsWith('arrivals')) return 'requests';
  if (joined.includes('monthlyWage')) return 'monthlyWage';
  return 'scenario';
}

function asFieldError(e: unknown): FieldError {
  if (e instanceof ScenarioError) {
    const msg = e.path.length ? `${e.path.join('.')}: ${e.problem}` : e.problem;
    return { field: yamlFieldOf(e), message: { zh: msg, en: msg } };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return { field: 'scenario', message: { zh: msg, en: msg } };
}

/** The scenario text the inputs describe, before the head-count search. */
export function scenarioTextOf(i: Inputs, headcount: number): string {
  let text = i.source === 'new' ? newHotlineText(i.form, headcount) : applyFiveNumbers(i.baseText, i.form, headcount);
  for (const m of MORE_PATHS) {
    const v = i.more[m.key];
    if (v !== undefined) text = setNumber(text, m.path, v);
  }
  return text;
}

function peoplePerSeatOf(s: Scenario, text: string): number {
  const m = /peoplePerSeat:\s*([0-9.]+)/.exec(text);
  if (!m) throw new RangeError('the scenario gives agents on seat, not a head count with peoplePerSeat: the workbench needs agents: { headcount, peoplePerSeat }');
  void s;
  return Number(m[1]);
}

export function compute(i: Inputs): Outcome {
  const errors = checkInputs(i);
  if (errors.length) return { ok: false, errors };
  try {
    const find = i.form.headcount === null;
    let text = scenarioTextOf(i, i.form.headcount ?? 100);
    let s = loadText(text);
    const pps = peoplePerSeatOf(s, text);
    let forTarget: HeadcountForTarget | null = null;
    try {
      forTarget = headcountForConnection(s, pps, i.form.target);
    } catch (e) {
      if (find) throw e;
    }
    let headcount = s.headcount ?? 0;
    if (find && forTarget) {
      headcount = forTarget.headcount;
      text = setNumber(text, ['agents', 'headcount'], headcount);
      s = loadText(text);
    }
    text = stampTerm(text, i.form.years);
    const kpis = analyticKpis(s);
    if (!kpis.stable) {
      return { ok: false, errors: [{ field: 'headcount', message: { zh: '人数太少：没有呼损时排队无限增长', en: 'too few people: without abandonment the queue grows without bound' } }] };
    }
    const cited = s.cost?.citedContract ?? null;
    let budgetYuan: number | null = i.budgetYuan;
    let budgetSource: Answer['budgetSource'] = budgetYuan !== null ? 'input' : null;
    if (budgetYuan === null && cited) {
      budgetYuan = (cited.yuan / cited.years) * i.form.years;
      budgetSource = 'citedContract';
    }
    const study = costStudy(text, { years: i.form.years, budgetYuan: budgetYuan ?? undefined });
    const cli =
      `hotline-sim budget scenario.yaml --no-simulate --years ${i.form.years}` + (budgetYuan !== null ? ` --budget ${Math.round(budgetYuan)}` : '');
    return {
      ok: true,
      answer: {
        text,
        scenario: s,
        headcount,
        peoplePerSeat: pps,
        phonePeople: phoneStaff(s, headcount),
        onSeat: meanOnSeat(s),
        kpis,
        forTarget,
        study,
        budgetYuan,
        budgetSource,
        curve: headcountCurve(s, study, pps, Math.max(headcount, forTarget?.headcount ?? 0)),
        day: averageDay(s),
        cli,
      },
    };
  } catch (e) {
    return { ok: false, errors: [asFieldError(e)] };
  }
}
