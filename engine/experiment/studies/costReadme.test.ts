// The figures engine/cost/README.md quotes for the case scenarios are the CLI's own: this test
// prices both scenarios with the functions `hotline-sim budget --no-simulate` uses and compares
// the README's table, between its markers, with the table they give (prose cannot drift).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { budgetStudy, type BudgetStudy } from './budgetStudy.ts';
import { formatAmount } from '../../report/format.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const M = (x: number) => `${formatAmount(x / 1e6, 2)}M`;
const signedPct = (x: number) => `${x >= 0 ? '+' : '−'}${formatAmount(Math.abs(x) * 100, 1)} %`;

function column(s: BudgetStudy): string[] {
  const o = s.at.budgets.outsourced.budget;
  const h = o.headcounts;
  const sup = h.total - h.operator;
  const inside = o.staff.addedOnTop.length === 0;
  const cited = s.at.citedContract!;
  const perYear = cited.yuan / cited.years;
  const price = o.contractPrice!;
  const c = s.citedAffordable!;
  const p = s.at.inhouseByPreset;
  const vs = (x: number) => signedPct(x / o.total - 1);
  return [
    `${formatAmount(h.total)} people: ${formatAmount(h.operator)} operators + ${formatAmount(sup)} supervisors ${inside ? 'inside' : 'on top'}`,
    formatAmount(price),
    `${formatAmount(perYear)} (modelled ${signedPct(price / perYear - 1)})`,
    `${formatAmount(c.wage.outsourced.monthlyWage)} outsourced (minimum ${c.minimumMonthlyWage === null ? 'not known' : formatAmount(c.minimumMonthlyWage)})`,
    `${M(p.vendor.total)} / ${M(p.publicInstitution.total)} / ${M(p.custom.total)} vs ${M(o.total)} outsourced (${vs(p.vendor.total)} / ${vs(p.publicInstitution.total)} / ${vs(p.custom.total)})`,
  ];
}

/** The README's case table, as the engine gives it today. */
export function caseFiguresTable(): string {
  const l = column(budgetStudy({ file: join(root, 'scenarios/liaocheng-2024.yaml'), simulate: false }));
  const h = column(budgetStudy({ file: join(root, 'scenarios/haikou-2024.yaml'), simulate: false }));
  const names = ['head count', 'modelled contract price', 'cited', 'affordable gross operator wage at the cited price', 'in-house all-in: vendor / public institution / custom terms'];
  return [
    '| | Liaocheng 2024 | Haikou 2024–26 (per year) |',
    '|---|---|---|',
    ...names.map((n, i) => `| ${n} | ${l[i]} | ${h[i]} |`),
  ].join('\n');
}

describe('engine/cost/README.md quotes the CLI', () => {
  it('the case table between the figures markers is what the engine prints now', { timeout: 60_000 }, () => {
    const file = join(root, 'engine/cost/README.md');
    const text = readFileSync(file, 'utf8');
    const re = /<!-- figures:begin -->\n([\s\S]*?)\n<!-- figures:end -->/;
    const m = re.exec(text);
    expect(m, 'README markers <!-- figures:begin --> … <!-- figures:end -->').not.toBeNull();
    const table = caseFiguresTable();
    // UPDATE_FIGURES=1 rewrites the table (after a deliberate change); otherwise the README must match
    if (process.env.UPDATE_FIGURES) writeFileSync(file, text.replace(re, `<!-- figures:begin -->\n${table}\n<!-- figures:end -->`));
    else expect(m![1]).toBe(table);
  });
});
