/**
 * Regional cost parameters: province × year, each filled cell with its source and strength.
 * Unknown cells are left EMPTY: the model then uses the labelled national default below and
 * says so in --explain. Add a province or a year by adding a row here, with the source in
 * sources.ts; a test checks that every filled cell names a known source.
 */
import { SOURCES, type Source, type SourceId } from './sources.ts';

/** High-temperature allowance (高温津贴): amount per person while it is paid. */
export interface HighTemperatureRule {
  /** Yuan per person per month in the months it is paid (a per-day rule × 21.75 paid days). */
  readonly yuanPerMonth: number;
  /** Months a year it is paid. */
  readonly months: number;
  /** Whether the rule covers indoor, air-conditioned work (a call centre): null = not verified. */
  readonly appliesToIndoorWork: boolean | null;
  readonly rule: string;
}

export interface RegionValues {
  /** Social-insurance contribution base, yuan/month per person. */
  siFloor: number;
  siCap: number;
  /** Employer rates (fractions). */
  pension: number;
  medicalInclMaternity: number;
  unemployment: number;
  workInjury: number;
  /** Housing fund: its own base floor/cap, yuan/month, and the employer rate. */
  hfFloor: number;
  hfCap: number;
  hfRate: number;
  /** Monthly minimum wage of the city, yuan. */
  minimumMonthlyWage: number;
  highTemperature: HighTemperatureRule;
  /** 残保金: share of the head count the employer must fill with disabled staff. */
  disabilityRatio: number;
  /** Local average pay, yuan per year (the 残保金 pay base is capped at 2× this). */
  averageAnnualWage: number;
}
export type ParameterKey = keyof RegionValues;

export interface Cell<T> {
  readonly value: T;
  readonly source: SourceId;
  readonly note?: string;
}
export type RegionCells = { readonly [K in ParameterKey]?: Cell<RegionValues[K]> };

export interface Region {
  readonly zh: string;
  readonly years: Readonly<Record<number, RegionCells>>;
}

const bases = (siFloor: number, siCap: number, hfFloor: number, hfCap: number): RegionCells => ({
  siFloor: { value: siFloor, source: 'calculatorBases' },
  siCap: { value: siCap, source: 'calculatorBases' },
  hfFloor: { value: hfFloor, source: 'calculatorBases' },
  hfCap: { value: hfCap, source: 'calculatorBases' },
});

export const REGIONS = {
  Shandong: {
    zh: '山东',
    years: {
      2024: {
        ...bases(4416, 22078, 1910, 28650),
        highTemperature: {
          value: { yuanPerMonth: 140, months: 4, appliesToIndoorWork: true, rule: '140 yuan/month for work other than outdoor and hot work, June–September' },
          source: 'highTemperature',
        },
      },
    },
  },
  Hainan: {
    zh: '海南',
    years: {
      2024: {
        ...bases(4878.6, 24393, 1830, 25775),
        highTemperature: {
          value: { yuanPerMonth: 10 * 21.75, months: 7, appliesToIndoorWork: null, rule: '10 yuan/day (× 21.75 paid days), April–October, outdoor and high-temperature workplaces' },
          source: 'highTemperature',
          note: 'not applied unless the scenario turns it on: coverage of air-conditioned offices not verified',
        },
      },
    },
  },
  Guangdong: { zh: '广东', years: { 2024: bases(4492, 27501, 1750, 39579) } },
  Guangxi: { zh: '广西', years: { 2024: bases(4053.6, 20268, 1990, 28125) } },
  Chongqing: { zh: '重庆', years: { 2024: bases(4500, 22500, 2200, 29362) } },
} as const satisfies Record<string, Region>;

export type Province = keyof typeof REGIONS;
export const PROVINCES = Object.keys(REGIONS) as Province[];

/** National defaults: used where a cell is empty, each with its label (why this value). */
export const NATIONAL_DEFAULTS: { readonly [K in ParameterKey]: { readonly value: RegionValues[K] | null; readonly label: string } } = {
  siFloor: { value: 4000, label: 'ASSUMPTION 4,000: floors are ~60 % of the provincial average wage; the sourced floors (weak) are 4,054–4,879' },
  siCap: { value: 20000, label: 'ASSUMPTION 20,000: caps are ~300 % of the provincial average wage' },
  pension: { value: 0.16, label: 'national employer rate 16 % (the rate most provinces apply; provincial rate not found)' },
  medicalInclMaternity: { value: 0.08, label: 'ASSUMPTION 8 %: inside the national ranges medical 5–12 % + maternity 0.5–1 %; provincial rate not found' },
  unemployment: { value: 0.007, label: 'ASSUMPTION 0.7 %: inside 0.5–1 % (total rate 1 %, employer ≥ employee); provincial rate not found' },
  workInjury: { value: 0.002, label: 'lowest risk class (class 1: software and IT services), base rate 0.2 % — 人社部发〔2015〕71号 as mirrored by m.bbbaike.com (weak)' },
  hfFloor: { value: 2000, label: 'ASSUMPTION 2,000: housing-fund floors sit near the minimum wage, far below the social-insurance floor (1,750–2,690 in the weak calculator data)' },
  hfCap: { value: 20000, label: 'ASSUMPTION: the national default social-insurance cap' },
  hfRate: { value: 0.05, label: 'the legal minimum employer rate 5 % (range 5–12 %)' },
  minimumMonthlyWage: { value: null, label: 'not known: no minimum-wage check' },
  highTemperature: { value: null, label: 'none: no rule known for this province' },
  disabilityRatio: { value: 0.015, label: '1.5 % (财税〔2015〕72号 and provincial forwardings; provinces may set more)' },
  averageAnnualWage: { value: null, label: 'not known: the 2× local-average cap on the pay base is not applied' },
};

export interface Resolved<T> {
  readonly value: T;
  readonly origin: 'scenario' | 'table' | 'national default';
  /** Source details (table cells) or the default's label. */
  readonly label: string;
  readonly source?: Source;
}

/** The table's cells for a province and year (empty when either is unknown). */
export function regionCells(province: string | undefined, year: number): RegionCells {
  if (!province) return {};
  const r = (REGIONS as Record<string, Region>)[province];
  return r?.years[year] ?? {};
}

/** One parameter: the scenario's own value, else the table's cell, else the national default. */
export function resolveParameter<K extends ParameterKey>(
  key: K,
  explicit: RegionValues[K] | undefined,
  cells: RegionCells,
  where: string,
): Resolved<RegionValues[K] | null> {
  if (explicit !== undefined) return { value: explicit, origin: 'scenario', label: "the scenario's own value" };
  const c = cells[key] as Cell<RegionValues[K]> | undefined;
  if (c) {
    const s: Source = SOURCES[c.source];
    return {
      value: c.value,
      origin: 'table',
      source: s,
      label: `${where}: ${s.title} — ${s.publisher}, ${s.date}, ${s.url} [${s.strength}]${c.note ? `; ${c.note}` : ''}`,
    };
  }
  const d = NATIONAL_DEFAULTS[key];
  return { value: d.value, origin: 'national default', label: `national default: ${d.label}` };
}
