/**
 * The cost parameters a budget uses, each resolved to one value with its origin: the
 * scenario's own value, the region table's cell (with its source and strength), or the
 * labelled national default. `--explain` prints these labels.
 */
import type { CostSpec } from '../schema.ts';
import { regionRow, resolveParameter, REGIONS, type HighTemperatureRule, type Province, type Resolved } from './table.ts';
import { WORK_INJURY_BY_INDUSTRY } from '../rules.ts';

import type { BaseBounds } from '../socialInsurance.ts';
import type { VatRegime } from '../tax.ts';

export interface CostParameters {
  readonly region: {
    readonly province: Province | null;
    readonly year: number;
    readonly label: string;
    /** The table row(s) used, e.g. "Shandong 2024 row + Liaocheng 2024", and whether another year stood in. */
    readonly row: string;
    readonly fellBack: boolean;
  };
  readonly siFloor: Resolved<number>;
  readonly siCap: Resolved<number>;
  readonly rates: {
    readonly pension: Resolved<number>;
    readonly medicalInclMaternity: Resolved<number>;
    readonly unemployment: Resolved<number>;
    readonly workInjury: Resolved<number>;
  };
  readonly hfFloor: Resolved<number>;
  readonly hfCap: Resolved<number>;
  readonly hfRate: Resolved<number>;
  readonly minimumMonthlyWage: Resolved<number | null>;
  /** The allowance actually paid (null: none), with why. */
  readonly highTemperature: Resolved<HighTemperatureRule | null> & { readonly applied: boolean };
  readonly disabilityRatio: Resolved<number>;
  readonly averageAnnualWage: Resolved<number | null>;
  readonly vat: { readonly regime: VatRegime; readonly rate: number; readonly label: string };
}

const num = (r: Resolved<number | null>): Resolved<number> => {
  if (r.value === null) throw new Error(`no value for a required parameter (${r.label})`);
  return r as Resolved<number>;
};

/** The small-scale rate: 1 % in 2023–2027 (reduced rate to 2027-12-31), else 3 %. */
export function smallScaleRate(year: number): number {
  return year >= 2023 && year <= 2027 ? 0.01 : 0.03;
}

export function resolveVat(spec: CostSpec): CostParameters['vat'] {
  const o = spec.outsourcing;
  const regime: VatRegime = o.vat.regime ?? (o.taxpayer === 'smallScale' ? 'small' : 'general');
  switch (regime) {
    case 'general':
      return { regime, rate: o.vat.generalRate, label: `一般计税: ${o.vat.generalRate * 100}% on the whole price (${o.contractType}, general taxpayer)` };
    case 'simplified':
      return {
        regime,
        rate: o.vat.simplifiedRate,
        label: `差额征税: ${o.vat.simplifiedRate * 100}% on the price less wages, welfare, social insurance and housing fund of the dispatched staff (labour dispatch, 财税〔2016〕47号)`,
      };
    case 'small': {
      const rate = o.vat.smallRate ?? smallScaleRate(spec.calendarYear);
      const why = o.vat.smallRate !== undefined ? 'the scenario\'s rate' : spec.calendarYear >= 2023 && spec.calendarYear <= 2027 ? 'reduced rate 1 % for 2023–2027' : '3 % outside 2023–2027';
      return { regime, rate, label: `小规模纳税人: ${rate * 100}% on the whole price (${why})` };
    }
  }
}

export function resolveCostParameters(spec: CostSpec): CostParameters {
  const province = (spec.region?.province as Province | undefined) ?? null;
  const year = spec.region?.year ?? spec.calendarYear;
  const row = regionRow(province ?? undefined, year, spec.city.name);
  const cells = row.cells;
  const where = province ? `${province} (${REGIONS[province].zh}) ${year}` : 'no region';
  const si = spec.socialInsurance;
  const hf = spec.housingFund;
  const rp = <K extends Parameters<typeof resolveParameter>[0]>(key: K, explicit: Parameters<typeof resolveParameter<K>>[1]) =>
    resolveParameter(key, explicit, cells, where);
  const ht = rp('highTemperature', undefined);
  const htExplicit = spec.levies.highTemperature;
  let highTemperature: CostParameters['highTemperature'];
  if (htExplicit.yuanPerMonth !== undefined || htExplicit.months !== undefined) {
    const rule: HighTemperatureRule = {
      yuanPerMonth: htExplicit.yuanPerMonth ?? ht.value?.yuanPerMonth ?? 0,
      months: htExplicit.months ?? ht.value?.months ?? 0,
      appliesToIndoorWork: true,
      rule: "the scenario's amount",
    };
    highTemperature = { value: rule, origin: 'scenario', label: "the scenario's own amount", applied: htExplicit.enabled ?? true };
  } else {
    const applied = htExplicit.enabled ?? (ht.value !== null && ht.value.appliesToIndoorWork === true);
    highTemperature = { ...ht, applied: applied && ht.value !== null };
  }
  return {
    region: {
      province,
      year,
      label: province ? `${province} ${REGIONS[province].zh}, ${year} (parameter table: ${row.label})` : 'no region given: national defaults',
      row: row.label,
      fellBack: row.fellBack,
    },
    siFloor: num(rp('siFloor', si.base?.monthlyFloor)),
    siCap: num(rp('siCap', si.base?.monthlyCap)),
    rates: {
      pension: num(rp('pension', si.rates.pension)),
      medicalInclMaternity: num(rp('medicalInclMaternity', si.rates.medicalInclMaternity)),
      unemployment: num(rp('unemployment', si.rates.unemployment)),
      workInjury: workInjuryFor(num(rp('workInjury', si.rates.workInjury)), spec),
    },
    hfFloor: num(rp('hfFloor', hf.base?.monthlyFloor)),
    hfCap: num(rp('hfCap', hf.base?.monthlyCap)),
    hfRate: num(rp('hfRate', hf.rate)),
    minimumMonthlyWage: rp('minimumMonthlyWage', spec.city.minimumMonthlyWage),
    highTemperature,
    disabilityRatio: num(rp('disabilityRatio', spec.levies.disabilityFund.ratio)),
    averageAnnualWage: rp('averageAnnualWage', spec.levies.disabilityFund.averageAnnualWage),
    vat: resolveVat(spec),
  };
}

/** A national-default work-injury rate becomes the vendor's industry class (人社部发〔2015〕71号). */
function workInjuryFor(r: Resolved<number>, spec: CostSpec): Resolved<number> {
  if (r.origin !== 'national default') return r;
  const c = WORK_INJURY_BY_INDUSTRY[spec.outsourcing.vendorIndustry];
  return { value: c.rate, origin: 'national default', label: `the vendor's industry: ${c.rule}` };
}

export function siBounds(p: CostParameters): BaseBounds {
  return { monthlyFloor: p.siFloor.value, monthlyCap: p.siCap.value };
}
export function hfBounds(p: CostParameters): BaseBounds {
  return { monthlyFloor: p.hfFloor.value, monthlyCap: p.hfCap.value };
}
