// From the page's inputs to its answer: the scenario text, the engine's analytic KPIs, the head
// count for the target and the cost study. Pure but for the engine's in-memory file store; the
// view only renders what this returns.
import {
  affordableWages,
  analyticKpis,
  atHeadcount,
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
import { editScenario, setHeadcount, stampTerm, MORE_PATHS, type FiveNumbers } from './scenarioText.ts';

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
  /** The gross operator wage the budget or price pays, per model (as `budget --budget`). */
  affordable: Record<'outsourced' | 'inhouse', number> | null;
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

/** The "more" inputs the planner changed, with their paths. */
function moreEdits(i: Inputs): { path: (string | number)[]; value: number }[] {
  return MORE_PATHS.filter((m) => i.more[m.key] !== undefined).map((m) => ({ path: m.path, value: i.more[m.key] }));
}

/** The scenario text the inputs describe at a head count. */
export function scenarioTextOf(i: Inputs, headcount: number): string {
  return stampTerm(editScenario(i.source === 'new' ? null : i.baseText, i.form, headcount, moreEdits(i)).toString({ lineWidth: 100 }), i.form.years);
}

let lastTarget: { key: string; value: HeadcountForTarget | null } | null = null;

/** The answer, at once: one YAML parse for the page's edits, one for the engine's loader, the engine's cost study. */
export function compute(i: Inputs, hint?: number): Outcome {
  const errors = checkInputs(i);
  if (errors.length) return { ok: false, errors };
  try {
    const find = i.form.headcount === null;
    const doc = editScenario(i.source === 'new' ? null : i.baseText, i.form, i.form.headcount ?? hint ?? 100, moreEdits(i));
    let text = stampTerm(doc.toString({ lineWidth: 100 }), i.form.years);
    let s = loadText(text);
    const pps = doc.getIn(['agents', 'peoplePerSeat']);
    if (typeof pps !== 'number' || s.headcount === null) {
      throw new RangeError('the scenario gives agents on seat, not agents: { headcount, peoplePerSeat }: the workbench needs a head count');
    }
    // the head count for the target does not depend on the head count typed: kept while only that changes
    const targetKey = JSON.stringify([i.source, i.baseText, { ...i.form, headcount: null }, i.more]);
    let forTarget: HeadcountForTarget | null = lastTarget?.key === targetKey ? lastTarget.value : null;
    if (!forTarget) {
      try {
        forTarget = headcountForConnection(s, pps, i.form.target, find ? hint : (hint ?? s.headcount));
      } catch (e) {
        if (find) throw e;
      }
      lastTarget = { key: targetKey, value: forTarget };
    }
    let kpis: AnalyticKpis;
    if (find && forTarget) {
      // the head count found: the engine's own head count → agents rule (what the loader applies to the file)
      setHeadcount(doc, forTarget.headcount);
      text = stampTerm(doc.toString({ lineWidth: 100 }), i.form.years);
      s = atHeadcount(s, forTarget.headcount, pps);
      kpis = forTarget.kpis;
    } else kpis = analyticKpis(s);
    const headcount = s.headcount ?? 0;
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
    const study = costStudy(text, { years: i.form.years });
    // The study prices the head count plus the people a demand profile's floor needs beyond it (Staffing.floorAdded).
    const priced = headcount + s.staffing.floorAdded;
    if (Math.abs(study.at.agentsOnSeat - meanOnSeat(s)) > 1e-9 || study.at.headcount !== priced) {
      throw new Error(`the page's staffing (${priced} people priced, ${meanOnSeat(s)} on seat) is not the file's (${study.at.headcount}, ${study.at.agentsOnSeat})`);
    }
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
        affordable: budgetYuan !== null ? affordableWages(s, study, budgetYuan) : null,
        day: averageDay(s),
        cli,
      },
    };
  } catch (e) {
    return { ok: false, errors: [asFieldError(e)] };
  }
}

/** What the charts need beyond the answer (the waterfall's inversion, the curves): computed after the answer is drawn. */
export interface Details {
  inversion: BudgetStudy['inversion'];
  curve: CurvePoint[];
}

const details = new WeakMap<Answer, Details>();

export function answerDetails(a: Answer): Details {
  let d = details.get(a);
  if (!d) {
    const inversion = a.budgetYuan !== null ? costStudy(a.text, { years: a.study.years, budgetYuan: a.budgetYuan }).inversion : null;
    d = { inversion, curve: headcountCurve(a.scenario, a.study, a.peoplePerSeat, a.headcount, a.forTarget?.headcount ?? a.headcount) };
    details.set(a, d);
  }
  return d;
}
