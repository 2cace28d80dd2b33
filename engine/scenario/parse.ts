// A scenario from its text: YAML -> validated spec -> resolved Scenario, with errors that name the
// file, the line and the field. No file access: referenced `file:` CSVs come through a
// ScenarioFileReader (engine/scenario/files.ts); reading from disk is engine/scenario/load.ts.
import { LineCounter, parseDocument, isMap, isScalar, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { ScenarioError } from './errors.ts';
import { LIMITS } from '../limits.ts';
import { checkRunLimits } from './workEstimate.ts';
import { resolveScenario, type ResolveOptions, type Scenario } from './resolve.ts';
import type { ScenarioFileReader } from './files.ts';
import { scenarioSchema, type ScenarioSpec } from './schema.ts';

/** Quick what-ifs from the command line, applied before validation so they are checked too. */
export interface ScenarioOverrides {
  agents?: number;
  /** Payroll operators, turned into on-seat agents by peoplePerSeat (the scenario's, else this). */
  headcount?: number;
  peoplePerSeat?: number;
  /** The on-seat form of a head count: flat around the clock, or following demand (default: the file's). */
  profile?: 'flat' | 'demand';
  replications?: number;
  seed?: number | string;
  horizonHours?: number;
  /** Multiplies the scenario's arrivals.scale (a what-if: 1.2 = 20% more calls). */
  scale?: number;
  /** A new start date (YYYY-MM-DD): the calendar (weekdays, months, holidays) moves with it. */
  startDate?: string;
  /** Any field by its path (a sweep's --vary), set before the other overrides and validated with them. */
  set?: { path: string[]; value: unknown }[];
  /** Let empirical `file:` paths point outside the scenario's folder tree (see SECURITY.md; read by the Node file reader, engine/scenario/load.ts). */
  allowFilesOutside?: boolean;
}

/**
 * The resolved scenario of a YAML text. `file` names it in errors; `files` reads the CSVs its
 * empirical distributions reference (none given: such a scenario is refused, naming the field).
 */
export function parseScenario(text: string, file?: string, overrides: ScenarioOverrides = {}, files?: ScenarioFileReader): Scenario {
  return scenarioFromYaml(parseScenarioYaml(text, file), file, overrides, files);
}

/** The resolved scenario of parsed YAML with overrides applied: a study resolves variants of one file read and parsed once. */
export function scenarioFromYaml(yaml: ScenarioYaml, file?: string, overrides: ScenarioOverrides = {}, files?: ScenarioFileReader): Scenario {
  const { spec } = specFromYaml(yaml, file, overrides);
  return resolveWithLines(spec, yaml, file, { files });
}

/** Validated spec and the YAML document (for locating later errors). */
export function parseScenarioSpec(text: string, file?: string, overrides: ScenarioOverrides = {}): { spec: ScenarioSpec } {
  return specFromYaml(parseScenarioYaml(text, file), file, overrides);
}

/** A scenario file's YAML, parsed once (a sweep validates many variants of it). */
export interface ScenarioYaml {
  doc: ReturnType<typeof parseDocument>;
  lineCounter: LineCounter;
  raw: Record<string, unknown>;
}

export function parseScenarioYaml(text: string, file?: string): ScenarioYaml {
  const lineCounter = new LineCounter();
  if (text.length > LIMITS.fileBytes) throw new ScenarioError(file, [], `the text is ${(text.length / 1048576).toFixed(0)} MB; the limit for a scenario is ${LIMITS.fileBytes / 1048576} MB`);
  let separators = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 44) separators++;
  }
  if (separators > LIMITS.yamlValues) {
    throw new ScenarioError(file, [], `the file has ${separators.toLocaleString('en-US')} lines and commas; the limit for a scenario is ${LIMITS.yamlValues.toLocaleString('en-US')} (values of a year of 1-minute intervals fit)`);
  }
  // uniqueKeys is checked below in one pass: the yaml library's own check is quadratic in the keys of a mapping.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    throw new ScenarioError(file, [], `not valid YAML: ${err.message.split('\n')[0]}`, lineCounter.linePos(err.pos[0]).line);
  }
  checkDuplicateKeys(doc, file, lineCounter);
  let raw: unknown;
  try {
    // maxAliasCount bounds alias expansion ("billion laughs"); an alias to no anchor is a ReferenceError too.
    raw = doc.toJS({ maxAliasCount: LIMITS.yamlAliases });
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    const excessive = /excessive alias count/i.test(e.message);
    throw new ScenarioError(
      file,
      [],
      excessive
        ? `not valid YAML: aliases (*name) expand to too much data; at most ${LIMITS.yamlAliases} alias uses are expanded`
        : `not valid YAML: ${e.message.split('\n')[0]}`,
    );
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ScenarioError(file, [], 'a scenario must be a YAML mapping of fields (name, horizon, arrivals, ...)');
  }
  return { doc, lineCounter, raw: raw as Record<string, unknown> };
}

/** The validated spec of parsed YAML with overrides applied (the YAML itself is not changed). */
export function specFromYaml({ doc, lineCounter, raw }: ScenarioYaml, file?: string, overrides: ScenarioOverrides = {}): { spec: ScenarioSpec } {
  const input = applyOverrides(raw, overrides);
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) {
    // An unknown field is usually a misspelt one: report it before the field it leaves missing.
    const unknown = parsed.error.issues.find((i) => i.code === 'unrecognized_keys');
    const issue = unknown ?? firstIssue(parsed.error, input);
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
    const missing = issue.code === 'invalid_type' && valueAt(input, issue.path as PropertyKey[]) === undefined;
    const union = unionExpectation(parsed.error.issues[0], input);
    const problem =
      issue.code === 'unrecognized_keys'
        ? `unknown field "${issue.keys[0]}"${didYouMean(issue.keys[0], issue.path, parsed.error.issues, input)}`
        : union && !unknown
          ? union.problem
          : missing && String(path[path.length - 1]) === 'peoplePerSeat' && String(path[0]) === 'agents'
            ? PEOPLE_PER_SEAT_MISSING
            : missing
              ? 'required field is missing'
              : issue.message;
    if (union && !unknown) {
      throw new ScenarioError(file, union.path, problem, lineOf(doc.contents, union.path, lineCounter, false));
    }
    throw new ScenarioError(file, path as (string | number)[], problem, lineOf(doc.contents, path as (string | number)[], lineCounter, issue.code === 'unrecognized_keys'));
  }
  return { spec: parsed.data };
}

function resolveWithLines(spec: ScenarioSpec, yaml: ScenarioYaml, file: string | undefined, options: ResolveOptions): Scenario {
  try {
    const scenario = resolveScenario(spec, file, options);
    const form = (['callsPerHour', 'dailyCalls', 'annualCalls'] as const).find((k) => spec.arrivals[k] !== undefined);
    checkRunLimits(scenario, file, ['arrivals', form ?? 'callsPerHour']);
    return scenario;
  } catch (e) {
    if (e instanceof ScenarioError && e.line === undefined) e.line = lineOf(yaml.doc.contents, e.path, yaml.lineCounter, false);
    throw e;
  }
}

function applyOverrides(raw: Record<string, unknown>, o: ScenarioOverrides): Record<string, unknown> {
  const out = o.set?.length ? setFields(raw, o.set) : { ...raw };
  const whatIf: string[] = [];
  const staffing = staffingOverride(out.agents, o);
  if (staffing) {
    // A flat on-seat count or head count replaces a roster.
    delete out.roster;
    out.agents = staffing.agents;
    if (staffing.title) whatIf.push(staffing.title);
  }
  if (o.scale !== undefined) {
    // Every arrival stream: calls (arrivals.scale), online requests and daily outbound tasks.
    // (Return visits owed by answered calls follow the calls by themselves.)
    const scaled = (arrivals: unknown, factor: number) => {
      const a = asRecord(arrivals);
      return a ? { ...a, scale: (typeof a.scale === 'number' ? a.scale : 1) * factor } : arrivals;
    };
    out.arrivals = scaled(out.arrivals, o.scale);
    const online = asRecord(out.online);
    if (online) out.online = { ...online, arrivals: scaled(online.arrivals, o.scale) };
    const outbound = asRecord(out.outbound);
    const daily = asRecord(outbound?.daily);
    if (outbound && daily && typeof daily.tasks === 'number') out.outbound = { ...outbound, daily: { ...daily, tasks: Math.round(daily.tasks * o.scale) } };
    if (o.scale !== 1) whatIf.push(`arrivals × ${o.scale}`);
  }
  if (o.startDate !== undefined) {
    if (o.startDate !== out.startDate) whatIf.push(`from ${o.startDate}`);
    out.startDate = o.startDate;
  }
  // An override changes what the scenario is: its title says so wherever it is printed (and only then,
  // so an override with the file's own value reproduces the file's result byte for byte).
  if (typeof out.name === 'string' && whatIf.length) out.name = `${out.name}${out.name.includes(' — what-if: ') ? ', ' : ' — what-if: '}${whatIf.join(', ')}`;
  if (o.replications !== undefined) out.replications = o.replications;
  if (o.seed !== undefined) out.seed = o.seed;
  if (o.horizonHours !== undefined) out.horizon = { hours: o.horizonHours };
  return out;
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/**
 * The agents an override asks for, keeping the scenario's staffing form: a head count (or people per
 * seat) keeps its profile, minOnSeat and the payroll's roles; only --agents (flat by definition) or
 * --profile changes the form. Null when nothing about staffing is overridden.
 */
function staffingOverride(current: unknown, o: ScenarioOverrides): { agents: unknown; title: string } | null {
  if (o.agents !== undefined) {
    if (o.headcount !== undefined || o.peoplePerSeat !== undefined || o.profile !== undefined) {
      throw new ScenarioError(undefined, ['agents'], 'agents on seat are flat by definition: give them without a head count, people per seat or profile');
    }
    return { agents: o.agents, title: current === o.agents ? '' : `${o.agents} agents on seat around the clock (flat)` };
  }
  if (o.headcount === undefined && o.peoplePerSeat === undefined && o.profile === undefined) return null;
  const file = asRecord(current) as { headcount?: number; peoplePerSeat?: number; profile?: string; minOnSeat?: number } | null;
  const headcount = o.headcount ?? file?.headcount;
  if (headcount === undefined) {
    const what = o.peoplePerSeat !== undefined ? 'people per seat (--people-per-seat)' : 'a profile (--profile)';
    throw new ScenarioError(undefined, ['agents'], `${what} needs a head count (--headcount): the scenario gives agents on seat${current === undefined ? ' by a roster' : ''}`);
  }
  const peoplePerSeat = o.peoplePerSeat ?? file?.peoplePerSeat;
  if (peoplePerSeat === undefined) {
    throw new ScenarioError(undefined, ['agents'], 'a payroll head count needs peoplePerSeat (people per agent on seat) when the scenario gives agents directly');
  }
  const profile = o.profile ?? file?.profile ?? 'flat';
  const agents: Record<string, unknown> = { ...(file ?? {}), headcount, peoplePerSeat, profile };
  if (file?.profile === undefined && o.profile === undefined) delete agents.profile;
  const same = file !== null && file.headcount === headcount && file.peoplePerSeat === peoplePerSeat && (file.profile ?? 'flat') === profile;
  const form = profile === 'demand' ? 'on seat following demand' : 'the same on seat around the clock (flat)';
  return { agents, title: same ? '' : `${headcount} people on the payroll, ${peoplePerSeat} per seat, ${form}` };
}

/** A copy with each path set (copying the objects on the way); agents on seat replace a roster. */
function setFields(raw: Record<string, unknown>, sets: { path: string[]; value: unknown }[]): Record<string, unknown> {
  const out = structuredClone(raw);
  for (const { path, value } of sets) {
    let node: Record<string, unknown> = out;
    for (const key of path.slice(0, -1)) {
      const next = node[key];
      if (next === null || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
    if (path.length === 1 && path[0] === 'agents') delete out.roster;
  }
  return out;
}

/** Refuses a mapping that gives a key twice (YAML would keep the last one silently). */
function checkDuplicateKeys(doc: Document, file: string | undefined, lc: LineCounter): void {
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) {
          const line = isScalar(pair.key) && pair.key.range ? lc.linePos(pair.key.range[0]).line : undefined;
          throw new ScenarioError(file, [], `not valid YAML: the key "${String(key)}" is given twice in one mapping`, line);
        }
        seen.add(key);
      }
    },
  });
}

type Issue = z.core.$ZodIssue;

const DISTRIBUTION_EXPECTED =
  'give a distribution in seconds, e.g. { distribution: exponential, mean: 180 }, { distribution: lognormal, mean: 180, cv: 1 } or { distribution: deterministic, value: 20 }';

/** What a union-typed field takes, said the way a user writes it (zod's own message names one branch only). */
const UNION_EXPECTED: Record<string, string> = {
  patience: 'give { distribution: exponential, mean: 90 } (seconds) or none',
  laterPatience: 'give { distribution: exponential, mean: 90 } (seconds)',
  talkTime: DISTRIBUTION_EXPECTED,
  wrapUpTime: DISTRIBUTION_EXPECTED,
  delay: DISTRIBUTION_EXPECTED,
  agents: 'give agents on seat (7), one per interval ([5, 6, 7, …]), or { headcount: 150, peoplePerSeat: 6 }; or a roster instead',
  shrinkage: 'give a fraction (0.3), 12 monthly fractions, or itemised { annualLeave: 0.08, sickLeave: 0.03, … }',
  probability: 'give a share from 0 to 1 (0.3), or one per attempt ([0.5, 0.3])',
};

const PEOPLE_PER_SEAT_MISSING =
  'required with headcount: people on the payroll per agent on seat around the clock ' +
  '(e.g. 6 ≈ 168 h a week / 40 paid h / (1 − 30% shrinkage)); or give agents on seat, or a roster';

/** A union field given a value of the wrong kind (patience: 90): the field and what it takes. */
function unionExpectation(top: Issue | undefined, input: unknown): { path: (string | number)[]; problem: string } | null {
  if (!top) return null;
  const path = top.path as (string | number)[];
  const key = String(path[path.length - 1]);
  const expected = UNION_EXPECTED[key];
  if (!expected) return null;
  const value = valueAt(input, path as PropertyKey[]);
  if (value === undefined) return null;
  // Only a value of the wrong kind: an object or number of the right kind that fails inside
  // (a negative mean) keeps the inner, precise message.
  const numeric = key === 'agents' || key === 'shrinkage' || key === 'probability';
  const rightKind = numeric ? typeof value === 'number' || (value !== null && typeof value === 'object') : value !== null && typeof value === 'object';
  if (rightKind) return null;
  const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  return { path, problem: `${expected} (got ${shown})` };
}

/** The most specific issue: for a union, the branch that matches the value's type and got furthest. */
function firstIssue(error: z.ZodError, input: unknown): Issue {
  let issue = error.issues[0];
  while (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const prefix = issue.path;
    const score = (branch: Issue[]): number =>
      Math.max(
        ...branch.map((i) => {
          const wrongType = i.code === 'invalid_type' && !sameKind(i.expected, valueAt(input, [...prefix, ...i.path] as PropertyKey[]));
          return i.path.length * 2 + (wrongType ? 0 : 1);
        }),
      );
    const best = issue.errors.filter((b) => b.length > 0).sort((a, b) => score(b) - score(a))[0];
    if (!best) break;
    issue = { ...best[0], path: [...prefix, ...best[0].path] } as Issue;
  }
  return issue;
}

/** " (did you mean talkTime?)" when a required field next to the unknown one has a close name. */
function didYouMean(key: string, parent: PropertyKey[], issues: Issue[], input: unknown): string {
  const close = issues
    .filter((i) => i.code === 'invalid_type' && i.path.length === parent.length + 1 && parent.every((p, j) => i.path[j] === p))
    .map((i) => String(i.path[parent.length]))
    .filter((name) => valueAt(input, [...parent, name]) === undefined && editDistance(name.toLowerCase(), key.toLowerCase()) <= 2);
  return close.length ? ` (did you mean ${close[0]}?)` : '';
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

/** Whether a value is of the kind zod expected (so the issue is a refinement, e.g. "not an integer"). */
function sameKind(expected: string, value: unknown): boolean {
  if (expected === 'int' || expected === 'number') return typeof value === 'number';
  if (expected === 'array') return Array.isArray(value);
  if (expected === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === expected;
}

/** The value at a path of plain data (objects and arrays), or undefined where the path leaves it. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Line of the node at path (or of the key, for an unknown field); falls back to the deepest existing parent. */
function lineOf(root: unknown, path: (string | number)[], lc: LineCounter, keyLine: boolean): number | undefined {
  let node = root as Node | null | undefined;
  let line: number | undefined = node && (node as Node).range ? lc.linePos((node as Node).range![0]).line : undefined;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (!node || !('items' in (node as object))) break;
    const items = (node as unknown as { items: unknown[] }).items;
    let next: Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      if (!pair) break;
      if (keyLine && i === path.length - 1 && isScalar(pair.key) && pair.key.range) return lc.linePos(pair.key.range[0]).line;
      next = (pair.value ?? pair.key) as Node;
      if (isScalar(pair.key) && pair.key.range) line = lc.linePos(pair.key.range[0]).line;
    } else if (typeof key === 'number') {
      next = items[key] as Node | undefined;
    }
    if (!next) break;
    node = next;
    if (node.range) line = lc.linePos(node.range[0]).line;
  }
  return line;
}
