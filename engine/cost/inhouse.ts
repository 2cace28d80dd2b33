/**
 * In-house employment terms, by preset. The in-house model is only as fair as its terms:
 * - 'vendor': the vendor's terms (market wage, the same housing fund, turnover and
 *   recruitment, 5 % overhead for the centre's HR, payroll and office) — what the in-house
 *   column used to be, cheaper than outsourcing by construction (no fee, profit or VAT);
 * - 'publicInstitution': 事业单位 terms — housing fund 12 % (the legal maximum rate, usual for
 *   public employers), occupational annuity 8 % of wages (职业年金 employer rate) only for
 *   establishment staff (编制内): the default 编外聘用 contract staff are in the enterprise pension
 *   scheme and get none (国发〔2015〕2号 art. 1; 国办发〔2015〕18号 art. 2), union fee 2 %, the centre's own HR, finance and management
 *   staff (overhead 8 % of labour, ASSUMPTION), recruitment through public procedures
 *   (announcement, written exam, interview, medical check, vetting, publicity: 3,000 yuan a
 *   hire, ASSUMPTION);
 * - 'custom': the scenario's `inhouse` fields as given.
 */
import type { CostSpec } from './schema.ts';

export type InhousePreset = CostSpec['inhouse']['preset'];
export const INHOUSE_PRESETS: readonly InhousePreset[] = ['vendor', 'publicInstitution', 'custom'];

export interface InhouseTerms {
  readonly preset: InhousePreset;
  readonly wageMultiplier: number;
  readonly monthlyWages: CostSpec['inhouse']['monthlyWages'];
  readonly bonusMonthsOfWage: number;
  /** null: the general (resolved) housing-fund rate. */
  readonly housingFundRate: number | null;
  readonly turnoverRate: number;
  readonly supplementaryBenefitsRate: number;
  readonly overheads: { readonly shareOfLabour: number; readonly fixedPerYear: number };
  readonly recruitmentPerHire: number;
  readonly unionFee: boolean;
  readonly description: string;
}

export const inhousePresetNames: Record<InhousePreset, { en: string; zh: string }> = {
  vendor: { en: "vendor's terms", zh: '同外包条件' },
  publicInstitution: { en: 'public institution', zh: '事业单位/编外聘用' },
  custom: { en: 'custom', zh: '自定义' },
};

export function inhouseTerms(spec: CostSpec, preset: InhousePreset = spec.inhouse.preset): InhouseTerms {
  const general = {
    wageMultiplier: 1,
    monthlyWages: {},
    bonusMonthsOfWage: spec.bonus.monthsOfWage,
    housingFundRate: null,
    turnoverRate: spec.turnover.annualRate,
    supplementaryBenefitsRate: 0,
    overheads: { shareOfLabour: 0.05, fixedPerYear: 0 },
    recruitmentPerHire: spec.turnover.recruitmentPerHire,
    unionFee: spec.levies.unionFee.enabled,
  };
  switch (preset) {
    case 'vendor':
      return { preset, ...general, description: "the vendor's terms: market wage, same housing fund, turnover and recruitment; 5% overhead" };
    case 'publicInstitution': {
      const establishment = spec.inhouse.establishment === 'establishment';
      return {
        preset,
        ...general,
        housingFundRate: 0.12,
        supplementaryBenefitsRate: establishment ? 0.08 : 0,
        overheads: { shareOfLabour: 0.08, fixedPerYear: 0 },
        recruitmentPerHire: 3000,
        unionFee: true,
        description: establishment
          ? 'public-institution terms, establishment staff (编制内): housing fund 12%, occupational annuity 8%, union fee, own HR/finance/management 8% (ASSUMPTION), public recruitment 3,000 a hire (ASSUMPTION)'
          : 'public-institution terms, contract staff (编外聘用, no 职业年金): housing fund 12%, union fee, own HR/finance/management 8% (ASSUMPTION), public recruitment 3,000 a hire (ASSUMPTION)',
      };
    }
    case 'custom': {
      const i = spec.inhouse;
      return {
        preset,
        wageMultiplier: i.wageMultiplier,
        monthlyWages: i.monthlyWages,
        bonusMonthsOfWage: i.bonusMonthsOfWage ?? spec.bonus.monthsOfWage,
        housingFundRate: i.housingFundRate ?? null,
        turnoverRate: i.turnoverRate ?? spec.turnover.annualRate,
        supplementaryBenefitsRate: i.supplementaryBenefitsRate,
        overheads: i.overheads,
        recruitmentPerHire: i.recruitmentPerHire ?? spec.turnover.recruitmentPerHire,
        unionFee: i.unionFee ?? spec.levies.unionFee.enabled,
        description: "the scenario's inhouse fields",
      };
    }
  }
}

/** A copy of the spec whose in-house model uses `preset`. */
export function withInhousePreset(spec: CostSpec, preset: InhousePreset): CostSpec {
  return { ...spec, inhouse: { ...spec.inhouse, preset } };
}
