/** Benefits (welfare, in-house supplementary benefits) and levies (disability employment fund, union fee). */
import { formatTrimmed, formatTrimmedPercent } from '../../text/numbers.ts';
import { disabilityFundBand, mealAllowanceYear } from '../rules.ts';
import { lineList, type BudgetContext } from './context.ts';
import type { PayLines } from './pay.ts';
import type { BudgetLine } from './types.ts';

export interface BenefitAndLevyLines {
  lines: BudgetLine[];
  welfare: number;
  supplementary: number;
  disability: number;
  union: number;
}

export function benefitAndLevyLines(ctx: BudgetContext, pay: PayLines): BenefitAndLevyLines {
  const { spec, model, p, terms, labourPayer, people } = ctx;
  const { wagesAndBonus, wageBill } = pay;
  const { lines, add } = lineList();
  // --- welfare and supplementary benefits -------------------------------------------------------
  const ol = spec.otherLines;
  const meal = mealAllowanceYear(people, ol.meal.yuanPerShift, ol.meal.shiftHours, spec.calendarYear);
  add('Meal allowance', 'benefits', labourPayer, meal.value, `${meal.rule}; ASSUMPTION 15 yuan a shift (otherLines.meal; 0 turns it off)`);
  const otherWelfare = people * ol.welfarePerHeadPerMonth * 12;
  add('Other welfare (transport, festival benefits)', 'benefits', labourPayer, otherWelfare,
    `其他福利费: ${formatTrimmed(people, 1)} people × ${formatTrimmed(ol.welfarePerHeadPerMonth)}/month × 12 (optional line; default 0: amounts not found)`);
  const welfare = meal.value + otherWelfare;
  let supplementary = 0;
  if (terms) {
    supplementary = terms.supplementaryBenefitsRate * wagesAndBonus;
    add(
      'Supplementary benefits (occupational annuity)',
      'benefits',
      'government',
      supplementary,
      terms.preset === 'publicInstitution' && terms.supplementaryBenefitsRate === 0
        ? '补充福利(职业年金): none — 编外聘用 contract staff are in the enterprise pension scheme, no 职业年金 (国发〔2015〕2号; inhouse.establishment: establishment for 8%)'
        : `补充福利(如职业年金): ${formatTrimmedPercent(terms.supplementaryBenefitsRate)} of wages + bonus`,
    );
  }

  // --- levies ------------------------------------------------------------------------------------
  const df = spec.levies.disabilityFund;
  const ratio = p.disabilityRatio.value;
  const avgPay = people > 0 ? wageBill / people : 0;
  const avgLocal = p.averageAnnualWage.value;
  const payBase = avgLocal !== null ? Math.min(avgPay, 2 * avgLocal) : avgPay;
  const shortfall = Math.max(0, people * ratio - df.disabledStaff);
  // the ≤ 30-staff exemption is for enterprises (财政部公告2023年第8号); a public employer in-house pays
  const exempt = people <= df.smallEmployerExemptUpTo && !(model === 'inhouse' && terms?.preset === 'publicInstitution');
  const bandRule = df.band !== undefined ? { value: df.band, rule: "the scenario's band" } : disabilityFundBand(spec.calendarYear, df.disabledStaff, people, ratio);
  const band = bandRule.value;
  const disability = df.enabled && !exempt ? shortfall * payBase * band : 0;
  add(
    'Disability employment security fund',
    'levies',
    labourPayer,
    disability,
    !df.enabled
      ? '残疾人就业保障金: off'
      : exempt
        ? `残疾人就业保障金: exempt — ${formatTrimmed(people, 1)} staff ≤ ${df.smallEmployerExemptUpTo}`
        : `残疾人就业保障金: (${formatTrimmed(people, 1)} staff × ${formatTrimmedPercent(ratio)} − ${formatTrimmed(df.disabledStaff)} disabled staff) × average pay ${formatTrimmed(payBase)}` +
          (avgLocal !== null ? ` (capped at 2 × local average ${formatTrimmed(avgLocal)}${avgPay > 2 * avgLocal ? ': cap binds' : ''})` : ' (local average pay not known: no 2× cap)') +
          ` × band ${formatTrimmed(band, 2)} (${bandRule.rule})` +
          `; ${model === 'outsourced' ? 'dispatched or outsourced staff count at the vendor (财税〔2015〕72号 art. 8)' : 'public employers pay it too'}; ratio: ${p.disabilityRatio.label}`,
  );
  const unionOn = terms ? terms.unionFee : spec.levies.unionFee.enabled;
  const union = unionOn ? spec.levies.unionFee.rate * wageBill : 0;
  add(
    'Union fee',
    'levies',
    labourPayer,
    union,
    unionOn
      ? `工会经费(或筹备金): ${formatTrimmedPercent(spec.levies.unionFee.rate)} of the wage bill ${formatTrimmed(wageBill)} (Trade Union Law art. 43; where no union exists the upper-level union collects 筹备金 at the same rate through the tax bureau)`
      : '工会经费: off — the scenario says the employer pays neither union fee nor 筹备金',
  );
  // practice defaults and rules in the price, for the first screen
  if (meal.value > 0) ctx.assumptions.push(`meal ${formatTrimmed(ol.meal.yuanPerShift, 2)}/shift`);
  if (union > 0) ctx.assumptions.push(`union fee ${formatTrimmedPercent(spec.levies.unionFee.rate)}`);
  if (df.enabled && !exempt && band !== 1) ctx.assumptions.push(`残保金 band ${formatTrimmedPercent(band)}`);
  return { lines, welfare, supplementary, disability, union };
}
