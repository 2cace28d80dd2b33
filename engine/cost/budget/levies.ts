/** Benefits (welfare, in-house supplementary benefits) and levies (disability employment fund, union fee). */
import { formatTrimmed, formatTrimmedPercent } from '../../text/numbers.ts';
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
  const welfare = people * ol.welfarePerHeadPerMonth * 12;
  add('Welfare (meals, transport, festival benefits)', 'benefits', labourPayer, welfare,
    `福利费: ${formatTrimmed(people, 1)} people × ${formatTrimmed(ol.welfarePerHeadPerMonth)}/month × 12 (optional line; default 0: amounts not found)`);
  let supplementary = 0;
  if (terms) {
    supplementary = terms.supplementaryBenefitsRate * wagesAndBonus;
    add('Supplementary benefits (occupational annuity)', 'benefits', 'government', supplementary, `补充福利(如职业年金): ${formatTrimmedPercent(terms.supplementaryBenefitsRate)} of wages + bonus`);
  }

  // --- levies ------------------------------------------------------------------------------------
  const df = spec.levies.disabilityFund;
  const ratio = p.disabilityRatio.value;
  const avgPay = people > 0 ? wageBill / people : 0;
  const avgLocal = p.averageAnnualWage.value;
  const payBase = avgLocal !== null ? Math.min(avgPay, 2 * avgLocal) : avgPay;
  const shortfall = Math.max(0, people * ratio - df.disabledStaff);
  const exempt = people <= df.smallEmployerExemptUpTo;
  const disability = df.enabled && !exempt ? shortfall * payBase * df.band : 0;
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
          (df.band !== 1 ? ` × band ${formatTrimmed(df.band, 2)}` : '') +
          `; ${model === 'outsourced' ? 'dispatched or outsourced staff count at the vendor (财税〔2015〕72号 art. 8)' : 'public employers pay it too'}; ratio: ${p.disabilityRatio.label}`,
  );
  const unionOn = terms ? terms.unionFee : spec.levies.unionFee.enabled;
  const union = unionOn ? spec.levies.unionFee.rate * wageBill : 0;
  add(
    'Union fee',
    'levies',
    labourPayer,
    union,
    unionOn ? `工会经费: ${formatTrimmedPercent(spec.levies.unionFee.rate)} of the wage bill ${formatTrimmed(wageBill)} (Trade Union Law art. 43)` : '工会经费: off — no union assumed (levies.unionFee.enabled to add 2% of the wage bill)',
  );
  return { lines, welfare, supplementary, disability, union };
}
