// The page's scenario is YAML text: a shipped case, or a "new hotline" written from five numbers
// on the Liaocheng case's sourced defaults. The form edits that text in place (comments kept), so
// what the page computes is exactly what it downloads and the CLI reads.
import { isMap, isPair, isScalar, parseDocument, type Document } from 'yaml';
import { CASES, type ShippedCase } from 'virtual:cases';

export { CASES, type ShippedCase };

/** The five numbers (and the KPI target), as the form holds them. */
export interface FiveNumbers {
  callsPer: 'year' | 'day';
  /** Requests over all channels, per year or per day. */
  requests: number;
  /** Share of the requests made by phone (0–1); the rest are online (WeChat, app, web, SMS). */
  phoneShare: number;
  /** Payroll head count; null: find the head count for the target. */
  headcount: number | null;
  /** Gross monthly wage of an operator, yuan. */
  monthlyWage: number;
  /** '' = national defaults. */
  province: string;
  city: string;
  /** Contract term, years. */
  years: number;
  /** 接通率 target per month, a fraction. */
  target: number;
}

/** The case the "new hotline" takes every other input from: the most fully sourced one. */
export const TEMPLATE_CASE = 'liaocheng-2024';

/** Role wages of the template relative to the operator's (Liaocheng 2024, ASSUMPTION there). */
const ROLE_WAGE_MULTIPLES: Record<string, number> = { teamLeader: 1.3, qualityInspector: 1.2, trainer: 1.3, manager: 2 };

export const NEW_HOTLINE_DEFAULTS: FiveNumbers = {
  callsPer: 'year',
  requests: 1_000_000,
  phoneShare: 0.8519,
  headcount: null,
  monthlyWage: 4000,
  province: '',
  city: '',
  years: 1,
  target: 0.95,
};

function caseText(id: string): string {
  const c = CASES.find((k) => k.id === id);
  if (!c) throw new Error(`no shipped case ${id}`);
  return c.text;
}

function num(doc: Document, path: (string | number)[]): number | undefined {
  const v = doc.getIn(path);
  return typeof v === 'number' ? v : undefined;
}

const TERM_LINE = /^# workbench: .*\n/;

/**
 * The contract term is a `budget --years` option, not a scenario field: the page writes it into the
 * file's first line, with the command that prices it, and reads it back from there.
 */
export function stampTerm(text: string, years: number): string {
  return `# workbench: priced for a ${years}-year contract term: hotline-sim budget <this file> --no-simulate --years ${years}\n${text.replace(TERM_LINE, '')}`;
}

function stampedTerm(text: string): number | undefined {
  const m = /^# workbench: .*--years ([0-9.]+)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** The five numbers a scenario text holds (what the form shows when a case is opened). */
export function readFiveNumbers(text: string, target = 0.95): FiveNumbers {
  return readDoc(parseDocument(text), text, target);
}

/** Whether the scenario models online requests (else the share not by phone is left out of it). */
export function hasOnlineChannel(text: string): boolean {
  return parseDocument(text).hasIn(['online', 'arrivals']);
}

/** Sets `path` in the document, keeping the comment on the line. */
function setKeep(doc: Document, path: (string | number)[], value: unknown): void {
  const node = doc.getIn(path, true);
  if (isScalar(node)) node.value = value;
  else doc.setIn(path, value);
}

/** The five numbers as the document says them (what a change is measured against). */
function readDoc(doc: Document, text: string, target: number): FiveNumbers {
  const annual = num(doc, ['arrivals', 'annualCalls']);
  const daily = num(doc, ['arrivals', 'dailyCalls']);
  const online = num(doc, ['online', 'arrivals', 'dailyCalls']) ?? 0;
  const callsPer = annual === undefined && daily !== undefined ? 'day' : 'year';
  const phone = callsPer === 'year' ? (annual ?? 0) : (daily ?? 0);
  const requests = Math.round(phone + (callsPer === 'year' ? online * 365 : online));
  return {
    callsPer,
    requests,
    phoneShare: requests > 0 ? Number((phone / requests).toFixed(4)) : 1,
    headcount: num(doc, ['agents', 'headcount']) ?? null,
    monthlyWage: num(doc, ['cost', 'roles', 'operator', 'monthlyWage']) ?? 4000,
    province: String(doc.getIn(['cost', 'region', 'province']) ?? ''),
    city: String(doc.getIn(['cost', 'city', 'name']) ?? ''),
    years: stampedTerm(text) ?? num(doc, ['cost', 'citedContract', 'years']) ?? 1,
    target,
  };
}

const FIVE: (keyof FiveNumbers)[] = ['requests', 'phoneShare', 'callsPer', 'monthlyWage', 'province', 'city'];

/** Applies the five numbers to a document; fields equal to what it already says are left alone. */
function applyToDoc(doc: Document, before: FiveNumbers, f: FiveNumbers, headcount: number | null): void {
  const changed = (k: keyof FiveNumbers) => before[k] !== f[k];
  if (changed('requests') || changed('phoneShare') || changed('callsPer')) {
    const phone = f.requests * f.phoneShare;
    const onlinePerDay = (f.requests * (1 - f.phoneShare)) / (f.callsPer === 'year' ? 365 : 1);
    const arrivals = doc.getIn(['arrivals'], true);
    if (isMap(arrivals)) {
      arrivals.delete('annualCalls');
      arrivals.delete('dailyCalls');
      // keep the key first, where a reader looks for it
      arrivals.items.unshift(doc.createPair(f.callsPer === 'year' ? 'annualCalls' : 'dailyCalls', Math.round(phone)));
    }
    if (doc.hasIn(['online', 'arrivals'])) {
      if (onlinePerDay >= 0.5) setKeep(doc, ['online', 'arrivals', 'dailyCalls'], Math.round(onlinePerDay));
      else doc.deleteIn(['online']);
    }
  }
  if (headcount !== null && headcount !== before.headcount) setKeep(doc, ['agents', 'headcount'], headcount);
  if (changed('monthlyWage')) {
    const old = before.monthlyWage;
    setKeep(doc, ['cost', 'roles', 'operator', 'monthlyWage'], f.monthlyWage);
    // the other roles keep their ratio to the operator's wage
    for (const role of Object.keys(ROLE_WAGE_MULTIPLES)) {
      const w = num(doc, ['cost', 'roles', role, 'monthlyWage']);
      if (w !== undefined && old > 0) setKeep(doc, ['cost', 'roles', role, 'monthlyWage'], Math.round((w * f.monthlyWage) / old));
    }
  }
  if (changed('province')) {
    // the region table is keyed by province and year; without a province the national defaults apply
    if (!f.province) doc.deleteIn(['cost', 'region']);
    else if (doc.hasIn(['cost', 'region'])) setKeep(doc, ['cost', 'region', 'province'], f.province);
    else doc.setIn(['cost', 'region'], doc.createNode({ province: f.province, year: num(doc, ['cost', 'calendarYear']) ?? 2024 }));
  }
  if (changed('city')) {
    if (f.city) setKeep(doc, ['cost', 'city', 'name'], f.city);
    else doc.deleteIn(['cost', 'city', 'name']);
  }
}

/** The text with the five numbers applied; fields equal to what the text already says are left alone. */
export function applyFiveNumbers(text: string, f: FiveNumbers, headcount: number | null): string {
  const doc = parseDocument(text);
  const before = readDoc(doc, text, f.target);
  if (!FIVE.some((k) => before[k] !== f[k]) && (headcount === null || headcount === before.headcount)) return text;
  applyToDoc(doc, before, f, headcount);
  return doc.toString({ lineWidth: 100 });
}

let template: { doc: Document; before: FiveNumbers } | null = null;

/** The template case made into a new hotline (parsed once; each new hotline is a copy). */
function newHotlineDoc(f: FiveNumbers): { doc: Document; before: FiveNumbers } {
  if (!template) {
    const doc = parseDocument(caseText(TEMPLATE_CASE));
    doc.deleteIn(['cost', 'citedContract']);
    // a new hotline's payroll: Liaocheng's share on the phones (208 of 237), not its named off-phone people
    doc.set('payroll', doc.createNode({ phoneShare: 0.8776 }));
    doc.deleteIn(['cost', 'region']);
    doc.setIn(['cost', 'city'], doc.createNode({}));
    template = { doc, before: readDoc(doc, '', 0.95) };
  }
  const doc = template.doc.clone();
  const place = f.city || f.province;
  doc.commentBefore =
    ` A new 12345 hotline${place ? ` (${place})` : ''}, written by the hotline-sim workbench from five numbers.\n` +
    ' Every other input is the Liaocheng 2024 case\'s (scenarios/liaocheng-2024.yaml): its comments below\n' +
    ' say which figures are CITED and which are ASSUMPTIONS. Its calibration was to Liaocheng, not here.';
  doc.set('name', place ? `New hotline: ${place} (from five numbers)` : 'New hotline (from five numbers)');
  doc.set('description', 'Written by the hotline-sim workbench from five numbers on the Liaocheng 2024 case\'s sourced defaults.');
  return { doc, before: { ...template.before, target: f.target } };
}

/** A new hotline: the template case with the five numbers, its own name, no cited contract, no calibration claim. */
export function newHotlineText(f: FiveNumbers, headcount: number): string {
  const { doc, before } = newHotlineDoc(f);
  applyToDoc(doc, before, f, headcount);
  return doc.toString({ lineWidth: 100 });
}

/**
 * The page's scenario in one parse: a new hotline or a case's text, with the five numbers and
 * the "more" inputs applied. Returns the document too, so the head count can be set afterwards.
 */
export function editScenario(base: string | null, f: FiveNumbers, headcount: number, more: { path: (string | number)[]; value: number }[]): Document {
  let doc: Document;
  if (base === null) {
    const t = newHotlineDoc(f);
    doc = t.doc;
    applyToDoc(doc, t.before, f, headcount);
  } else {
    doc = parseDocument(base);
    applyToDoc(doc, readDoc(doc, base, f.target), f, headcount);
  }
  for (const m of more) setKeep(doc, m.path, m.value);
  return doc;
}

export function setHeadcount(doc: Document, headcount: number): void {
  setKeep(doc, ['agents', 'headcount'], headcount);
}

/** An editable input under "more": its path in the YAML, its value and the comment that sources it. */
export interface MoreInput {
  path: (string | number)[];
  key: string;
  value: number;
  source: string;
}

/** The numeric inputs shown under "more", from whatever scenario text is open. */
export const MORE_PATHS: { key: string; path: (string | number)[] }[] = [
  { key: 'patience', path: ['patience', 'mean'] },
  { key: 'peoplePerSeat', path: ['agents', 'peoplePerSeat'] },
  { key: 'minOnSeat', path: ['agents', 'minOnSeat'] },
  { key: 'talkConsult', path: ['callTypes', 0, 'talkTime', 'mean'] },
  { key: 'talkOrder', path: ['callTypes', 1, 'talkTime', 'mean'] },
  { key: 'wrapOrder', path: ['callTypes', 1, 'wrapUpTime', 'mean'] },
  { key: 'orderShare', path: ['callTypes', 1, 'share'] },
  { key: 'serviceLevelSeconds', path: ['serviceLevelSeconds'] },
  { key: 'bonusMonths', path: ['cost', 'bonus', 'monthsOfWage'] },
  { key: 'turnover', path: ['cost', 'turnover', 'annualRate'] },
  { key: 'managementFee', path: ['cost', 'outsourcing', 'managementFeeRate'] },
  { key: 'profit', path: ['cost', 'outsourcing', 'profitRate'] },
  { key: 'seed', path: ['seed'] },
  { key: 'replications', path: ['replications'] },
];

/** The comment sourcing a field: the comment on its line or above it, else its parents'. */
function commentFor(doc: Document, path: (string | number)[]): string {
  for (let n = path.length; n >= 1; n--) {
    const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
    if (!isMap(parent)) continue;
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === path[n - 1]);
    if (!pair) continue;
    const value = pair.value as { comment?: string | null } | null;
    const key = pair.key as { commentBefore?: string | null };
    const text = [key.commentBefore, value?.comment].filter(Boolean).join(' ').trim();
    if (text) return text.replace(/\s+/g, ' ');
  }
  return '';
}

const moreMemo = new Map<string, MoreInput[]>();

export function moreInputs(text: string): MoreInput[] {
  const hit = moreMemo.get(text);
  if (hit) return hit;
  const out = moreInputsOf(text);
  if (moreMemo.size > 8) moreMemo.clear();
  moreMemo.set(text, out);
  return out;
}

function moreInputsOf(text: string): MoreInput[] {
  const doc = parseDocument(text);
  const out: MoreInput[] = [];
  for (const m of MORE_PATHS) {
    const v = doc.getIn(m.path);
    if (typeof v !== 'number') continue;
    out.push({ ...m, value: v, source: commentFor(doc, m.path) });
  }
  return out;
}

export function setNumber(text: string, path: (string | number)[], value: number): string {
  const doc = parseDocument(text);
  setKeep(doc, path, value);
  return doc.toString({ lineWidth: 100 });
}

/** Sources the scenario cites (its `sources:` list). */
export function citations(text: string): string[] {
  const v = parseDocument(text).get('sources');
  const js = v && typeof v === 'object' && 'toJSON' in v ? (v as { toJSON(): unknown }).toJSON() : v;
  return Array.isArray(js) ? js.map(String) : [];
}

export function scenarioName(text: string): string {
  return String(parseDocument(text).get('name') ?? '');
}
