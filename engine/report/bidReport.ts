// The bidder's view (`budget --bid`) as text: one first screen, the floor, evaluation, bond,
// payment terms, agency fee, KPI deductions and the margin against the ceiling.
import type { BidMargin, BidView } from '../experiment/studies/bidStudy.ts';
import { formatAmount, formatPercent, textTable, wrapText } from './format.ts';

const money = (x: number) => formatAmount(x);

function marginText(m: BidMargin): string {
  const d = m.deductions;
  return (
    `${formatAmount(m.headcount)} people: cost ${money(m.costPerYear)}, expected margin ${money(m.expectedMarginPerYear)} ` +
    `(${formatPercent(m.expectedMarginPerYear / m.bidPerYear, 1)})` +
    (m.probabilityAllMonthsMeet !== null ? `, P(every month meets) ${formatPercent(m.probabilityAllMonthsMeet, 0)}` : '') +
    (d ? '' : '; no simulation: no deductions')
  );
}

export function formatBidSummary(name: string, costYear: number, headcount: number, v: BidView): string {
  const out: string[] = [];
  out.push(...wrapText(`${name} — bidder's view (投标视角): ${formatAmount(headcount)} people, cost year ${costYear}, yuan a year`));
  const rows: string[][] = [];
  if (v.floor) {
    const ratio = v.price.perYear / v.floor.price;
    rows.push(['Lawful floor', '最低合规报价', money(v.floor.price), `min wage ${formatAmount(v.floor.minimumMonthlyWage)}, statutory lines, zero profit`]);
    rows.push([
      `Price (${v.price.source})`,
      '报价',
      money(v.price.perYear),
      v.belowFloor ? 'BELOW the floor: abnormally low (87号令 art. 60: proof may be asked)' : `${formatAmount(ratio, 2)}× the floor`,
    ]);
  } else rows.push([`Price (${v.price.source})`, '报价', money(v.price.perYear), 'no lawful floor: minimum wage not known']);
  rows.push(['Evaluated price', '评审价格', money(v.evaluated.price), v.evaluated.deduction > 0 ? `small/micro: −${formatPercent(v.evaluated.deduction, 0)}` : v.evaluated.rule.split(':')[0]]);
  if (v.ceilingPerYear !== null) rows.push(['Ceiling price', '最高限价', money(v.ceilingPerYear), `price is ${formatPercent(v.price.perYear / v.ceilingPerYear, 1)} of it`]);
  rows.push(['Performance bond', '履约保证金', money(v.bond.amount), `costs ${money(v.bond.perYear)} a year (non-cash, art. 48)`]);
  rows.push(['Payment in arrears', '垫资成本', money(v.workingCapitalPerYear), 'in the price (payment terms, --explain)']);
  rows.push(['Bid agency fee', '代理服务费', money(v.agencyFeePerYear), v.agencyFeePerYear > 0 ? 'bidder pays (1980号 scale)' : 'purchaser pays']);
  const d = v.atReported.deductions;
  if (d) {
    rows.push(['KPI deductions', '考核扣款', money(d.expectedPerYear), `P90 ${money(d.p90PerYear)}, P(any month) ${formatPercent(d.probabilityAny, 0)} (${d.replications} reps × ${d.months} months)`]);
  }
  out.push(textTable(['Per year', '项目', 'Yuan', 'Why'], rows, ['left', 'left', 'right', 'left']));
  out.push(...wrapText(`Deductions: ${v.deductionsRule}`));
  out.push(...wrapText(`Bidding ${v.ceilingPerYear !== null ? 'the ceiling' : `the ${v.price.source} price`} ${money(v.atReported.bidPerYear)}: at ${marginText(v.atReported)}`));
  if (v.best) out.push(...wrapText(`Best head count meeting the risk: ${marginText(v.best)}`));
  for (const n of v.notes.slice(0, 1)) out.push(...wrapText(`Note: ${n}`));
  return out.join('\n');
}
