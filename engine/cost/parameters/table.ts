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

export interface CityRow {
  readonly zh: string;
  /** Cells that the city sets itself (minimum wage class, housing-fund floor): they override the province's. */
  readonly years: Readonly<Record<number, RegionCells>>;
}

export interface Region {
  readonly zh: string;
  readonly years: Readonly<Record<number, RegionCells>>;
  /** Cities whose own cells are known, by the scenario's `city.name`. */
  readonly cities?: Readonly<Record<string, CityRow>>;
}

/**
 * Provincial social-insurance floor and cap (60 % / 300 % of one average, third-party calculator,
 * weak), the average they imply (inferred; the 残保金 2× cap and the housing-fund cap use it) and
 * the housing-fund cap of 3 × that average (建金管〔2005〕5号; inferred: the city's own average was
 * not found, and at call-centre pay the cap never binds). The calculator's housing-fund cells are
 * dropped: they were 15 × an old minimum wage, not fund bases.
 */
const provincialBases = (siFloor: number, siCap: number): RegionCells => {
  const monthlyAverage = siCap / 3;
  return {
    siFloor: { value: siFloor, source: 'calculatorBases' },
    siCap: { value: siCap, source: 'calculatorBases' },
    hfCap: { value: 3 * monthlyAverage, source: 'housingFundRule', note: `3 × ${monthlyAverage} (the average the social-insurance cap implies), inferred` },
    averageAnnualWage: { value: 12 * monthlyAverage, source: 'inferredAverage', note: `12 × ${monthlyAverage} = 12 × the social-insurance cap / 3 (cap = 300 % of the average), inferred` },
  };
};

/** A city's minimum wage of its class; the housing-fund floor is that minimum wage (建金管〔2005〕5号 practice). */
const cityMinimum = (wage: number, source: SourceId, note: string): RegionCells => ({
  minimumMonthlyWage: { value: wage, source, note },
  hfFloor: { value: wage, source: 'housingFundRule', note: `the city's minimum wage ${wage}, inferred` },
});

export const REGIONS = {
  Shandong: {
    zh: '山东',
    cities: {
      // Class 1 covers only the main districts of Jinan, Qingdao, Zibo, Yantai, Dongying, Weifang and Weihai.
      Liaocheng: {
        zh: '聊城',
        years: {
          2024: cityMinimum(2010, 'mohrssMinWage2024', 'class 2 assumed; class 1: 2,200'),
          2025: cityMinimum(2010, 'mohrssMinWage2024', 'class 2 ASSUMED; no 2025 change found, the 2024 standard carried forward'),
        },
      },
      Jinan: { zh: '济南', years: { 2024: cityMinimum(2200, 'mohrssMinWage2024', 'class 1 (city districts)') } },
    },
    years: {
      2024: {
        ...provincialBases(4416, 22078),
        highTemperature: {
          value: { yuanPerMonth: 140, months: 4, appliesToIndoorWork: true, rule: '140 yuan/month for work other than outdoor and hot work, June–September' },
          source: 'highTemperature',
        },
      },
    },
  },
  Hainan: {
    zh: '海南',
    cities: {
      Haikou: {
        zh: '海口',
        years: {
          2022: cityMinimum(1830, 'hainanMinWage2021', 'class 1 (the notice names 海口市), from 2021-12-01'),
          2023: cityMinimum(1830, 'hainanMinWage2021', 'class 1, 1,830 until the late-2023 rise to 2,010'),
          2024: cityMinimum(2010, 'mohrssMinWage2024', 'class 1 (Haikou), from late 2023'),
          2025: cityMinimum(2010, 'mohrssMinWage2024', 'class 1; no 2025 change found, the 2024 standard carried forward'),
        },
      },
    },
    years: {
      2024: {
        ...provincialBases(4878.6, 24393),
        highTemperature: {
          value: { yuanPerMonth: 10 * 21.75, months: 7, appliesToIndoorWork: null, rule: '10 yuan/day (× 21.75 paid days), April–October, outdoor and high-temperature workplaces' },
          source: 'highTemperature',
          note: 'not applied unless the scenario turns it on: coverage of air-conditioned offices not verified',
        },
      },
    },
  },
  Guangdong: {
    zh: '广东',
    cities: { Guangzhou: { zh: '广州', years: { 2024: cityMinimum(2300, 'mohrssMinWage2024', 'class 1 (Guangzhou)') } } },
    years: {
      2024: {
        ...provincialBases(4492, 27501),
        siFloor: { value: 4492, source: 'calculatorBases', note: "Guangdong's provincial pension floor outside the Pearl River Delta, not Guangzhou's own (not found): Guangzhou's medical floor is higher, so this understates" },
      },
    },
  },
  Guangxi: {
    zh: '广西',
    cities: {
      Nanning: {
        zh: '南宁',
        years: {
          2020: cityMinimum(1810, 'mohrssMinWage2023', 'class 1, 2020 to late 2023'),
          2021: cityMinimum(1810, 'mohrssMinWage2023', 'class 1'),
          2024: cityMinimum(1990, 'mohrssMinWage2024', 'class 1, from late 2023'),
        },
      },
    },
    years: { 2024: provincialBases(4053.6, 20268) },
  },
  Chongqing: { zh: '重庆', years: { 2024: { ...provincialBases(4500, 22500), ...cityMinimum(2100, 'mohrssMinWage2024', 'first band (districts), 2022-04 to 2024') } } },
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
  workInjury: { value: 0.002, label: 'class 1 (a public employer; a call-centre firm), base rate 0.2 % — 人社部发〔2015〕71号; a vendor takes its own class (outsourcing.vendorIndustry)' },
  hfFloor: { value: 2000, label: 'ASSUMPTION 2,000: the housing-fund floor is the local minimum wage (建金管〔2005〕5号 practice), far below the social-insurance floor' },
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
  /** The table cell's own note (e.g. which minimum-wage class is assumed). */
  readonly note?: string;
}

/** The row a scenario's region and year fell on: the year asked, else the nearest earlier row, else none. */
export interface RowChoice {
  readonly cells: RegionCells;
  /** The province row's year used (null: none). */
  readonly provinceYear: number | null;
  /** The city row's year used (null: no city row). */
  readonly cityYear: number | null;
  /** Plain words for the first screen, e.g. "Shandong 2024 row + Liaocheng 2024 (city)". */
  readonly label: string;
  /** True when a row of another year stood in (or none was found). */
  readonly fellBack: boolean;
}

function nearestRow<T>(rows: Readonly<Record<number, T>> | undefined, year: number): number | null {
  if (!rows) return null;
  const years = Object.keys(rows).map(Number).sort((a, b) => a - b);
  if (years.includes(year)) return year;
  const earlier = years.filter((y) => y < year);
  return earlier.length ? earlier[earlier.length - 1] : null;
}

/**
 * The table's cells for a province, city and year: the province row, overridden by the city's
 * own cells. A year with no row takes the nearest EARLIER row (carried forward, and said so);
 * none earlier: no cells (national defaults, said so).
 */
export function regionRow(province: string | undefined, year: number, city?: string): RowChoice {
  if (!province) return { cells: {}, provinceYear: null, cityYear: null, label: 'no region: national defaults', fellBack: false };
  const r = (REGIONS as Record<string, Region>)[province];
  const py = nearestRow(r?.years, year);
  const c = city ? r?.cities?.[city] : undefined;
  const cy = nearestRow(c?.years, year);
  const cells = { ...(py !== null ? r.years[py] : {}), ...(cy !== null && c ? c.years[cy] : {}) };
  const parts = [
    py === null ? `no ${province} row for ${year} or before: national defaults` : `${province} ${py}${py !== year ? ` (carried forward to ${year})` : ''}`,
  ];
  if (c && cy !== null) parts.push(`${city} ${cy}${cy !== year ? ` (carried forward)` : ''}`);
  else if (city && !c) parts.push(`no ${city} city row`);
  return { cells, provinceYear: py, cityYear: cy, label: parts.join(' + '), fellBack: py !== year || (c !== undefined && cy !== year) };
}

/** The table's cells for a province and year (the nearest earlier row; city cells when `city` is given). */
export function regionCells(province: string | undefined, year: number, city?: string): RegionCells {
  return regionRow(province, year, city).cells;
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
      ...(c.note ? { note: c.note } : {}),
      label: `${where}: ${s.title} — ${s.publisher}, ${s.date}, ${s.url} [${s.strength}]${c.note ? `; ${c.note}` : ''}`,
    };
  }
  const d = NATIONAL_DEFAULTS[key];
  return { value: d.value, origin: 'national default', label: `national default: ${d.label}` };
}
