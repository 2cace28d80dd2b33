// The price fit (`calibrate --observed price=… --fit <cost field>`) as text: the alternatives side by side.
import type { PriceFit, PriceFitField } from '../experiment/calibrate/priceFit.ts';
import { formatAmount, textTable, wrapText } from './format.ts';

const FIELD_NAMES: Record<PriceFitField, { en: string; zh: string }> = {
  wage: { en: 'gross operator wage, a month', zh: '话务员税前工资' },
  declaredBase: { en: 'declared SI and HF base, a month', zh: '社保公积金申报基数' },
  feeRate: { en: 'management fee rate', zh: '管理费率' },
  headcount: { en: 'people on the payroll', zh: '在岗人数' },
};

function valueText(field: PriceFitField, v: number | null): string {
  if (v === null) return 'none fits';
  return field === 'feeRate' ? `${(v * 100).toFixed(2)}%` : formatAmount(v);
}

export function formatPriceFit(name: string, f: PriceFit): string {
  const out: string[] = [];
  out.push(...wrapText(`${name} — what explains the cited price (价格校准), cost only, no simulation`));
  out.push(
    ...wrapText(
      `Cited ${formatAmount(f.observedPerYear)} a year (${f.years} year${f.years === 1 ? '' : 's'}); the scenario's model prices ${formatAmount(f.headcount)} people at ` +
        `${formatAmount(f.modelledPrice)} (${formatAmount((f.modelledPrice / f.observedPerYear - 1) * 100, 0)}% more)`,
    ),
  );
  const rows = f.alternatives.map((a, i) => [
    `${i === 0 ? '* ' : '  '}${FIELD_NAMES[a.field].en}`,
    FIELD_NAMES[a.field].zh,
    valueText(a.field, a.value),
    a.field === 'declaredBase' ? 'actual pay' : valueText(a.field, a.scenarioValue),
    formatAmount(a.price),
  ]);
  out.push(textTable(['Fitted (* asked)', '项目', 'Fit', 'Scenario', 'Price at fit'], rows, ['left', 'left', 'right', 'right', 'right']));
  for (const a of f.alternatives) out.push(...wrapText(`${FIELD_NAMES[a.field].en}: ${a.reading}`));
  if (f.reported) out.push(...wrapText(`Reported: ${f.reported}`));
  return out.join('\n');
}
